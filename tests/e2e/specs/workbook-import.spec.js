// Excel import: a workbook goes through the CSV import's mapping, preview and
// problem list, from the first run, in English (a HubSpot .xlsx export) and in
// Japanese (a team's target list with a notes sheet, a title above the
// headings and a hidden sheet). Problem rows are the sheet's own row numbers.
import path from 'node:path';
import { test, expect, openApp, shot, expectAccessible } from '../support/app.js';

const fixture = (name) => path.resolve(import.meta.dirname, '../fixtures', name);

const en = {
  locale: 'en-US',
  file: 'hubspot-companies.xlsx',
  planLabel: 'Plan name',
  choose: 'Choose your CSV or Excel export…',
  sheets: ['Companies'],
  facts: 'Sheet “\u2068Companies\u2069” of hubspot-companies.xlsx: 10 rows, 12 columns, headings on row 1. Lines below are the sheet\'s row numbers.',
  accounted: '10 rows — 8 imported, 1 merged into another row, 1 skipped',
  problems: [['8', 'Company name', 'Name is empty']],
  warnings: [['7', 'Annual Revenue', '#N/A', 'not an amount']],
  merge: 'lines 2, 10',
  importButton: 'Import 8 accounts',
  account: 'Great Lakes Metalworks',
  accountCells: ['$1.2B', 'Alex Kim'],
};

const ja = {
  locale: 'ja-JP',
  file: 'japanese-companies.xlsx',
  planLabel: 'プラン名',
  choose: 'CSV・Excelファイルを選ぶ…',
  sheets: ['説明', 'ターゲット企業'],
  facts: 'japanese-companies.xlsx のシート「\u2068ターゲット企業\u2069」：8 行、10 列（見出しは 4 行目）。以下の行番号はシートの行番号です。',
  accounted: '全 8 行の内訳：取り込み 6・他の行と統合 1・スキップまたは登録済み 1',
  problems: [['11', '会社名']],
  warnings: [['7', '従業員数', '#N/A'], ['9', '従業員数', '多数']],
  merge: '5, 13',
  importButton: '6 社のアカウントを取り込む',
  account: '九州ロジテック株式会社',
  accountCells: ['￥75億', '鈴木 花子'],
  otherSheet: '説明',
  otherSheetMissing: '名前',
};

for (const w of [en, ja]) {
  test(`an Excel workbook is imported through the CSV preview, rows named by the sheet's numbers (${w.locale})`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: w.locale, baseURL });
    const page = await context.newPage();
    await openApp(page);
    const start = page.getByTestId('start-from-data');
    await start.getByLabel(w.planLabel, { exact: true }).fill('Workbook import');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), start.getByRole('button', { name: w.choose }).click()]);
    await chooser.setFiles(fixture(w.file));

    const importer = page.getByTestId('accounts-import');
    await expect(importer.getByTestId('csv-facts')).toHaveText(w.facts);
    // The sheets a person sees in Excel's tabs: not the hidden working sheet.
    await expect(importer.getByTestId('csv-sheet').locator('option')).toHaveText(w.sheets);
    await expect(importer.getByTestId('csv-accounted')).toContainText(w.accounted);
    await expect(importer.getByTestId('csv-merge')).toContainText(w.merge);
    for (const cells of w.problems) {
      await expect(importer.getByTestId('csv-problems').locator('tbody tr').filter({ hasText: cells[0] }).first()).toContainText(cells.join(''));
    }
    const warnings = importer.getByTestId('csv-warnings').locator('tbody tr');
    await expect(warnings).toHaveCount(w.warnings.length);
    for (const [i, cells] of w.warnings.entries()) {
      await expect(warnings.nth(i)).toContainText(cells.join(''));
    }
    await shot(page, `workbook-import-${w.locale}-preview`);
    await expectAccessible(page);

    if (w.otherSheet) {
      // Another sheet can be chosen: the notes sheet has no company column,
      // which is said; choosing the list again brings its preview back.
      await importer.getByTestId('csv-sheet').selectOption({ label: w.otherSheet });
      await expect(importer.getByTestId('csv-facts')).toContainText(`「\u2068${w.otherSheet}\u2069」`);
      await expect(importer.getByTestId('csv-missing')).toContainText(w.otherSheetMissing);
      await importer.getByTestId('csv-sheet').selectOption({ label: w.sheets[1] });
      await expect(importer.getByTestId('csv-accounted')).toContainText(w.accounted);
    }

    await importer.getByRole('button', { name: w.importButton }).click();
    await expect(importer.getByTestId('csv-done')).toBeVisible();
    await page.reload();
    await page.locator('.app[data-ready=true]').waitFor();
    const row = page.getByRole('row').filter({ hasText: w.account });
    await expect(row).toHaveCount(1);
    for (const cell of w.accountCells) {
      await expect(row).toContainText(cell);
    }
    await context.close();
  });
}

