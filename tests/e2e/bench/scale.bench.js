// Scale (issue 8): importing, storing, autosaving, reloading and exporting a large
// plan, and the memory it takes. Two files from `cargo run --release --example
// large_plan_file` (see .ci/bench-ui.sh): 10,000 accounts with 30,000 contacts and
// 5,000 deals, and the same with 200,000 activities. Figures go to
// target/bench/ui-scale-<name>.json.
//
// - import: from picking the file to its preview (read and checked), then from
//   "Open as a new plan" to the next painted frame with the plan shown;
// - first save: whether the plan fits in local storage, how much it takes, the
//   time from "Open" to "Saved", and the main-thread time it took: the steps
//   that store its parts ahead (measures "abm-planner:save-step": how many, the
//   longest) and the save that follows ("abm-planner:save");
// - autosave: the save's steps and the save after small edits (median of 5),
//   of the plan's base (a goal added) and of a record (an account's employees
//   edited in the accounts table, which rewrites that account's run);
// - reload: from reload to the plan shown again (only when it was saved);
// - export: from the click to the download;
// - memory after import: the tab's renderer process (resident set, from ps: the
//   largest Chromium renderer, which is this benchmark's only page), the V8
//   heap from CDP Runtime.getHeapUsage, and the app's Wasm memory (its high-water
//   mark: Wasm memory never shrinks); after the reload, the renderer and the
//   Wasm memory again (the stored plan read back).
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { test, expect, openApp, goTo, pickFile, addGoal, settledStatus, storedUnits, wasmMemoryMB } from '../support/app.js';

const target = path.resolve(import.meta.dirname, '../../../target');
const outDir = path.join(target, 'bench');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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
/** Resident memory of the largest Chromium renderer process, in MB. */
function rendererRssMB() {
  const rows = execSync('ps -eo rss=,args=', { encoding: 'utf8' }).split('\n').filter((l) => l.includes('--type=renderer'));
  return Math.max(0, ...rows.map((l) => Number(l.trim().split(/\s+/)[0]) / 1024));
}

const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

for (const plan of plans) {
  test(`scale: ${plan.name}`, async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await openApp(page);
    await page.getByLabel('Plan name').fill('bench');
    await page.getByRole('button', { name: 'Start empty plan' }).click();
    await goTo(page, 'Import/Export & Settings');

    let t0 = Date.now();
    await pickFile(page, 'Choose plan file…', plan.file);
    const ready = page.getByTestId('import-ready');
    await expect(ready).toBeVisible({ timeout: 120_000 });
    const importReadMs = Date.now() - t0;
    t0 = Date.now();
    await ready.getByRole('button', { name: 'Open as a new plan' }).click();
    await expect(page.getByTestId('current-plan-name')).toContainText('10000', { timeout: 120_000 });
    await nextFrame(page);
    const importOpenMs = Date.now() - t0;

    await expect(page.getByTestId('save-status')).toHaveText(/^(Saved|Not saved)/, { timeout: 60_000 });
    const firstSavedAfterMs = Date.now() - t0;
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
      t0 = Date.now();
      await page.reload();
      await expect(page.getByTestId('current-plan-name')).toContainText('10000', { timeout: 120_000 });
      await nextFrame(page);
      reloadMs = Date.now() - t0;
      afterReload = { rendererMB: rendererRssMB(), wasmMB: await wasmMemoryMB(page) };
      // The page before the reload is garbage now too.
      await cdp.send('HeapProfiler.collectGarbage');
      await nextFrame(page);
      afterReload.rendererAfterGcMB = rendererRssMB();
    }

    await goTo(page, 'Import/Export & Settings');
    t0 = Date.now();
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export plan file' }).first().click()]);
    const exportMs = Date.now() - t0;
    const exported = fs.statSync(await dl.path()).size;

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
      heapUsedMB: round(heap.usedSize / 2 ** 20),
      wasmMemoryMB: round(wasmMB),
      rendererAfterReloadMB: afterReload && round(afterReload.rendererMB),
      rendererAfterReloadGcMB: afterReload && round(afterReload.rendererAfterGcMB),
      wasmMemoryAfterReloadMB: afterReload && round(afterReload.wasmMB),
      chromium: page.context().browser().version(),
      date: new Date().toISOString().slice(0, 10),
    };
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `ui-scale-${plan.name}.json`), JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result));
  });
}
