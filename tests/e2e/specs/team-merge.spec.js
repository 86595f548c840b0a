// Two teammates work on copies of one plan and pass files: the merge keeps
// both people's changes to different fields of one account without asking,
// shows the one field both changed with both values and who changed it when,
// and offers the teammate's new weights rather than dropping them. In English,
// then the same preview in Japanese.
import fs from 'node:fs';
import { test, expect, openApp, loadDemo, goTo, shot, download, pickFile, expectAccessible } from '../support/app.js';

const ACCOUNT = '株式会社ミナト精機';
const ja = JSON.parse(fs.readFileSync(new URL('../../../locales/ja.json', import.meta.url), 'utf8'));

async function signAs(page, name) {
  await goTo(page, 'Import/Export & Settings');
  const field = page.getByLabel('Your name (this browser)');
  await field.fill(name);
  await field.press('Tab');
}

/** Edits one cell of the account's row on the Accounts page. */
async function editCell(page, what, value) {
  await goTo(page, 'Accounts');
  await page.getByLabel('Search', { exact: true }).fill(ACCOUNT);
  const cell = page.getByTestId('accounts-table').getByRole(what === 'Industry' ? 'combobox' : 'textbox', { name: `${what} of ${ACCOUNT}` });
  await cell.fill(value);
  await cell.press('Enter');
  await expect(page.getByTestId('save-status')).toContainText('Saved');
}

/** Exports the plan to a file of its own (every export of one plan on one
 * day gets the same suggested name). */
async function exportTo(page, testInfo, name) {
  await goTo(page, 'Import/Export & Settings');
  const { file } = await download(page, 'Export plan file', testInfo);
  const kept = testInfo.outputPath(name);
  fs.copyFileSync(file, kept);
  return kept;
}

