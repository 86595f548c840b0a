// Scale (issue 8): importing, storing, autosaving, reloading and exporting a large
// plan, and the memory it takes. Two files from `cargo run --release --example
// large_plan_file` (see .ci/bench-ui.sh): 10,000 accounts with 30,000 contacts and
// 5,000 deals, and the same with 200,000 activities. Figures go to
// target/bench/ui-scale-<name>.json.
//
// - import: from picking the file to the frame showing its preview (read and
//   checked), then from the click on "Open as a new plan" to the frame showing
//   the plan; both in the page's clock (markWhenShown);
// - first save: whether the plan fits in local storage, how much it takes, the
//   time from "Open" to the frame showing "Saved" (page's clock), and the
//   main-thread time it took: the steps
//   that store its parts ahead (measures "abm-planner:save-step": how many, the
//   longest) and the save that follows ("abm-planner:save");
// - autosave: the save's steps and the save after small edits (median of 5),
//   of the plan's base (a goal added) and of a record (an account's employees
//   edited in the accounts table, which rewrites that account's run);
// - reload: from the reload's navigation start to the frame showing the plan
//   again (only when it was saved);
// - export: from the click to the download;
// - memory after import: the tab's renderer process (resident set, from ps: the
//   largest Chromium renderer, which is this benchmark's only page), the V8
//   heap from CDP Runtime.getHeapUsage, and the app's Wasm memory (its high-water
//   mark: Wasm memory never shrinks); after the reload, the renderer and the
//   Wasm memory again (the stored plan read back). The renderer is read right
//   after a full collection and once it has settled (settledRenderer), when
//   its private memory is read too (privateMB); last, the same in a new tab
//   that opens the stored plan.
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { test, expect, openApp, goTo, addGoal, settledStatus, storedUnits, wasmMemoryMB } from '../support/app.js';
import { median, writeBenchResult } from '../support/bench.js';

const target = path.resolve(import.meta.dirname, '../../../target');
const round = (x) => Number(x.toFixed(1));

const plans = [
  { name: '10k-accounts', file: process.env.LARGE_PLAN ?? path.join(target, 'large-10k.abm.json') },
  { name: '10k-accounts-200k-activities', file: process.env.LARGE_ACTIVITY_PLAN ?? path.join(target, 'large-10k-activity.abm.json') },
];

const lastSaveMs = (page) => page.evaluate(() => performance.getEntriesByName('abm-planner:save').at(-1)?.duration ?? null);
/** Durations of the steps before the last save (ms). */
const saveStepsMs = (page) => page.evaluate(() => performance.getEntriesByName('abm-planner:save-step').map((e) => e.duration));
/** Main-thread time of the last save: its steps and the save itself. */
const lastSaveTotalMs = async (page) => (await saveStepsMs(page)).reduce((a, b) => a + b, 0) + (await lastSaveMs(page));
/**
 * The largest Chromium renderer process (this benchmark's only page), leaving
 * out `closed` (the pid of a closed page's, which may linger): its pid and
 * resident set in MB.
 */
function renderer(closed = null) {
  const rows = execSync('ps -eo pid=,rss=,args=', { encoding: 'utf8' }).split('\n').filter((l) => l.includes('--type=renderer'));
  const [pid, rss] = rows.map((l) => l.trim().split(/\s+/).map(Number)).filter(([p]) => p !== closed).reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
  return { pid, rssMB: rss / 1024 };
}
/** Resident memory of the largest Chromium renderer process, in MB. */
const rendererRssMB = () => renderer().rssMB;
/**
 * The renderer's private memory in MB (anonymous resident + swapped), what
 * Chromium's task manager calls the memory footprint. The resident set also
 * counts the pages of Chromium's own executable mapped in (about 125 MB here),
 * which every Chromium process shares.
 */
function privateMB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
  return (kB('RssAnon') + kB('VmSwap')) / 1024;
}

