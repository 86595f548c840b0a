import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, reload, loadDemo, goTo, shot, download, storageKeys, screenshotDir, fillStorage, freeStorage, pickFile, addGoal, settledStatus, storedUnits, exportedPlanFile, demoName } from '../support/app.js';

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
  await expect(banner).toContainText(`“\u2068${demoName}\u2069” could not be opened`);
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
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);
  await expect(page.getByRole('status').filter({ hasText: 'Some stored data could not be read' })).toBeVisible();
  await goTo(page, 'Import/Export & Settings');
  await expect(page.getByTestId('backup-list').getByRole('listitem')).toHaveCount(2);
  await shot(page, 'storage-backups');

  await damage(page, 'abm-planner:plan:', '{"format": "abm-planner/plan", "schemaVersion": 1, "plan": [1, 2]}');
  await reload(page);
  await expect(page.getByRole('alert')).toContainText('could not be opened');
});

test('a damaged part of a stored plan: the rest opens, the user is told, the text is kept', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Overview');
  await expect(page.getByTestId('plan-counts')).toContainText('41');
  // The demo plan is stored in parts; damage the first run of its activities.
  const part = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('abm-planner:plan:'));
    const list = JSON.parse(localStorage.getItem(key).slice('abm-parts:'.length));
    const [runKey] = list.activities[0];
    localStorage.setItem(runKey, 'abm-deflate:999:damaged');
    return runKey;
  });
  await reload(page);
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);
  await expect(page.getByRole('status').filter({ hasText: 'This plan had 1 problem in storage and was repaired' })).toBeVisible();
  await goTo(page, 'Overview');
  await expect(page.getByTestId('plan-counts')).toContainText('41');
  await goTo(page, 'Import/Export & Settings');
  await expect(page.getByTestId('backup-list')).toContainText(part.split(':').at(-1));
  await shot(page, 'storage-damaged-part');
  // The repaired plan saves again, without the damaged run.
  await goTo(page, 'Goals (KGI)');
  await addGoal(page, 'After repair');
  expect(await settledStatus(page)).toMatch(/^Saved/);
  await reload(page);
  await goTo(page, 'Goals (KGI)');
  await expect(page.getByRole('table').getByText('After repair')).toBeVisible();
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

test('a plan larger than half the storage is saved again and again, and reloads', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  // 15,000 accounts: about 3.6 million UTF-16 units of JSON, more than half of
  // Chromium's 5.2 million, so two plain versions (old and new, while saving)
  // would not fit.
  const json = await exportedPlanFile(page, testInfo);
  const demo = json.plan.accounts;
  json.plan.id = 'plan_big';
  json.plan.name = 'Fifteen thousand accounts';
  json.plan.accounts = Array.from({ length: 15000 }, (_, i) => {
    const a = demo[i % demo.length];
    return i < demo.length ? a : { ...a, id: `${a.id}_${i}`, name: `${a.name} ${i}`, domain: undefined };
  });
  const big = testInfo.outputPath('big.abm.json');
  const text = JSON.stringify(json);
  fs.writeFileSync(big, text);
  expect(text.length).toBeGreaterThan(5_242_880 / 2);

  await pickFile(page, 'Choose plan file…', big);
  await page.getByTestId('import-ready').getByRole('button', { name: 'Open as a new plan' }).click();
  await expect(page.getByTestId('current-plan-name')).toHaveText('Fifteen thousand accounts');
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved/);
  await goTo(page, 'Goals (KGI)');
  for (const name of ['First edit of the big plan', 'Second edit of the big plan']) {
    await addGoal(page, name);
    expect(await settledStatus(page)).toMatch(/^Saved/);
  }
  const stored = await storedUnits(page);
  expect(stored).toBeLessThan(text.length / 4);
  await reload(page);
  await expect(page.getByTestId('current-plan-name')).toHaveText('Fifteen thousand accounts');
  await expect(page.getByRole('rowheader', { name: 'Second edit of the big plan' })).toBeVisible();
  await goTo(page, 'Accounts');
  await expect(page.getByTestId('accounts-count')).toHaveText('15,000 accounts');
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