test('a teammate’s file merges field by field; only the field both changed is asked', async ({ page, browser, baseURL }, testInfo) => {
  // Aiko starts the plan and shares it.
  await openApp(page);
  await loadDemo(page);
  await signAs(page, 'Aiko');
  const shared = await exportTo(page, testInfo, 'shared.abm.json');

  // Ben opens the shared file in his browser, changes the industry and the
  // employees of one account, and a weight.
  const context = await browser.newContext({ locale: 'en-US', baseURL, acceptDownloads: true });
  const ben = await context.newPage();
  await openApp(ben);
  await ben.getByRole('button', { name: 'Start empty plan' }).click();
  await signAs(ben, 'Ben');
  await pickFile(ben, 'Choose plan file…', shared);
  await ben.getByTestId('import-ready').getByRole('button', { name: 'Open as a new plan' }).click();
  await editCell(ben, 'Industry', '運輸・物流業');
  await editCell(ben, 'Employees', '1300');
  await goTo(ben, 'Prioritisation');
  const weight = ben.getByRole('textbox', { name: 'Weight of Purchase history' });
  await weight.fill('35');
  await weight.press('Enter');
  await expect(ben.getByTestId('save-status')).toContainText('Saved');
  const bens = await exportTo(ben, testInfo, 'ben.abm.json');

  // Meanwhile Aiko changed the region and the employees of the same account.
  await editCell(page, 'Region', '千葉県');
  await editCell(page, 'Employees', '1500');

  await goTo(page, 'Import/Export & Settings');
  await pickFile(page, 'Choose plan file…', bens);
  await page.getByRole('button', { name: 'Merge into the current plan…' }).click();
  const preview = page.getByTestId('merge-preview');
  await expect(preview.getByRole('heading', { name: 'Merge preview: ben.abm.json' })).toBeVisible();
  await expect(preview.getByTestId('merge-to-decide')).toHaveText('1 to decide below: changed in both plans.');
  // Accounts: added, updated, to decide, unchanged, only in yours.
  await expect(preview.getByRole('row', { name: /^Accounts/ }).getByRole('cell')).toHaveText(['0', '0', '1', '40', '0']);
  // What is taken without asking is listed field by field, with who changed it.
  await preview.getByTestId('merge-updates').getByText('Change taken from the file (1)').click();
  await expect(preview.getByTestId('merge-updates').getByRole('listitem')).toHaveText([/^Accounts · 株式会社ミナト精機 — Industry: 製造業 → 運輸・物流業 Ben, /]);
  // One conflict: the employees, with both values and who changed each.
  const conflicts = preview.getByTestId('merge-conflict');
  await expect(conflicts).toHaveCount(1);
  await expect(conflicts).toContainText(`Accounts · ${ACCOUNT} — Employees`);
  await expect(conflicts.locator('dd').first()).toContainText('1500');
  await expect(conflicts.locator('dd').first()).toContainText('Aiko');
  await expect(conflicts.locator('dd').nth(1)).toContainText('1300');
  await expect(conflicts.locator('dd').nth(1)).toContainText('Ben');
  // Ben's weight is offered, his newer change chosen.
  const weights = preview.getByTestId('merge-setting').filter({ hasText: 'Prioritisation · Weights' });
  await expect(weights).toHaveCount(1);
  await expect(weights).toContainText('Changed in the file');
  await expect(weights.locator('dd').first()).toContainText('Purchase history 15 (15%)');
  await expect(weights.locator('dd').nth(1)).toContainText('Purchase history 35 (29.2%)');
  await expect(weights.locator('dd').nth(1)).toContainText('Ben');
  await expect(weights.getByRole('radio', { name: "Take the file's" })).toBeChecked();
  await shot(page, 'merge-field-level');
  await expectAccessible(page);

  await preview.getByRole('radiogroup', { name: `Choice for Employees of ${ACCOUNT}` }).getByRole('radio', { name: "Take the file's" }).check();
  await preview.getByRole('button', { name: 'Apply merge' }).click();
  await expect(page.locator('.toast')).toContainText('Merged into the current plan.');
  // Both kept: Aiko's region, Ben's industry, and Ben's employees as chosen.
  await goTo(page, 'Accounts');
  await page.getByLabel('Search', { exact: true }).fill(ACCOUNT);
  const table = page.getByTestId('accounts-table');
  await expect(table.getByRole('textbox', { name: `Region of ${ACCOUNT}` })).toHaveValue('千葉県');
  await expect(table.getByRole('combobox', { name: `Industry of ${ACCOUNT}` })).toHaveValue('運輸・物流業');
  await expect(table.getByRole('textbox', { name: `Employees of ${ACCOUNT}` })).toHaveValue('1300');
  await goTo(page, 'Prioritisation');
  await expect(page.getByRole('textbox', { name: 'Weight of Purchase history' })).toHaveValue('35');
  // The first shared file, stale now, brings nothing new: no decisions, and
  // its older weights folded away (still offered).
  await goTo(page, 'Import/Export & Settings');
  await pickFile(page, 'Choose plan file…', shared);
  await page.getByRole('button', { name: 'Merge into the current plan…' }).click();
  await expect(preview.getByTestId('merge-nothing-new')).toBeVisible();
  await expect(preview.getByTestId('merge-to-decide')).toHaveCount(0);
  await expect(preview.getByTestId('merge-settings-older')).toContainText('Older in the file, yours kept (1)');
  await preview.getByRole('button', { name: 'Cancel' }).click();

  // Aiko's merged plan, merged back by Ben, asks him nothing: the decision travels.
  const merged = await exportTo(page, testInfo, 'merged-by-aiko.abm.json');
  await goTo(ben, 'Import/Export & Settings');
  await pickFile(ben, 'Choose plan file…', merged);
  await ben.getByRole('button', { name: 'Merge into the current plan…' }).click();
  await expect(ben.getByTestId('merge-preview')).toBeVisible();
  await expect(ben.getByTestId('merge-conflict')).toHaveCount(0);
  await expect(ben.getByTestId('merge-settings')).toHaveCount(0);
  await ben.getByTestId('merge-preview').getByRole('button', { name: 'Apply merge' }).click();
  await goTo(ben, 'Accounts');
  await ben.getByLabel('Search', { exact: true }).fill(ACCOUNT);
  await expect(ben.getByTestId('accounts-table').getByRole('textbox', { name: `Region of ${ACCOUNT}` })).toHaveValue('千葉県');

  // The same preview in Japanese: undo the merge, switch the language, merge again.
  await goTo(page, 'Import/Export & Settings');
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await page.getByLabel('Language', { exact: true }).first().selectOption('ja');
  await pickFile(page, ja.transfer.choose_file, bens);
  await page.getByRole('button', { name: ja.transfer.merge }).click();
  const jaConflict = page.getByTestId('merge-conflict');
  await expect(jaConflict).toContainText(`${ACCOUNT} — ${ja.fields.employees}`);
  await expect(jaConflict).toContainText(ja.transfer.conflict_both);
  await expect(jaConflict.locator('dt').first()).toHaveText(ja.transfer.yours);
  const jaWeights = page.getByTestId('merge-setting').filter({ hasText: `${ja.fields.group_prioritisation} · ${ja.fields.weights}` });
  await expect(jaWeights).toContainText(ja.transfer.newer_in_file);
  await expect(jaWeights.getByRole('radio', { name: ja.transfer.take_theirs })).toBeChecked();
  await shot(page, 'merge-field-level-ja');
  await context.close();
});
