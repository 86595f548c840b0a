// After a weight change with 10,000 accounts: re-rank and repaint. Measures the
// main thread's script time per change (Chromium's Performance.getMetrics
// ScriptDuration) and the time from the input event to the next painted frame.
// The plan file comes from `cargo run --example large_plan_file` (see
// .ci/bench-ui.sh); figures go to target/bench/ui-prioritisation.json.
import path from 'node:path';
import { test, expect, openApp, goTo, openPlanFile } from '../support/app.js';
import { median, scriptClock, writeBenchResult } from '../support/bench.js';

const planFile = process.env.LARGE_PLAN ?? path.resolve(import.meta.dirname, '../../../target/large-10k.abm.json');

test('re-rank and repaint after a weight change, 10,000 accounts', async ({ page }) => {
  await openApp(page);
  await openPlanFile(page, planFile, '10000');
  await goTo(page, 'Prioritisation');
  const targets = Number((await page.getByTestId('ranked-summary').textContent()).replace(/[^\d]/g, ''));
  expect(targets).toBeGreaterThan(1000);

  const script = await scriptClock(page);
  const scriptMs = [];
  const frameMs = [];
  const values = [10, 60, 30, 90, 20, 70, 40, 100, 5, 80, 50, 25, 65, 35, 95, 15, 75, 45, 85, 55];
  for (const v of values) {
    const before = await script();
    const frame = await page.evaluate(async (value) => {
      const slider = document.querySelector('.factor-weight input[type=range]');
      const t0 = performance.now();
      slider.value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // The frame after the change has been painted once this timeout runs.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }, v);
    const after = await script();
    scriptMs.push(after - before);
    frameMs.push(frame);
  }
  const result = {
    accounts: 10000,
    targets,
    changes: values.length,
    scriptMsMedian: Number(median(scriptMs).toFixed(2)),
    scriptMsMax: Number(Math.max(...scriptMs).toFixed(2)),
    inputToFrameMsMedian: Number(median(frameMs).toFixed(2)),
  };
  writeBenchResult('ui-prioritisation.json', page.context().browser(), result);
  // The movement arrows are there: the what-if worked on the large plan.
  await expect(page.locator('td.movement.moved-up, td.movement.moved-down').first()).toBeVisible();
});
