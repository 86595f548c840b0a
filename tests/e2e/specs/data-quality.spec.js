// Data quality: CSV import (Shift_JIS, broken rows, mapping), duplicates and their
// merge with undo, missing values, cleansing, and the purchase prediction on the
// demo plan.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, reload, loadDemo, goTo, shot, expectAccessible, exportedPlanFile, pickFile } from '../support/app.js';

const fixture = (name) => path.resolve(import.meta.dirname, '../fixtures', name);
const tabs = (page) => page.getByRole('navigation', { name: 'Data quality views' });

async function openTab(page, name) {
  await goTo(page, 'Data quality');
  await tabs(page).getByRole('link', { name }).click();
}

async function pickCsv(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose a CSV or Excel file…' }).click()]);
  await chooser.setFiles(file);
}

/** What the first `n` columns of the CSV mapping step are imported as. */
async function mappedFields(page, n) {
  const field = async (i) => (await page.getByTestId(`csv-map-${i}`).locator('option:checked').textContent()).trim();
  return Promise.all([...Array(n).keys()].map(field));
}

/** The accounts table shows only visible rows: search to bring one up. */
async function findAccount(page, name) {
  await goTo(page, 'Accounts');
  await page.getByLabel('Search', { exact: true }).fill(name);
  return page.getByRole('row').filter({ hasText: name });
}

test('a Shift_JIS company list: guessed columns, preview, broken rows named, import, reload', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await openTab(page, 'Import CSV');
  await expect(page).toHaveURL(/#\/data-quality\/import/);
  await pickCsv(page, fixture('companies-sjis.csv'));

  await expect(page.getByTestId('csv-facts')).toHaveText('companies-sjis.csv: 4 rows, 6 columns, Shift_JIS, separated by commas.');
  await expect(page.getByTestId('csv-kind').locator('option:checked')).toHaveText('Accounts (companies)');
  // Every Japanese heading is recognised.
  expect(await mappedFields(page, 6)).toEqual(['Name', 'Industry', 'Employees', 'Annual revenue', 'Region / prefecture', 'Domain']);
  await expect(page.getByTestId('csv-mapping')).toContainText('北斗電子工業株式会社');
  await expect(page.getByTestId('csv-sample')).toContainText('㈱東海ロボティクス');

  // The row whose head count does not read is imported without it; the row
  // without a name is skipped. Every row is accounted for.
  await expect(page.getByTestId('csv-new')).toHaveText('2');
  await expect(page.getByTestId('csv-updated')).toHaveText('1');
  await expect(page.getByTestId('csv-bad')).toHaveText('1');
  await expect(page.getByTestId('csv-bad-cells')).toHaveText('1');
  await expect(page.getByTestId('csv-accounted')).toContainText('4 rows — 3 imported, 0 merged into another row, 1 skipped');
  await expect(page.getByTestId('csv-problems').getByRole('row').nth(1)).toContainText('5会社名Name is empty');
  await expect(page.getByTestId('csv-warnings').getByRole('row').nth(1)).toContainText('4従業員数多数not a count: not a number');
  await expect(page.getByTestId('csv-sample').locator('td.cell-bad')).toHaveText(['多数', '']);
  await shot(page, 'data-quality-csv-preview');
  await expectAccessible(page);

  // Or such rows are skipped, if the user says so.
  await page.getByLabel('Skip a row that has a cell that cannot be read').check();
  await expect(page.getByTestId('csv-bad')).toHaveText('2');
  await page.getByLabel('Skip a row that has a cell that cannot be read').uncheck();
  await expect(page.getByTestId('csv-bad')).toHaveText('1');

  await page.getByRole('button', { name: 'Import 3 accounts' }).click();
  await expect(page.getByTestId('csv-done')).toContainText('Imported 3 records from “\u2068companies-sjis.csv\u2069”.');
  await expect(page.getByTestId('csv-skipped')).toHaveText('Skipped lines: 5.');

  // The new company is there with its values; the matched one was updated, not doubled.
  const tokai = await findAccount(page, '東海ロボティクス');
  await expect(tokai).toHaveCount(1);
  await expect(tokai).toContainText('¥12B');
  const hokuto = await findAccount(page, '北斗電子');
  await expect(hokuto).toHaveCount(1);

  await reload(page);
  await expect(await findAccount(page, '東海ロボティクス')).toHaveCount(1);
  const michinoku = await findAccount(page, 'みちのく');
  await expect(michinoku).toHaveCount(1);
  await expect(michinoku).not.toContainText('多数');
});

