// The accounts table: search, filters, sorting, inline editing, adding, deleting
// with undo, bulk edits and custom fields, as a marketer would use them.
import { test, expect, openApp, reload, loadDemo, goTo, shot, expectAccessible } from '../support/app.js';

async function openAccounts(page) {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Accounts');
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
}

const table = (page) => page.getByTestId('accounts-table');
const rows = (page) => table(page).locator('tbody tr:not(.spacer)');
const row = (page, name) => rows(page).filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** How many accounts the plan has, as the heading says ("41 accounts"). */
async function accountCount(page) {
  const text = await page.getByTestId('accounts-count').textContent();
  return Number(text.match(/(\d[\d,]*) accounts/)[1].replace(/,/g, ''));
}

/** Only the visible rows exist (virtualised table): search to bring one up. */
async function find(page, name) {
  await page.getByLabel('Search', { exact: true }).fill(name);
  await expect(row(page, name)).toBeVisible();
  return row(page, name);
}

test('search, filter and sort the accounts', async ({ page }) => {
  await openAccounts(page);
  const total = await accountCount(page);
  expect(total).toBeGreaterThan(30);
  expect(await rows(page).count()).toBeLessThan(total);
  await expect(table(page).getByRole('table')).toHaveAttribute('aria-rowcount', String(total + 1));
  await shot(page, 'accounts-table');
  await expectAccessible(page);

  await page.getByLabel('Search', { exact: true }).fill('ミナト');
  // The demo holds the same company twice, as a CRM export would.
  await expect(rows(page)).toHaveCount(2);
  await expect(row(page, '株式会社ミナト精機')).toBeVisible();
  await expect(row(page, '(株)ミナト精機')).toBeVisible();
  await expect(page.getByTestId('accounts-count')).toHaveText(`2 of ${total} accounts`);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('accounts-count')).toHaveText(`${total} accounts`);

  const search = page.getByRole('search');
  await search.getByLabel('Industry').selectOption('運輸・物流業');
  for (const r of await rows(page).all()) {
    await expect(r.getByRole('combobox', { name: /^Industry of/ })).toHaveValue('運輸・物流業');
  }
  await search.getByLabel('Industry').selectOption('');

  // Sort by employees: largest first, then smallest first on a second click.
  const header = table(page).getByRole('columnheader', { name: /Employees/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const employees = async () =>
    (await table(page).getByRole('textbox', { name: /^Employees of/ }).evaluateAll((els) => els.map((e) => e.value)))
      .filter((v) => v !== '')
      .map(Number);
  const desc = await employees();
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const asc = await employees();
  expect(asc).toEqual([...asc].sort((a, b) => a - b));

  // Fit range and target list filters.
  await search.getByLabel('Minimum fit %').fill('80');
  await search.getByLabel('Minimum fit %').press('Enter');
  await expect(page.getByTestId('accounts-count')).toHaveText(new RegExp(`^\\d+ of ${total} accounts$`));
  const fits = await table(page).locator('td .fit').allTextContents();
  expect(fits.length).toBeGreaterThan(0);
  expect(fits.length).toBeLessThan(total);
  for (const f of fits) expect(parseFloat(f)).toBeGreaterThanOrEqual(80);
  await search.getByLabel('Target list').selectOption('out');
  await expect(page.getByText('No account matches these filters.')).toBeVisible();
});

test('edit a cell in place, and it is kept after a reload', async ({ page }) => {
  await openAccounts(page);
  const cell = (await find(page, '株式会社ミナト精機')).getByRole('textbox', { name: 'Employees of 株式会社ミナト精機' });
  await cell.fill('12,5x');
  await cell.press('Enter');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await cell.press('Escape');
  await expect(cell).toHaveValue('1200');
  await cell.fill('1500');
  await cell.press('Enter');
  await expect(cell).toHaveAttribute('aria-invalid', 'false');
  const region = row(page, '株式会社ミナト精機').getByRole('textbox', { name: 'Region of 株式会社ミナト精機' });
  await region.fill('千葉県');
  await region.press('Tab');
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await reload(page);
  await find(page, '株式会社ミナト精機');
  await expect(row(page, '株式会社ミナト精機').getByRole('textbox', { name: 'Employees of 株式会社ミナト精機' })).toHaveValue('1500');
  await expect(row(page, '株式会社ミナト精機').getByRole('textbox', { name: 'Region of 株式会社ミナト精機' })).toHaveValue('千葉県');
});

test('add an account, see its fit, delete it and undo', async ({ page }) => {
  await openAccounts(page);
  const before = await accountCount(page);
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an account' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u2068Company\u2069” is required.');
  await dialog.getByLabel('Company').fill('テスト工業株式会社');
  await dialog.getByLabel('Industry').fill('製造業');
  await dialog.getByLabel('Employees').fill('abc');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('“\u2068abc\u2069” is not a number');
  await dialog.getByLabel('Employees').fill('800');
  await dialog.getByLabel('Annual revenue').fill('30000000000');
  await dialog.getByLabel('Region').fill('東京都');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('accounts-count')).toHaveText(`${before + 1} accounts`);
  const added = await find(page, 'テスト工業株式会社');
  await expect(added.locator('.fit')).not.toHaveText('—');

  // Details show the fit breakdown.
  await added.getByRole('button', { name: 'テスト工業株式会社', exact: true }).click();
  const details = page.getByRole('dialog', { name: 'Account details' });
  await expect(details.getByTestId('account-summary')).toContainText('ICP fit');
  await expect(details.getByTestId('account-summary')).toContainText('✓');
  await shot(page, 'account-details');
  await expectAccessible(page);
  await details.getByRole('button', { name: 'Cancel' }).click();

  await added.getByRole('button', { name: 'Delete テスト工業株式会社' }).click();
  await expect(page.getByText('No account matches these filters.')).toBeVisible();
  await expect(page.getByText('Account “\u2068テスト工業株式会社\u2069” deleted.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await expect(row(page, 'テスト工業株式会社')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('accounts-count')).toHaveText(`${before + 1} accounts`);
});

test('select several accounts and edit or delete them at once', async ({ page }) => {
  await openAccounts(page);
  const names = ['株式会社ミナト精機', '北斗電子工業株式会社', '浪速化学工業株式会社'];
  // The selection survives searching for the next account.
  for (const n of names) await (await find(page, n)).getByRole('checkbox', { name: `Select ${n}` }).check();
  const bar = page.getByTestId('bulk-bar');
  await expect(bar).toContainText('3 selected');
  await bar.getByRole('button', { name: 'Edit selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit 3 accounts' });
  await dialog.getByLabel('Tier').selectOption('3');
  await dialog.getByLabel('Target list').selectOption('include');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('3 accounts updated.')).toBeVisible();
  for (const n of names) {
    await find(page, n);
    await expect(row(page, n).locator('.tier-badge')).toHaveText('Tier 3');
    await expect(row(page, n).getByTitle('Tier pinned by hand')).toBeVisible();
  }
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await shot(page, 'accounts-bulk');
  await expectAccessible(page);
  const before = await accountCount(page);
  await bar.getByRole('button', { name: 'Delete selected' }).click();
  await expect(page.getByTestId('accounts-count')).toHaveText(`${before - 3} accounts`);
  await expect(page.getByTestId('bulk-bar')).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await expect(page.getByTestId('accounts-count')).toHaveText(`${before} accounts`);
});

