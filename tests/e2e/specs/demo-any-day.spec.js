// The demo is dated around the day it is loaded, so whoever opens it — on the
// first day of a fiscal year, on New Year's Eve, on a leap day — sees a plan that
// is alive: won revenue in the default period, a channel that paid back, and
// accounts with next best actions waiting. The browser's clock is set to each
// day before the app starts (the engine reads "today" from it).
import { test, expect, openApp, goTo, shot } from '../support/app.js';

const days = [
  '2026-04-01T09:00:00+09:00', // the Japanese demo's first fiscal day
  '2026-12-31T23:30:00+09:00', // the last evening of a calendar year
  '2027-01-01T08:00:00-05:00', // the English demo's first fiscal day
  '2028-02-29T12:00:00+09:00', // a leap day
];

const demos = [
  { language: 'Japanese', button: 'Load the Japanese demo', name: /^FY\d{4} ABM計画（デモ）$/, money: /^¥[\d,]+$/ },
  { language: 'English', button: 'Load demo plan', name: /^FY\d{4} ABM plan \(demo\)$/, money: /^\$[\d,]+$/ },
];

for (const day of days) {
  for (const demo of demos) {
    test(`the ${demo.language} demo loaded on ${day.slice(0, 10)} is alive`, async ({ page }) => {
      await page.clock.setFixedTime(new Date(day));
      await openApp(page);
      await page.getByRole('button', { name: demo.button }).click();
      await expect(page.getByTestId('current-plan-name')).toHaveText(demo.name);

      // The dashboard's default period holds won revenue and a channel that paid back.
      await goTo(page, 'Dashboard');
      const revenue = page.locator('[data-kpi="revenue"] .kpi-value');
      await expect(revenue).toHaveText(demo.money);
      expect(await revenue.textContent()).toMatch(/[1-9]/);
      const rois = await page.getByTestId('roi-channels').locator('tbody tr td:last-child').allTextContents();
      expect(rois.some((r) => /^\+?[\d,.]+%$/.test(r.trim()) && parseFloat(r.replace(/[^\d.]/g, '')) > 0), `ROI by channel: ${rois}`).toBe(true);

      // Account plans have suggested next actions from recent behaviour.
      await goTo(page, 'Account plans');
      const suggested = page.locator('.plan-link .chip-accent');
      await expect(suggested.first()).toBeVisible();
      await suggested.first().click();
      await expect(page.getByTestId('nba-list').locator('li').first()).toBeVisible();
      if (day.startsWith('2028')) await shot(page, `demo-${demo.language.toLowerCase()}-leap-day`);
    });
  }
}