test('Shift_JIS is decoded by the browser in steps: a character cut by a step is whole, bad bytes are said', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await openTab(page, 'Import CSV');
  // CP932 by hand: 会社名,業種 / ㈱東京精機<n>①,製造業 — ㈱ and ① are Microsoft's extensions.
  const header = Buffer.from([137, 239, 142, 208, 150, 188, 44, 139, 198, 142, 237, 13, 10]);
  const [head, tail] = [Buffer.from([135, 138, 147, 140, 139, 158, 144, 184, 139, 64]), Buffer.from([135, 64, 44, 144, 187, 145, 162, 139, 198, 13, 10])];
  const rows = 12_000;
  const build = (pad) => Buffer.concat([header, ...[...Array(rows).keys()].map((i) => Buffer.concat([head, Buffer.from(`${i === 0 ? 'A'.repeat(pad) : ''}${i}`), tail]))]);
  // The app reads 256 KB a step: pad the first name until a two-byte
  // character straddles the first step's end.
  const step = 256 * 1024;
  const straddles = (b) => { let i = 0; while (i < step) i += b[i] >= 0x81 && b[i] !== 0xa0 && !(b[i] >= 0xa1 && b[i] <= 0xdf) ? 2 : 1; return i === step + 1; };
  const bytes = [0, 1, 2, 3].map(build).find(straddles);
  expect(bytes, 'a padding puts a character across the step').toBeTruthy();
  const file = path.join(testInfo.outputDir, 'straddle-sjis.csv');
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(file, bytes);
  await pickCsv(page, file);
  const n = rows.toLocaleString('en-US');
  await expect(page.getByTestId('csv-facts')).toContainText(`${n} rows, 2 columns, Shift_JIS`);
  await expect(page.getByTestId('csv-sample')).toContainText('㈱東京精機1①');
  await expect(page.getByRole('note').filter({ hasText: 'not valid in this encoding' })).toHaveCount(0);
  await expect(page.getByTestId('csv-accounted')).toContainText(`${n} rows — ${n} imported`);

  // A lead byte with no second half: the text is kept, with � and a warning.
  const bad = path.join(testInfo.outputDir, 'bad-sjis.csv');
  fs.writeFileSync(bad, Buffer.concat([header, head, Buffer.from([0x81, 0x20]), tail]));
  await reload(page);
  await pickCsv(page, bad);
  await expect(page.getByTestId('csv-facts')).toContainText(/1 rows?, 2 columns, Shift_JIS/);
  await expect(page.getByRole('note').filter({ hasText: 'not valid in this encoding' })).toBeVisible();
  await expect(page.getByTestId('csv-sample')).toContainText('㈱東京精機\ufffd ①');
});

