// Defining the ICP: criteria change every account's fit %, its breakdown and
// whether it is in the target list, and the fit feeds the accounts table.
import { test, expect, openApp, reload, goTo, shot, expectAccessible } from '../support/app.js';

async function addAccount(page, name, industry, employees) {
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an account' });
  await dialog.getByLabel('Company').fill(name);
  await dialog.getByLabel('Industry').fill(industry);
  await dialog.getByLabel('Employees').fill(employees);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

const targets = (page) => page.getByTestId('target-table');
const targetRow = (page, name) => targets(page).locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test('define an ICP and see fit % and the target list change', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Plan name').fill('ICP test');
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Accounts');
  await addAccount(page, 'Maker KK', '製造業', '1200');
  await addAccount(page, 'Small Maker', '製造業', '400');
  await addAccount(page, 'Shop KK', '小売業', '100');
  await addAccount(page, 'Unknown KK', '', '');

  await goTo(page, 'ICP');
  await expect(page.getByTestId('target-summary')).toHaveText('0 of 4 accounts are in the target list.');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  const industry = page.getByTestId('criterion').first();
  const value = industry.getByRole('combobox', { name: 'Industry Values' });
  await value.fill('製造業');
  await value.press('Enter');
  await expect(targetRow(page, 'Maker KK').locator('.fit')).toHaveText('100%');
  await expect(targetRow(page, 'Shop KK').locator('.fit')).toHaveText('0%');
  // No industry: the criterion is left out, so the fit is unknown, and says so.
  await expect(targetRow(page, 'Unknown KK').locator('.fit')).toHaveText('—');
  await expect(targetRow(page, 'Unknown KK')).toContainText('Industry ? unknown');
  await expect(targetRow(page, 'Unknown KK')).toContainText('Out: fit unknown');

  // A second criterion: 500+ employees, with partial credit just below the bound.
  await page.getByRole('button', { name: 'Add criterion' }).click();
  const size = page.getByTestId('criterion').nth(1);
  await size.getByLabel('Attribute').selectOption('employees');
  await size.getByLabel('Minimum').fill('500');
  await size.getByLabel('Minimum').press('Enter');
  await size.getByLabel('Minimum').blur();
  await expect(targetRow(page, 'Maker KK').locator('.fit')).toHaveText('100%');
  const partial = await targetRow(page, 'Small Maker').locator('.fit').textContent();
  expect(parseFloat(partial)).toBeGreaterThan(50);
  expect(parseFloat(partial)).toBeLessThan(100);
  await expect(targetRow(page, 'Small Maker')).toContainText('Industry ✓');
  await expect(targetRow(page, 'Small Maker')).toContainText('Employees ~');
  await expect(targetRow(page, 'Shop KK')).toContainText('Employees ✗');

  // A weight beyond what a plan file reads back is refused in words, and the field keeps the weight.
  const weight = size.getByRole('spinbutton', { name: 'Weight' });
  const kept = await weight.inputValue();
  await weight.fill('5000');
  await weight.press('Enter');
  await expect(page.locator('.toast')).toContainText('A weight is a number from 0 to 1,000.');
  await expect(weight).toHaveValue(kept);

  // Threshold 60 %: the two makers are in.
  await page.getByLabel('Target list threshold').fill('60');
  await page.getByLabel('Target list threshold').press('Enter');
  await expect(page.getByTestId('target-summary')).toHaveText('2 of 4 accounts are in the target list.');
  // Include the shop by hand.
  await targetRow(page, 'Shop KK').getByRole('combobox', { name: 'Target list decision for Shop KK' }).selectOption('include');
  await expect(targetRow(page, 'Shop KK')).toContainText('In: included by hand');
  await expect(page.getByTestId('target-summary')).toHaveText('3 of 4 accounts are in the target list.');
  await shot(page, 'icp-defined');
  await expectAccessible(page);

  // The same fit shows in the accounts table, and all of it survives a reload.
  await reload(page);
  await goTo(page, 'Accounts');
  await page.getByLabel('Search', { exact: true }).fill('Small Maker');
  await expect(page.getByTestId('accounts-table').locator('tbody tr:not(.spacer) .fit')).toHaveText(partial);
});

test('a persona is added with its pains, a nameless one is refused in words, and it is kept after a reload', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Plan name').fill('Personas');
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'ICP');
  await page.getByRole('button', { name: 'Add persona' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a persona' });
  await dialog.getByLabel('Role').fill('情報システム部長');
  await dialog.getByRole('button', { name: 'Save persona' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u2068Persona\u2069” is required.');
  await dialog.getByLabel('Persona', { exact: true }).fill('  IT責任者  ');
  await dialog.getByLabel('Pains (one per line)').fill('基幹システムの老朽化\n\n  属人化した運用  ');
  await dialog.getByRole('button', { name: 'Save persona' }).click();
  await expect(dialog).toBeHidden();
  await reload(page);
  const card = page.locator('.persona').filter({ hasText: 'IT責任者' });
  await expect(card.getByRole('heading', { name: 'IT責任者', exact: true })).toBeVisible();
  await expect(card.locator('.pains li')).toHaveText(['基幹システムの老朽化', '属人化した運用']);
  await expect(card).toContainText('情報システム部長');
});