test('a file named .xlsx that is not a workbook says so and changes nothing', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'en-US', baseURL });
  const page = await context.newPage();
  await openApp(page);
  const start = page.getByTestId('start-from-data');
  await start.getByLabel('Plan name', { exact: true }).fill('Bad workbooks');
  // A zip that holds no workbook, named .xlsx.
  const zip = Buffer.from('504b0304140000000000000000000000000000000000000000000000000000', 'hex');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), start.getByRole('button', { name: 'Choose your CSV or Excel export…' }).click()]);
  await chooser.setFiles({ name: 'targets.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: zip });
  // Said on the first screen, which stays: no plan is made for a file that
  // cannot be read, and a reload still opens the first run.
  await expect(start.getByTestId('first-run-failed')).toHaveText(
    '“\u2068targets.xlsx\u2069” could not be read as a workbook: it is not an Excel (.xlsx, .xls) or OpenDocument (.ods) file, or it is damaged.',
  );
  await shot(page, 'first-run-broken-workbook');
  await page.reload();
  await expect(page.getByTestId('start-from-data')).toBeVisible();
  await expect(page.getByTestId('current-plan-name')).toHaveCount(0);
  // A good workbook picked next makes the plan and opens its preview.
  await start.getByLabel('Plan name', { exact: true }).fill('Bad workbooks');
  const [again] = await Promise.all([page.waitForEvent('filechooser'), start.getByRole('button', { name: 'Choose your CSV or Excel export…' }).click()]);
  await again.setFiles(fixture('hubspot-companies.xlsx'));
  await expect(page.getByTestId('accounts-import').getByTestId('csv-accounted')).toContainText('10 rows');
  await expect(page.getByTestId('current-plan-name')).toHaveText('Bad workbooks');
  await context.close();
});

test('the Excel reader is downloaded when a workbook is first read, not with the first screen', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'en-US', baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  await openApp(page);
  expect(fetched.filter((f) => f.startsWith('workbook-worker')), 'the first screen').toEqual([]);
  const start = page.getByTestId('start-from-data');
  await start.getByLabel('Plan name', { exact: true }).fill('Workbook import');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), start.getByRole('button', { name: 'Choose your CSV or Excel export…' }).click()]);
  await chooser.setFiles(fixture('hubspot-companies.xlsx'));
  await expect(page.getByTestId('accounts-import').getByTestId('csv-accounted')).toContainText('10 rows');
  expect(fetched.filter((f) => f.startsWith('workbook-worker')).length, 'the worker\'s loader, script and Wasm').toBe(3);
  await context.close();
});

