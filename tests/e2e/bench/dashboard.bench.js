// All dashboard KPIs recomputed for 10,000 accounts, 30,000 contacts, 5,000 deals
// and 200,000 activities (issue 5): the main thread's script time when the period
// changes (every period-dependent KPI, chart and table is recomputed and
// repainted), from Chromium's Performance.getMetrics ScriptDuration. The plan file
// comes from `cargo run --release --example large_plan_file -- 10000 FILE activity`
// (see .ci/bench-ui.sh); figures go to target/bench/ui-dashboard.json.
import path from 'node:path';
import { test, expect, openApp, goTo, openPlanFile } from '../support/app.js';
import { median, scriptClock, writeBenchResult } from '../support/bench.js';

const planFile = process.env.LARGE_ACTIVITY_PLAN ?? path.resolve(import.meta.dirname, '../../../target/large-10k-activity.abm.json');

test('recompute every period-dependent KPI after a period change, 200,000 activities', async ({ page }) => {
  await openApp(page);
  await openPlanFile(page, planFile, '10000');
  await goTo(page, 'Dashboard');
  await expect(page.locator('[data-kpi="revenue"] .kpi-value')).toHaveText(/^¥[\d,]+$/);

  const script = await scriptClock(page);
  const scriptMs = [];
  const frameMs = [];
  const periods = ['30', '90', '365', 'quarter'];
  for (let round = 0; round < 4; round++) {
    for (const value of periods) {
      const before = await script();
      const frame = await page.evaluate(async (v) => {
        const select = document.querySelector('#dash-period');
        const t0 = performance.now();
        select.value = v;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }, value);
      scriptMs.push((await script()) - before);
      frameMs.push(frame);
    }
  }
  const result = {
    accounts: 10000,
    contacts: 30000,
    deals: 5000,
    activities: 200000,
    changes: scriptMs.length,
    scriptMsMedian: Number(median(scriptMs).toFixed(1)),
    scriptMsMax: Number(Math.max(...scriptMs).toFixed(1)),
    inputToFrameMsMedian: Number(median(frameMs).toFixed(1)),
  };
  writeBenchResult('ui-dashboard.json', page.context().browser(), result);
  await expect(page.getByTestId('dash-period')).toHaveValue('quarter');
});
