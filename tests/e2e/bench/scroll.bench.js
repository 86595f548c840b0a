// Scrolling the large tables (issue 8: "every list and table stays smooth"):
// 10,000 accounts, scrolled 3 rows at a time, as a mouse wheel does. Measures
// the main thread's script time per step (Chromium's ScriptDuration) and the
// time from the scroll to the next painted frame; then the same in the table of
// 200,000 activities. The plan files come from `cargo run --example
// large_plan_file` (see .ci/bench-ui.sh); figures go to target/bench/ui-scroll.json
// and ui-scroll-activities.json. Last, sorting the 10,000-account table by
// each column (script per click and the time to the frame; ui-sort.json).
import path from 'node:path';
import { test, expect, openApp, goTo, openPlanFile } from '../support/app.js';
import { median, scriptClock, writeBenchResult } from '../support/bench.js';

const planFile = process.env.LARGE_PLAN ?? path.resolve(import.meta.dirname, '../../../target/large-10k.abm.json');
const activityPlanFile = process.env.LARGE_ACTIVITY_PLAN ?? path.resolve(import.meta.dirname, '../../../target/large-10k-activity.abm.json');

async function scrollSteps(page, testId, steps) {
  const script = await scriptClock(page);
  const scriptMs = [];
  const frameMs = [];
  for (let k = 0; k < steps; k++) {
    const before = await script();
    const frame = await page.evaluate(async (id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const row = el.querySelector('tbody tr:not(.spacer)').getBoundingClientRect().height;
      const t0 = performance.now();
      el.scrollTop += 3 * row;
      // A scroll event is dispatched before the next frame; the frame after it
      // has been painted once this timeout runs.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
      return performance.now() - t0;
    }, testId);
    const after = await script();
    scriptMs.push(after - before);
    frameMs.push(frame);
  }
  return { steps, scriptMsMedian: Number(median(scriptMs).toFixed(2)), scriptMsMax: Number(Math.max(...scriptMs).toFixed(2)), frameMsMedian: Number(median(frameMs).toFixed(2)) };
}

test('scroll the accounts table and the ranked list, 10,000 accounts', async ({ page }) => {
  await openApp(page);
  await openPlanFile(page, planFile, '10000');
  await goTo(page, 'Accounts');
  const accounts = page.getByTestId('accounts-table');
  await expect(accounts.locator('tbody tr:not(.spacer)').first()).toBeVisible();
  const firstBefore = await accounts.getByRole('rowheader').first().textContent();
  const accountsResult = await scrollSteps(page, 'accounts-table', 30);
  // The rows in view are others now: the scroll rendered them.
  await expect(accounts.getByRole('rowheader').first()).not.toHaveText(firstBefore);

  await goTo(page, 'Prioritisation');
  const ranked = page.getByTestId('ranked-table');
  await expect(ranked.locator('tbody tr:not(.spacer)').first()).toBeVisible();
  const rankedResult = await scrollSteps(page, 'ranked-table', 30);
  await expect(ranked.locator('tbody tr:not(.spacer) .rank-cell').first()).not.toHaveText('#1');

  const result = {
    accounts: accountsResult,
    ranked: rankedResult,
  };
  writeBenchResult('ui-scroll.json', page.context().browser(), result);
});

test('scroll the activities table, 200,000 activities', async ({ page }) => {
  await openApp(page);
  await openPlanFile(page, activityPlanFile, '10000');
  await goTo(page, 'Campaigns & activities');
  await page.getByRole('navigation', { name: 'Records' }).getByRole('link', { name: /Activities/ }).click();
  const activities = page.getByTestId('activities-table');
  await expect(activities.locator('tbody tr:not(.spacer)').first()).toBeVisible();
  const rowIndex = () => activities.locator('tbody tr:not(.spacer)').first().getAttribute('aria-rowindex');
  const before = await rowIndex();
  const result = { activities: await scrollSteps(page, 'activities-table', 30) };
  expect(await rowIndex()).not.toBe(before);
  writeBenchResult('ui-scroll-activities.json', page.context().browser(), result);
});

test('sort the accounts table, 10,000 accounts', async ({ page }) => {
  await openApp(page);
  await openPlanFile(page, planFile, '10000');
  await goTo(page, 'Accounts');
  const accounts = page.getByTestId('accounts-table');
  await expect(accounts.locator('tbody tr:not(.spacer)').first()).toBeVisible();
  const script = await scriptClock(page);
  const scriptMs = [];
  const frameMs = [];
  for (const column of ['Company', 'Employees', 'Annual revenue', 'Fit', 'Score', 'Industry', 'Region']) {
    for (let k = 0; k < 2; k++) {
      const before = await script();
      const frame = await page.evaluate(async (label) => {
        const button = [...document.querySelectorAll('[data-testid="accounts-table"] th .sort-button')].find((b) => b.textContent.startsWith(label));
        const t0 = performance.now();
        button.click();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
        return performance.now() - t0;
      }, column);
      scriptMs.push((await script()) - before);
      frameMs.push(frame);
      const sorted = accounts.getByRole('columnheader', { name: new RegExp(`^${column}`) });
      await expect(sorted).toHaveAttribute('aria-sort', /ascending|descending/);
    }
  }
  const result = {
    clicks: scriptMs.length,
    scriptMsMedian: Number(median(scriptMs).toFixed(2)),
    scriptMsMax: Number(Math.max(...scriptMs).toFixed(2)),
    frameMsMedian: Number(median(frameMs).toFixed(2)),
  };
  writeBenchResult('ui-sort.json', page.context().browser(), result);
});
