import fs from 'node:fs';
import { test, expect, openApp, loadDemo, goTo, shot, pickFile, download, exportedPlanFile, demoName } from '../support/app.js';

test('export then import through the real download and file picker', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  const { file, name } = await download(page, 'Export plan file', testInfo);
  const today = new Date();
  const stamp = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  expect(name).toBe(`${demoName} ${stamp}.abm.json`);
  const text = fs.readFileSync(file, 'utf8');
  const json = JSON.parse(text);
  expect(json.format).toBe('abm-planner/plan');
  expect(json.schemaVersion).toBe(2);
  expect(json.plan.accounts).toHaveLength(41);
  expect(text).toContain('\n  "plan": {');

  // Open it as a new plan, from the picker.
  await pickFile(page, 'Choose plan file…', file);
  const ready = page.getByTestId('import-ready');
  await expect(ready).toContainText('is a valid plan');
  await expect(ready).toContainText('Accounts: 41');
  await shot(page, 'import-ready');
  await ready.getByRole('button', { name: 'Open as a new plan' }).click();
  await expect(page.getByTestId('current-plan-name')).toHaveText(`${demoName} (2)`);

  // A second export of the imported plan is byte-identical apart from the time stamp.
  const again = await download(page, 'Export plan file', testInfo);
  const strip = (t) => t.replace(/"exportedAt": "[^"]+"/, '').replace(/"(id|name|updatedAt|createdAt)": "plan_[^"]+"/, '');
  const a = JSON.parse(text).plan;
  const b = JSON.parse(fs.readFileSync(again.file, 'utf8')).plan;
  expect({ ...b, id: a.id, name: a.name, createdAt: a.createdAt, updatedAt: a.updatedAt }).toEqual(a);
  expect(strip(fs.readFileSync(again.file, 'utf8')).length).toBeGreaterThan(1000);
});

test('replacing the current plan is undoable', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Import/Export & Settings');
  const example = new URL('../../../docs/examples/minimal-plan.abm.json', import.meta.url).pathname;
  await pickFile(page, 'Choose plan file…', example);
  await page.getByRole('button', { name: 'Replace the current plan' }).click();
  await expect(page.locator('.toast')).toContainText('The current plan was replaced.');
  await goTo(page, 'Overview');
  await expect(page.getByTestId('plan-counts')).toContainText('1');
  await expect(page.getByTestId('current-plan-name')).toHaveText('最小の計画 / Minimal plan');
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await expect(page.getByTestId('current-plan-name')).toHaveText('Untitled plan');
});

test('merging previews what changes and applies only on confirmation', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  // A colleague's version: one renamed account (newer), one new account, and the
  // same company under another id.
  const json = await exportedPlanFile(page, testInfo);
  const a = json.plan.accounts[3];
  a.name = '浪速化学工業（更新）';
  a.updatedAt = '2099-01-01T00:00:00Z';
  json.plan.accounts.push({ id: 'acc_colleague_new', name: '株式会社新規テスト', domain: 'new-test.example' });
  json.plan.accounts.push({ id: 'acc_colleague_dup', name: 'ミナト精機（別ID）', domain: 'https://www.minato-seiki.example/' });
  const theirs = testInfo.outputPath('colleague.abm.json');
  fs.writeFileSync(theirs, JSON.stringify(json, null, 2));

  await pickFile(page, 'Choose plan file…', theirs);
  await page.getByRole('button', { name: 'Merge into the current plan…' }).click();
  const preview = page.getByTestId('merge-preview');
  await expect(preview.getByRole('row', { name: /^Accounts/ })).toContainText('1');
  await expect(preview).toContainText('株式会社新規テスト');
  await expect(preview).toContainText('浪速化学工業（更新）');
  await expect(preview).toContainText('The same company (same web domain) under another id');
  await shot(page, 'merge-preview');

  // Nothing changed yet.
  await goTo(page, 'Accounts');
  await expect(page.getByTestId('accounts-table').getByRole('table')).toHaveAttribute('aria-rowcount', '42');
  await goTo(page, 'Import/Export & Settings');
  await pickFile(page, 'Choose plan file…', theirs);
  await page.getByRole('button', { name: 'Merge into the current plan…' }).click();
  await preview.getByRole('radio', { name: 'Keep both' }).check();
  await preview.getByRole('button', { name: 'Apply merge' }).click();
  await expect(page.locator('.toast')).toContainText('Merged into the current plan.');
  await goTo(page, 'Accounts');
  await expect(page.getByTestId('accounts-table').getByRole('table')).toHaveAttribute('aria-rowcount', '44');
  await page.getByLabel('Search', { exact: true }).fill('浪速化学工業（更新）');
  await expect(page.getByRole('rowheader', { name: '浪速化学工業（更新）' })).toBeVisible();
  await page.getByLabel('Search', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await expect(page.getByTestId('accounts-table').getByRole('table')).toHaveAttribute('aria-rowcount', '42');
});

test('a file is read and checked in a tab the browser gives no frames (hidden)', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Import/Export & Settings');
  // A hidden tab gets no animation frames; the checking stage waits for one
  // paint, and must go on without it.
  await page.evaluate(() => {
    window.requestAnimationFrame = () => 0;
  });
  const example = new URL('../../../docs/examples/minimal-plan.abm.json', import.meta.url).pathname;
  await pickFile(page, 'Choose plan file…', example);
  await expect(page.getByTestId('import-ready')).toContainText('is a valid plan');
});

test('an empty plan name is refused in words, and the field shows the plan’s name again', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  const field = page.getByLabel('Plan name');
  await expect(field).toHaveValue(demoName);
  await field.fill('   ');
  await field.press('Tab');
  await expect(page.locator('.toast')).toHaveText(/“\u2068Plan name\u2069” is required\./);
  await expect(field).toHaveValue(demoName);
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);
});

test('settings offer the same currencies as the first screen, and a change is kept', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  const settings = page.getByRole('region', { name: 'Import/Export & Settings' });
  const currency = settings.getByLabel('Currency', { exact: true });
  // Hong Kong dollars and Swiss francs are offered when a plan is made; settings offer them too.
  await currency.selectOption('HKD');
  await expect(currency).toHaveValue('HKD');
  await expect(currency.locator('option')).toHaveCount(16);
  await currency.selectOption('CHF');
  await page.reload();
  await expect(settings.getByLabel('Currency', { exact: true })).toHaveValue('CHF');
});