for (const w of [
  { locale: 'en-US', planLabel: 'Plan name', choose: 'Choose your CSV or Excel export…', accounted: '10 rows', said: /^“\u2068hubspot-companies\.xlsx\u2069” could not be read: the app's Excel reader did not load\. It is downloaded the first time a workbook is used: connect to the internet once and try again, or save the sheet as CSV\.$/ },
  { locale: 'ja-JP', planLabel: 'プラン名', choose: 'CSV・Excelファイルを選ぶ…', accounted: '全 10 行', said: /^「\u2068hubspot-companies\.xlsx\u2069」を読み込めませんでした。Excel の読み込み機能を準備できませんでした。この機能は初めてブックを扱うときにダウンロードされます。/ },
]) {
  test(`an Excel reader that cannot be loaded is said, and the next try loads it (${w.locale})`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: w.locale, baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    await openApp(page);
    // As offline before the reader was ever fetched: its loader is not there.
    const meta = page.locator('meta[name=abm-workbook-worker]');
    const loader = await meta.getAttribute('content');
    await meta.evaluate((m) => (m.content = './workbook-worker-loader-0000000000000000.js'));
    const start = page.getByTestId('start-from-data');
    await start.getByLabel(w.planLabel, { exact: true }).fill('Workbook import');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), start.getByRole('button', { name: w.choose }).click()]);
    await chooser.setFiles(fixture('hubspot-companies.xlsx'));
    // Said on the first screen; no plan is made yet.
    await expect(start.getByTestId('first-run-failed')).toHaveText(w.said);
    await shot(page, `workbook-reader-unavailable-${w.locale}`);
    // Back online: the same file, picked again, is read by a new worker.
    await meta.evaluate((m, url) => (m.content = url), loader);
    const [again] = await Promise.all([page.waitForEvent('filechooser'), start.getByRole('button', { name: w.choose }).click()]);
    await again.setFiles(fixture('hubspot-companies.xlsx'));
    await expect(page.getByTestId('accounts-import').getByTestId('csv-accounted')).toContainText(w.accounted);
    await context.close();
  });
}

// A page open across an update meets a worker of the new release, which answers
// in words this page does not read: said as such, with what to do, both ways.
const otherRelease = `postMessage({ ready: true });
onmessage = (e) => postMessage({ id: e.data.id, answer: '{"Printed":{"pages":3}}', bytes: new Uint8Array(0) });`;

test('a workbook worker of another release (the app updated while the page was open) asks for a reload, reading and writing', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'en-US', baseURL, serviceWorkers: 'block' });
  await context.route('**/workbook-worker-loader-next.js', (route) => route.fulfill({ contentType: 'text/javascript', body: otherRelease }));
  const page = await context.newPage();
  await openApp(page);
  await page.locator('meta[name=abm-workbook-worker]').evaluate((m) => (m.content = './workbook-worker-loader-next.js'));
  const start = page.getByTestId('start-from-data');
  await start.getByLabel('Plan name', { exact: true }).fill('Workbook import');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), start.getByRole('button', { name: 'Choose your CSV or Excel export…' }).click()]);
  await chooser.setFiles(fixture('hubspot-companies.xlsx'));
  await expect(start.getByTestId('first-run-failed')).toHaveText('“\u2068hubspot-companies.xlsx\u2069” could not be read: the app was updated while this page was open. Reload the page and try again.');
  // In the import of an open plan, the same, and that the plan is unchanged.
  await page.getByRole('button', { name: 'Load demo plan', exact: true }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Data quality' }).click();
  await page.getByRole('navigation', { name: 'Data quality views' }).getByRole('link', { name: 'Import CSV' }).click();
  const [inImport] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose a CSV or Excel file…' }).click()]);
  await inImport.setFiles(fixture('hubspot-companies.xlsx'));
  await expect(page.getByTestId('csv-failed')).toHaveText('“\u2068hubspot-companies.xlsx\u2069” could not be read: the app was updated while this page was open. Reload the page and try again. The plan is unchanged.');
  await context.close();

  // Writing: the demo's workbook export says the same, in Japanese.
  const ja = await browser.newContext({ locale: 'ja-JP', baseURL, serviceWorkers: 'block' });
  await ja.route('**/workbook-worker-loader-next.js', (route) => route.fulfill({ contentType: 'text/javascript', body: otherRelease }));
  const jaPage = await ja.newPage();
  await openApp(jaPage);
  await jaPage.locator('meta[name=abm-workbook-worker]').evaluate((m) => (m.content = './workbook-worker-loader-next.js'));
  await jaPage.getByRole('button', { name: 'デモプランを読み込む', exact: true }).click();
  await jaPage.locator('nav').getByRole('link', { name: 'インポート/エクスポート・設定', exact: true }).first().click();
  const button = jaPage.getByRole('button', { name: 'ブックを書き出す（.xlsx）' });
  await button.click();
  await expect(jaPage.getByText('ブックを書き出せませんでした。このページを開いている間にアプリが更新されました。ページを再読み込みしてから、もう一度お試しください。')).toBeVisible();
  await expect(button).toBeEnabled();
  await ja.close();
});
