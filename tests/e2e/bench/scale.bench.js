// Scale (issue 8): importing, storing, autosaving, reloading and exporting a large
// plan, and the memory it takes. Two files from `cargo run --release --example
// large_plan_file` (see .ci/bench-ui.sh): 10,000 accounts with 30,000 contacts and
// 5,000 deals, and the same with 200,000 activities. Figures go to
// target/bench/ui-scale-<name>.json.
//
// - import: from picking the file to its preview (read and checked), then from
//   "Open as a new plan" to the next painted frame with the plan shown;
// - first save: whether the plan fits in local storage, how much it takes, and
//   how long the save took (the app's User Timing measure "abm-planner:save");
// - autosave: the same measure after small edits (median of 5);
// - reload: from reload to the plan shown again (only when it was saved);
// - export: from the click to the download;
// - memory after import: the tab's renderer process (resident set, from ps: the
//   largest Chromium renderer, which is this benchmark's only page), and the V8
//   heap from CDP Runtime.getHeapUsage.
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { test, expect, openApp, goTo, pickFile, addGoal, settledStatus, storedUnits } from '../support/app.js';

const target = path.resolve(import.meta.dirname, '../../../target');
const outDir = path.join(target, 'bench');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Number(x.toFixed(1));

const plans = [
  { name: '10k-accounts', file: process.env.LARGE_PLAN ?? path.join(target, 'large-10k.abm.json') },
  { name: '10k-accounts-200k-activities', file: process.env.LARGE_ACTIVITY_PLAN ?? path.join(target, 'large-10k-activity.abm.json') },
];

const lastSaveMs = (page) => page.evaluate(() => performance.getEntriesByName('abm-planner:save').at(-1)?.duration ?? null);
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

    const status = await settledStatus(page, 60_000);
    const saved = status.startsWith('Saved');
    const firstSaveMs = await lastSaveMs(page);
    const stored = await storedUnits(page);
    const heap = await cdp.send('Runtime.getHeapUsage');
    const rendererMB = rendererRssMB();

    const autosaveMs = [];
    if (saved) {
      await goTo(page, 'Goals (KGI)');
      for (let i = 0; i < 5; i++) {
        await addGoal(page, `Bench goal ${i}`);
        expect(await settledStatus(page)).toMatch(/^Saved/);
        autosaveMs.push(await lastSaveMs(page));
      }
    }

    let reloadMs = null;
    if (saved) {
      t0 = Date.now();
      await page.reload();
      await expect(page.getByTestId('current-plan-name')).toContainText('10000', { timeout: 120_000 });
      await nextFrame(page);
      reloadMs = Date.now() - t0;
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
      firstSaveMs: firstSaveMs === null ? null : round(firstSaveMs),
      autosaveMsMedian: autosaveMs.length ? round(median(autosaveMs)) : null,
      autosaveMsMax: autosaveMs.length ? round(Math.max(...autosaveMs)) : null,
      reloadMs,
      exportMs,
      exportedBytes: exported,
      rendererMB: round(rendererMB),
      heapUsedMB: round(heap.usedSize / 2 ** 20),
      chromium: page.context().browser().version(),
      date: new Date().toISOString().slice(0, 10),
    };
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `ui-scale-${plan.name}.json`), JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result));
  });
}