test('a Salesforce report: its footer lines and a stray quote are listed with their text, and the counts agree', async ({ page }, testInfo) => {
  // What "Export details" writes, with a quote that closes mid-value on line 3.
  const file = testInfo.outputPath('salesforce-accounts.csv');
  fs.writeFileSync(file, [
    '"Account Name","Industry","Employees","Account Owner"',
    '"Acme Corp","Manufacturing","1200","Jane Doe"',
    '"Beta Inc,"Retail","300","John Roe"',
    '"Gamma LLC","Logistics","450","Jane Doe"',
    '',
    '"Grand Totals (3 records)"',
    '',
    '"Confidential Information - Do Not Distribute"',
    '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
    '',
  ].join('\n'));
  await openApp(page);
  await loadDemo(page);
  await openTab(page, 'Import CSV');
  await pickCsv(page, file);
  // The file's facts count the rows as the preview does.
  await expect(page.getByTestId('csv-facts')).toContainText('salesforce-accounts.csv: 6 rows, 4 columns');
  await expect(page.getByTestId('csv-new')).toHaveText('2');
  // The tile, the sentence and the list count the same rows.
  await expect(page.getByTestId('csv-bad')).toHaveText('4');
  await expect(page.getByTestId('csv-accounted')).toContainText('6 rows — 2 imported, 0 merged into another row, 4 skipped');
  const listed = page.getByTestId('csv-problems').locator('tbody tr');
  await expect(listed).toHaveCount(4);
  await expect(listed.nth(0)).toContainText('"Beta Inc,"Retail","300","John Roe"');
  await expect(listed.nth(0)).toContainText('a quote on this line closes in the middle of a value');
  await expect(listed.nth(1)).toContainText('Grand Totals (3 records)');
  await expect(listed.nth(1)).toContainText("read as a report's title, total or footer, not a record");
  await page.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(page.getByTestId('csv-skipped')).toHaveText('Skipped lines: 3, 6, 8, 9.');
  await goTo(page, 'Accounts');
  await page.getByLabel('Search', { exact: true }).fill('Grand Totals');
  await expect(page.getByTestId('accounts-table').getByRole('row').filter({ hasText: 'Grand Totals' })).toHaveCount(0);
});

test('columns named as the plan\'s custom fields fill them; a value that is not a choice is named', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await openTab(page, 'Import CSV');
  const file = testInfo.outputPath('erp.csv');
  fs.writeFileSync(file, '会社名,ＥＲＰベンダー,工場数\n北斗電子工業株式会社,oracle,7\n新規テスト精機株式会社,SAP,"1,200.5"\n誤りテスト株式会社,Excel,x\n');
  await pickCsv(page, file);
  // The demo plan's custom fields ERPベンダー (a choice) and 工場数 (a number).
  expect(await mappedFields(page, 3)).toEqual(['Name', 'ERPベンダー', '工場数']);
  await expect(page.getByTestId('csv-sample').getByRole('columnheader')).toHaveText(['Line', 'Name', 'ERPベンダー', '工場数']);
  await expect(page.getByTestId('csv-new')).toHaveText('2');
  await expect(page.getByTestId('csv-updated')).toHaveText('1');
  await expect(page.getByTestId('csv-bad')).toHaveText('0');
  const warnings = page.getByTestId('csv-warnings');
  await expect(warnings.getByRole('row').nth(1)).toContainText('4ＥＲＰベンダーExcelnot one of the field\'s choices');
  await expect(warnings.getByRole('row').nth(2)).toContainText('4工場数xnot a number');
  await shot(page, 'data-quality-csv-custom-fields');
  await page.getByRole('button', { name: 'Import 3 accounts' }).click();
  await expect(page.getByTestId('csv-done')).toContainText('Imported 3 records');

  // The values are the account's, written as the field's option is.
  for (const [name, erp, plants] of [['北斗電子', 'Oracle', '7'], ['新規テスト精機', 'SAP', '1200.5']]) {
    const row = await findAccount(page, name);
    await row.getByRole('rowheader').getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('ERPベンダー')).toHaveValue(erp);
    await expect(dialog.getByLabel('工場数')).toHaveValue(plants);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }
});