test('custom fields are added and filled in an account', async ({ page }) => {
  await openAccounts(page);
  await page.getByRole('button', { name: 'Custom fields' }).click();
  const dialog = page.getByRole('dialog', { name: 'Custom fields' });
  await expect(dialog.getByRole('textbox', { name: 'Field name' })).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await dialog.getByRole('textbox', { name: 'Field name' }).last().fill('契約更新月');
  await dialog.getByRole('combobox', { name: 'Kind' }).last().selectOption('date');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await (await find(page, '株式会社ミナト精機')).getByRole('button', { name: '株式会社ミナト精機', exact: true }).click();
  const details = page.getByRole('dialog', { name: 'Account details' });
  await details.getByLabel('契約更新月').fill('2027-03-31');
  await details.getByRole('button', { name: 'Save' }).click();
  await reload(page);
  await (await find(page, '株式会社ミナト精機')).getByRole('button', { name: '株式会社ミナト精機', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Account details' }).getByLabel('契約更新月')).toHaveValue('2027-03-31');
});

test('scrolling the table keeps the rows in view, and the field being typed in', async ({ page }) => {
  await openAccounts(page);
  const total = await accountCount(page);
  const viewport = table(page);
  const rowIndex = (r) => r.getAttribute('aria-rowindex').then(Number);
  const firstName = (await table(page).getByRole('rowheader').first().textContent()).trim();
  // Start typing in the first row, then scroll a little with the wheel: the
  // row stays in view and keeps its field, focus and the text typed so far.
  const region = row(page, firstName).getByRole('textbox', { name: `Region of ${firstName}` });
  await region.fill('札幌');
  const lastBefore = await rowIndex(rows(page).last());
  await viewport.hover();
  await page.mouse.wheel(0, 90);
  await expect.poll(() => viewport.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await expect.poll(() => rowIndex(rows(page).last())).toBeGreaterThan(lastBefore);
  await expect(region).toBeFocused();
  await expect(region).toHaveValue('札幌');
  await region.press('Enter');
  await expect(region).toHaveAttribute('aria-invalid', 'false');
  // To the end: the last rows come into view, numbered as the whole table.
  await viewport.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect.poll(() => rowIndex(rows(page).last())).toBe(total + 1);
  expect(await rowIndex(rows(page).first())).toBeGreaterThan(2);
  // And back: the first row is the same account, with what was typed.
  await viewport.evaluate((el) => { el.scrollTop = 0; });
  await expect(rows(page).first().getByRole('rowheader')).toHaveText(firstName);
  await expect(row(page, firstName).getByRole('textbox', { name: `Region of ${firstName}` })).toHaveValue('札幌');
});
