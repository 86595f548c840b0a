import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, reload, loadDemo, goTo, shot, download, storageKeys, screenshotDir, fillStorage, freeStorage } from '../support/app.js';

/** Overwrites a stored entry with damaged text. */
async function damage(page, match, make) {
  return page.evaluate(
    ([match, make]) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith(match));
      const text = localStorage.getItem(key);
      const damaged = make === 'truncate' ? text.slice(0, Math.floor(text.length / 2)) : make;
      localStorage.setItem(key, damaged);
      return { key, damaged };
    },
    [match, make],
  );
}

test('unreadable plan data at start-up: the app starts, keeps the text and offers it', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  const { damaged } = await damage(page, 'abm-planner:plan:', 'truncate');
  await reload(page);
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('“\u2068FY2026 ABM計画（デモ）\u2069” could not be opened');
  await expect(page.getByRole('heading', { name: 'Welcome to ABM Planner' })).toBeVisible();
  await shot(page, 'storage-unreadable-plan');
  const { file } = await download(page, 'Download the data', testInfo);
  expect(fs.readFileSync(file, 'utf8')).toBe(damaged);
  expect((await storageKeys(page)).some((k) => k.startsWith('abm-planner:backup:'))).toBe(true);
  // The app goes on working.
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  await expect(page.getByTestId('backup-list').getByRole('listitem')).toHaveCount(1);
});

test('not JSON, wrong shape, broken head and settings: each is kept and reported', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await damage(page, 'abm-planner:settings', '{"language": ');
  await damage(page, 'abm-planner:head:', 'not json at all');
  await reload(page);
  // The plan is found again from its data; the broken entries are kept as backups.
  await expect(page.getByTestId('current-plan-name')).toHaveText('FY2026 ABM計画（デモ）');
  await expect(page.getByRole('status').filter({ hasText: 'Some stored data could not be read' })).toBeVisible();
  await goTo(page, 'Import/Export & Settings');
  await expect(page.getByTestId('backup-list').getByRole('listitem')).toHaveCount(2);
  await shot(page, 'storage-backups');

  await damage(page, 'abm-planner:plan:', '{"format": "abm-planner/plan", "schemaVersion": 1, "plan": [1, 2]}');
  await reload(page);
  await expect(page.getByRole('alert')).toContainText('could not be opened');
});

test('full storage: a clear message, the plan stays in memory, export works, saving resumes', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await fillStorage(page);
  await goTo(page, 'Goals (KGI)');
  await page.getByRole('button', { name: 'Add goal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a goal' });
  await dialog.getByLabel('Goal', { exact: true }).fill('Goal written while storage is full');
  await dialog.getByLabel('Target').fill('3');
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(/Not saved: storage full/);
  const banner = page.getByRole('alert').filter({ hasText: "Your browser's storage is full" });
  await expect(banner).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Goal written while storage is full' })).toBeVisible();
  await shot(page, 'storage-full');
  const { file } = await download(page, 'Export plan file', testInfo);
  expect(fs.readFileSync(file, 'utf8')).toContain('Goal written while storage is full');

  // Space comes back: the next save goes through and nothing was lost.
  await freeStorage(page);
  await page.getByRole('row', { name: /Goal written while storage is full/ }).getByRole('button', { name: 'Move up' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await expect(banner).toBeHidden();
  await reload(page);
  await expect(page.getByRole('rowheader', { name: 'Goal written while storage is full' })).toBeVisible();
});

test('measure the real local storage quota of this Chromium', async ({ page }) => {
  await openApp(page);
  const measured = await page.evaluate(() => {
    localStorage.clear();
    const fits = (n) => {
      try {
        localStorage.setItem('q', 'x'.repeat(n));
        localStorage.removeItem('q');
        return true;
      } catch {
        return false;
      }
    };
    let lo = 0;
    let hi = 64 << 20;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    // One key of 1 character plus the value: what one origin can hold.
    return { units: lo + 1, userAgent: navigator.userAgent };
  });
  fs.mkdirSync(screenshotDir, { recursive: true });
  fs.writeFileSync(path.join(screenshotDir, '..', 'local-storage-quota.json'), JSON.stringify(measured, null, 2));
  console.log(`local storage quota: ${measured.units} UTF-16 code units (${measured.userAgent})`);
  expect(measured.units).toBeGreaterThan(1_000_000);
});