test('contacts from a CRM export: a wrong mapping is fixed, unknown companies are listed, undo reverses the import', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  const csv = [
    'First Name,Last Name,Email,Company Name,Job Title,Phone Number',
    '花子,佐藤,hanako.sato@hokuto-denshi.example,,部長,03-0000-0000',
    'John,Smith,john@elsewhere.example,三河オートパーツ株式会社,Plant manager,',
    'Jane,Doe,jane@nowhere.example,Nobody Ltd,CEO,',
  ].join('\n');
  const file = testInfo.outputPath('hubspot-contacts.csv');
  (await import('node:fs')).writeFileSync(file, csv);
  await openTab(page, 'Import CSV');
  await pickCsv(page, file);
  await expect(page.getByTestId('csv-facts')).toContainText('3 rows, 6 columns, UTF-8');
  await expect(page.getByTestId('csv-kind').locator('option:checked')).toHaveText('Contacts (people)');
  // A company the plan lacks is added as an account, and says so …
  await expect(page.getByTestId('csv-new')).toHaveText('3');
  await expect(page.getByTestId('csv-new-accounts')).toHaveText('1');
  // … unless the user says not to: then the row is listed.
  await page.getByLabel('Add companies that are not in the plan as accounts').uncheck();
  await expect(page.getByTestId('csv-new')).toHaveText('2');
  await expect(page.getByTestId('csv-problems')).toContainText('Nobody Ltd');
  await expect(page.getByTestId('csv-problems')).toContainText('no account has this name or domain');

  // Without the email and company columns, nothing says which account a person is at.
  await page.getByTestId('csv-map-2').selectOption({ label: "Don't import" });
  await page.getByTestId('csv-map-3').selectOption({ label: "Don't import" });
  await expect(page.getByTestId('csv-missing')).toHaveText('Choose a column for: the account (company, company domain or email).');
  await expect(page.getByTestId('csv-confirm')).toBeDisabled();
  await page.getByTestId('csv-map-3').selectOption({ label: 'Company' });
  await page.getByTestId('csv-map-2').selectOption({ label: 'Email' });
  await expect(page.getByTestId('csv-new')).toHaveText('2');

  await page.getByRole('button', { name: 'Import 2 contacts' }).click();
  await expect(page.getByTestId('csv-skipped')).toHaveText('Skipped lines: 4.');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: /^Redo/ })).toBeEnabled();

  // A file that is not a table at all says so and changes nothing.
  const empty = testInfo.outputPath('empty.csv');
  (await import('node:fs')).writeFileSync(empty, '\n\n');
  await pickCsv(page, empty);
  await expect(page.getByTestId('csv-failed')).toContainText('“\u2068empty.csv\u2069” is empty: no heading row was found. The plan is unchanged.');

  // Too large to read in the tab: refused at once with what to do, nothing frozen.
  const huge = testInfo.outputPath('huge.csv');
  (await import('node:fs')).writeFileSync(huge, Buffer.alloc(65 * 1024 * 1024, 'Company,Industry\n'));
  await pickCsv(page, huge);
  await expect(page.getByTestId('csv-failed')).toContainText('“\u2068huge.csv\u2069” is 65 MB; CSV files up to 64 MB can be imported.');
  await expect(page.getByRole('button', { name: 'Choose a CSV or Excel file…' })).toBeEnabled();
});