/**
 * Run in the page before its scripts (and again after a reload): notes the
 * frame at which the import's preview ("ready") and the large plan ("plan")
 * are first shown, and when the last click came, in the page's own clock.
 * Playwright's waits poll at 100, 250, 500 and 1,000 ms, too coarse to time by.
 */
function markWhenShown() {
  window.shown = {};
  // The first save of the plan opened: "Saved" (or "Not saved") after the
  // plan is shown and "Saving…" was seen.
  let sawSaving = false;
  const shows = {
    ready: () => document.querySelector('[data-testid=import-ready]'),
    plan: () => document.querySelector('[data-testid=current-plan-name]')?.textContent.includes('10000'),
    saved: () => {
      if (!('plan' in window.shown)) return false;
      const settled = /^(Saved|Not saved)/.test(document.querySelector('[data-testid=save-status]')?.textContent.trim() ?? '');
      sawSaving ||= !settled;
      return settled && sawSaving;
    },
  };
  new MutationObserver(() => {
    for (const [name, showing] of Object.entries(shows)) {
      if (!(name in window.shown) && showing()) {
        window.shown[name] = null;
        requestAnimationFrame(() => { window.shown[name] = performance.now(); });
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('click', (e) => { window.lastClickAt = e.timeStamp; }, true);
}

/** When `name` was first shown (ms on the page's clock), once it is. */
async function shownAt(page, name) {
  await page.waitForFunction((name) => window.shown?.[name] != null, name, { timeout: 120_000 });
  return page.evaluate((name) => window.shown[name], name);
}

const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

/**
 * The renderer's memory once it settles after a full collection: what it
 * frees (a page's Wasm memory, the file's buffer) leaves the resident set over
 * the next second or so, not at once. Sampled every 250 ms until two samples
 * agree within 1 MB (at most 5 s).
 */
async function settledRenderer(page, cdp, closed = null) {
  await cdp.send('HeapProfiler.collectGarbage');
  let last = renderer(closed);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const now = renderer(closed);
    const settled = Math.abs(now.rssMB - last.rssMB) < 1;
    last = now;
    if (settled) break;
  }
  return { rssMB: last.rssMB, privateMB: privateMB(last.pid) };
}

for (const plan of plans) {
  test(`scale: ${plan.name}`, async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await page.addInitScript(markWhenShown);
    await openApp(page);
    await page.getByLabel('Plan name').fill('bench');
    await page.getByRole('button', { name: 'Start empty plan' }).click();
    await goTo(page, 'Import/Export & Settings');

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose plan file…' }).click()]);
    const picked = await page.evaluate(() => performance.now());
    await chooser.setFiles(plan.file);
    const ready = page.getByTestId('import-ready');
    const importReadMs = Math.round((await shownAt(page, 'ready')) - picked);
    await ready.getByRole('button', { name: 'Open as a new plan' }).click();
    const openedAt = await page.evaluate(() => window.lastClickAt);
    const importOpenMs = Math.round((await shownAt(page, 'plan')) - openedAt);
    const firstSavedAfterMs = Math.round((await shownAt(page, 'saved')) - openedAt);
    const status = await settledStatus(page, 60_000);
    const saved = status.startsWith('Saved');
    const firstSaveMs = await lastSaveMs(page);
    const firstSaveSteps = await saveStepsMs(page);
    const firstSaveMainThreadMs = await lastSaveTotalMs(page);
    const stored = await storedUnits(page);
    const heap = await cdp.send('Runtime.getHeapUsage');
    const rendererMB = rendererRssMB();
    const wasmMB = await wasmMemoryMB(page);
    // Once the garbage (the file's buffer, among others) is collected.
    await cdp.send('HeapProfiler.collectGarbage');
    await nextFrame(page);
    const rendererAfterGcMB = rendererRssMB();
    const settled = await settledRenderer(page, cdp);

    const autosaveMs = [];
    if (saved) {
      await goTo(page, 'Goals (KGI)');
      for (let i = 0; i < 5; i++) {
        await addGoal(page, `Bench goal ${i}`);
        expect(await settledStatus(page)).toMatch(/^Saved/);
        autosaveMs.push(await lastSaveTotalMs(page));
      }
    }
    const recordAutosaveMs = [];
    if (saved) {
      await goTo(page, 'Accounts');
      for (let i = 0; i < 5; i++) {
        const cell = page.getByTestId('accounts-table').getByRole('textbox', { name: /^Employees of / }).first();
        await cell.fill(String(1000 + i));
        await cell.press('Enter');
        expect(await settledStatus(page)).toMatch(/^Saved/);
        recordAutosaveMs.push(await lastSaveTotalMs(page));
      }
    }

    let reloadMs = null;
    let afterReload = null;
    if (saved) {
      await page.reload();
      // From the reload's navigation start (the new page's time origin).
      reloadMs = Math.round(await shownAt(page, 'plan'));
      afterReload = { rendererMB: rendererRssMB(), wasmMB: await wasmMemoryMB(page) };
      // The page before the reload is garbage now too.
      await cdp.send('HeapProfiler.collectGarbage');
      await nextFrame(page);
      afterReload.rendererAfterGcMB = rendererRssMB();
      afterReload.settled = await settledRenderer(page, cdp);
    }

    await goTo(page, 'Import/Export & Settings');
    const t0 = Date.now();
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export plan file' }).first().click()]);
    const exportMs = Date.now() - t0;
    const exported = fs.statSync(await dl.path()).size;

    // Opened again in a new tab, the first one closed: the stored plan read by
    // a page that never held the file (a reload keeps some of the page before).
    let inNewTab = null;
    if (saved) {
      const closed = renderer().pid;
      const fresh = await page.context().newPage();
      await page.close();
      await openApp(fresh);
      await expect(fresh.getByTestId('current-plan-name')).toContainText('10000', { timeout: 120_000 });
      inNewTab = await settledRenderer(fresh, await fresh.context().newCDPSession(fresh), closed);
    }

    const result = {
      plan: plan.name,
      fileBytes: fs.statSync(plan.file).size,
      importReadMs,
      importOpenMs,
      saved,
      status,
      storedUnits: stored,
      firstSavedAfterMs,
      firstSaveMs: firstSaveMs === null ? null : round(firstSaveMs),
      firstSaveSteps: firstSaveSteps.length,
      firstSaveLongestStepMs: firstSaveSteps.length ? round(Math.max(...firstSaveSteps)) : null,
      firstSaveMainThreadMs: round(firstSaveMainThreadMs),
      autosaveMsMedian: autosaveMs.length ? round(median(autosaveMs)) : null,
      autosaveMsMax: autosaveMs.length ? round(Math.max(...autosaveMs)) : null,
      recordAutosaveMsMedian: recordAutosaveMs.length ? round(median(recordAutosaveMs)) : null,
      recordAutosaveMsMax: recordAutosaveMs.length ? round(Math.max(...recordAutosaveMs)) : null,
      reloadMs,
      exportMs,
      exportedBytes: exported,
      rendererMB: round(rendererMB),
      rendererAfterGcMB: round(rendererAfterGcMB),
      rendererSettledMB: round(settled.rssMB),
      rendererPrivateMB: round(settled.privateMB),
      heapUsedMB: round(heap.usedSize / 2 ** 20),
      wasmMemoryMB: round(wasmMB),
      rendererAfterReloadMB: afterReload && round(afterReload.rendererMB),
      rendererAfterReloadGcMB: afterReload && round(afterReload.rendererAfterGcMB),
      rendererAfterReloadSettledMB: afterReload && round(afterReload.settled.rssMB),
      rendererAfterReloadPrivateMB: afterReload && round(afterReload.settled.privateMB),
      wasmMemoryAfterReloadMB: afterReload && round(afterReload.wasmMB),
      rendererInNewTabMB: inNewTab && round(inNewTab.rssMB),
      rendererInNewTabPrivateMB: inNewTab && round(inNewTab.privateMB),
    };
    writeBenchResult(`ui-scale-${plan.name}.json`, page.context().browser(), result);
  });
}