test('a 58 MB activities export is read and checked in turns: progress, Cancel, a changed mapping, then imported', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openApp(page);
  await loadDemo(page);
  await openTab(page, 'Import CSV');
  // An MA tool's export of all activity: one row in a thousand names a company
  // of the plan, the rest companies it does not hold. A million rows.
  const rows = 1_000_000;
  const start = Date.UTC(2024, 0, 1);
  const lines = ['Company,Activity Type,Activity Date,Source'];
  for (let i = 0; i < rows; i++) {
    const at = new Date(start + i * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(`${i % 1000 === 0 ? '北斗電子工業株式会社' : `Unknown Company ${i % 5000}`},Open Email,${at},newsletter`);
  }
  const big = testInfo.outputPath('all-activity.csv');
  const fs = await import('node:fs');
  fs.writeFileSync(big, lines.join('\n') + '\n');
  expect(fs.statSync(big).size).toBeGreaterThan(55 * 2 ** 20);

  // Read in turns: the bar is seen part-filled, and Cancel clicked then stops
  // the reading. (Clicked from the page at the first frame that shows the bar
  // moving: the whole read takes about a second.)
  const watch = (testid, act) => page.evaluate(({ testid, act }) => {
    window.seen = [];
    const tick = () => {
      const box = document.querySelector(`[data-testid=${testid}]`);
      const value = box?.querySelector('progress')?.value ?? 0;
      if (value > 0 && value < 100) {
        const confirm = document.querySelector('[data-testid=csv-confirm]');
        window.seen.push({ value, confirm: confirm?.textContent, disabled: confirm?.disabled });
        if (act === 'cancel') {
          [...box.querySelectorAll('button')].find((b) => b.textContent === 'Cancel').click();
        } else {
          const select = document.querySelector('[data-testid=csv-map-1]');
          select.value = '';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, { testid, act });
  await watch('csv-reading', 'cancel');
  await pickCsv(page, big);
  await expect.poll(() => page.evaluate(() => window.seen.length)).toBe(1);
  await expect(page.getByTestId('csv-reading')).toHaveCount(0);
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('csv-facts')).toHaveCount(0);

  // Picked again: read, then checked against the plan in turns; the page paints
  // a moving bar meanwhile, and the import waits for the check. A column taken
  // away then (from the page, at that frame) stops the check; put back, the
  // rows are checked again with it.
  await watch('csv-checking', 'unmap');
  await pickCsv(page, big);
  await expect(page.getByTestId('csv-facts')).toHaveText('all-activity.csv: 1,000,000 rows, 4 columns, UTF-8, separated by commas.');
  await expect.poll(() => page.evaluate(() => window.seen.length)).toBe(1);
  expect(await page.evaluate(() => window.seen[0])).toMatchObject({ confirm: 'Checking rows…', disabled: true });
  await expect(page.getByTestId('csv-missing')).toContainText('Activity type');
  await expect(page.getByTestId('csv-checking')).toHaveCount(0);
  await expect(page.getByTestId('csv-confirm')).toBeDisabled();
  await page.getByTestId('csv-map-1').selectOption({ label: 'Activity type' });
  await expect(page.getByTestId('csv-new')).toHaveText('1,000', { timeout: 60_000 });
  await expect(page.getByTestId('csv-bad')).toHaveText('999,000');
  await expect(page.getByTestId('csv-problems')).toContainText('Unknown Company 1');
  await shot(page, 'data-quality-csv-large-preview');

  await page.getByTestId('csv-confirm').click();
  await expect(page.getByTestId('csv-done')).toContainText('Imported 1000 records from “\u2068all-activity.csv\u2069”.');
  await expect(page.getByTestId('csv-skipped')).toHaveText(`Skipped lines: ${Array.from({ length: 50 }, (_, i) => i + 3).join(', ')} and 998,950 more.`);
});

test('the demo plan\'s duplicate is found, merged, and the merge undone', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Accounts');
  const total = Number((await page.getByTestId('accounts-count').textContent()).match(/(\d+) accounts/)[1]);

  await openTab(page, 'Duplicates');
  const pair = page.getByTestId('dup-pair');
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText('Same domain');
  await expect(pair).toContainText('株式会社ミナト精機');
  await expect(pair).toContainText('(株)ミナト精機');
  await shot(page, 'data-quality-duplicates');
  await expectAccessible(page);

  await pair.getByRole('button', { name: 'Keep this one: 株式会社ミナト精機 (merge (株)ミナト精機 into it)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged “\u2068(株)ミナト精機\u2069” into “\u2068株式会社ミナト精機\u2069”.' })).toBeVisible();
  await expect(page.getByTestId('dup-none')).toHaveText('No likely duplicates.');
  await goTo(page, 'Accounts');
  await expect(page.getByTestId('accounts-count')).toHaveText(`${total - 1} accounts`);

  await page.getByRole('button', { name: /^Undo/ }).first().click();
  await expect(page.getByTestId('accounts-count')).toHaveText(`${total} accounts`);
  await openTab(page, 'Duplicates');
  await expect(page.getByTestId('dup-pair')).toHaveCount(1);
  // "Not duplicates" hides the pair (kept in the plan: see the next test).
  await page.getByTestId('dup-dismiss').click();
  await expect(page.getByTestId('dup-none')).toBeVisible();
});

test('a pair marked "Not duplicates" stays so after a reload and in the exported file, and can be offered again', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await openTab(page, 'Duplicates');
  await expect(page.getByTestId('dup-pair')).toHaveCount(1);
  await page.getByTestId('dup-dismiss').click();
  await expect(page.getByRole('status').filter({ hasText: '“\u2068株式会社ミナト精機\u2069” and “\u2068(株)ミナト精機\u2069” are marked as different companies.' })).toBeVisible();
  await expect(page.getByTestId('dup-none')).toBeVisible();
  const marked = page.getByTestId('distinct-pairs');
  await expect(marked.locator('summary')).toHaveText('Marked as not duplicates (1)');

  // It is part of the plan: saved, and still marked after a reload.
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await reload(page);
  await openTab(page, 'Duplicates');
  await expect(page.getByTestId('dup-none')).toBeVisible();
  await expect(marked.locator('summary')).toHaveText('Marked as not duplicates (1)');
  await marked.locator('summary').click();
  await expect(marked.locator('li')).toHaveText(['株式会社ミナト精機 / (株)ミナト精機Offer again']);
  await shot(page, 'data-quality-not-duplicates');

  // And of the file a colleague gets.
  await goTo(page, 'Import/Export & Settings');
  const { plan } = await exportedPlanFile(page, testInfo);
  const ids = Object.fromEntries(plan.accounts.map((a) => [a.name, a.id]));
  expect(plan.settings.distinctAccounts).toEqual([[ids['株式会社ミナト精機'], ids['(株)ミナト精機']].sort()]);

  // Offered again, then marked again by undo.
  await openTab(page, 'Duplicates');
  await marked.locator('summary').click();
  await marked.getByRole('button', { name: 'Offer “\u2068株式会社ミナト精機\u2069” and “\u2068(株)ミナト精機\u2069” as possible duplicates again' }).click();
  await expect(page.getByTestId('dup-pair')).toHaveCount(1);
  await expect(marked).toHaveCount(0);
  await page.getByRole('button', { name: /^Undo/ }).first().click();
  await expect(page.getByTestId('dup-none')).toBeVisible();
  await expect(marked.locator('summary')).toHaveText('Marked as not duplicates (1)');
});

test('a colleague\'s "Not duplicates" marks come along when their file is merged in', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  // Their copy of the plan, where they marked the demo's duplicate pair.
  const json = await exportedPlanFile(page, testInfo);
  const id = (name) => json.plan.accounts.find((a) => a.name === name).id;
  json.plan.settings.distinctAccounts = [[id('株式会社ミナト精機'), id('(株)ミナト精機')].sort()];
  const theirs = testInfo.outputPath('colleague-marks.abm.json');
  fs.writeFileSync(theirs, JSON.stringify(json));

  await pickFile(page, 'Choose plan file…', theirs);
  await page.getByRole('button', { name: 'Merge into the current plan…' }).click();
  const preview = page.getByTestId('merge-preview');
  await expect(preview.getByTestId('merge-distinct')).toHaveText('Pairs marked “Not duplicates” in the file, added: 1');
  await expect(preview).not.toContainText('Nothing to merge');
  await expect(preview.getByRole('button', { name: 'Apply merge' })).toBeEnabled();
  await preview.getByRole('button', { name: 'Apply merge' }).click();
  await openTab(page, 'Duplicates');
  await expect(page.getByTestId('dup-none')).toBeVisible();
  await expect(page.getByTestId('distinct-pairs').locator('summary')).toHaveText('Marked as not duplicates (1)');
});

test('missing values say what they do to scoring, and a cleansing action is previewed, applied and undone', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await openTab(page, 'Missing values');
  await expect(page.getByTestId('scoring-gaps').locator('li').first()).toContainText(/accounts/);
  await expect(page.getByTestId('missing-fields')).toContainText('Annual revenue');
  await expect(page.getByTestId('missing-accounts').locator('tbody tr').first()).toBeVisible();
  await shot(page, 'data-quality-missing');
  await expectAccessible(page);

  await tabs(page).getByRole('link', { name: 'Cleansing' }).click();
  const count = page.getByTestId('cleanse-count');
  // The demo's data is tidy apart from the duplicate's web address.
  await expect(count).toHaveText('Nothing to change.');
  await page.getByTestId('cleanse-action').selectOption({ label: 'Fill empty countries from Japanese prefectures' });
  await expect(count).toHaveText('Nothing to change.');
  await page.getByTestId('cleanse-action').selectOption({ label: 'Normalise full-width characters and domains' });
  await expect(count).toHaveText('1 change (accounts affected: 1)');
  const change = page.getByTestId('cleanse-preview').locator('tbody tr');
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('(株)ミナト精機Domainwww.minato-seiki.exampleminato-seiki.example');
  await shot(page, 'data-quality-cleansing');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Apply 1 change' }).click();
  await expect(count).toHaveText('Nothing to change.');
  await page.getByRole('button', { name: /^Undo/ }).first().click();
  await expect(count).toHaveText('1 change (accounts affected: 1)');
});

test('purchase prediction on the demo plan, honest about its evidence, used as a prioritisation factor', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await openTab(page, 'Prediction');
  await expect(page.getByTestId('pred-labelled')).toHaveText(/Decided accounts: \d+ bought, \d+ did not buy\. Open accounts: \d+\./);
  await expect(page.getByTestId('pred-auc')).toHaveText(/Cross-validated AUC: \d\.\d\d \(\d folds\)/);
  await expect(page.getByText('Based on few decided accounts: a first indication, not a forecast.')).toBeVisible();
  const probabilities = page.getByTestId('pred-open').getByTestId('pred-probability');
  await expect(probabilities.nth(5)).toBeVisible();
  const values = (await probabilities.allTextContents()).map((t) => Number(t.replace('%', '')));
  expect(values.every((v) => v >= 0 && v <= 100)).toBe(true);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  await expect(page.getByTestId('pred-open').locator('.drivers li').first()).toHaveText(/^[↑↓] /);
  await expect(page.getByTestId('pred-weights').locator('tbody tr').first()).toBeVisible();
  await shot(page, 'data-quality-prediction');
  await expectAccessible(page);

  await page.getByTestId('pred-add-factor').click();
  await expect(page.getByTestId('pred-factor-exists')).toBeVisible();
  await goTo(page, 'Prioritisation');
  await expect(page.getByText('Predicted purchase probability').first()).toBeVisible();
  await reload(page);
  await openTab(page, 'Prediction');
  await expect(page.getByTestId('pred-factor-exists')).toBeVisible();
});

test('too little labelled data says so instead of predicting', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Plan name').fill('Empty');
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await openTab(page, 'Prediction');
  await expect(page.getByTestId('pred-too-little')).toHaveText(
    'Too little data to predict anything: at least 3 accounts that bought and 3 that did not are needed. Record won and lost deals to get there.',
  );
  await expect(page.getByTestId('pred-open')).toHaveCount(0);
});

test('in Japanese, every data-quality view reads and stays accessible', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await page.getByLabel('Language').first().selectOption('ja');
  await page.getByRole('navigation', { name: 'セクション' }).getByRole('link', { name: 'データ品質' }).click();
  const nav = page.getByRole('navigation', { name: 'データ品質の表示' });
  for (const [name, text] of [
    ['CSV インポート', 'CSV・Excel ファイルを選択…'],
    ['重複', 'ドメインが同じ'],
    ['欠損値', 'スコアへの影響'],
    ['クレンジング', 'アクション'],
    ['購買予測', '交差検証 AUC'],
  ]) {
    await nav.getByRole('link', { name }).click();
    await expect(page.locator('.dq-panel')).toContainText(text);
    await expectAccessible(page);
  }
  await shot(page, 'data-quality-prediction-ja');
});
