import fs from 'node:fs';
import { test, expect, openApp, loadDemo, goTo, download, demoName } from '../support/app.js';
import { unzipText } from '../support/xlsx.js';

/** Splits a CSV body into rows of cells (the demo has no quoted line breaks). */
function rows(text) {
  return text.trim().split('\r\n').map((line) => line.split(','));
}

test('accounts export as a CSV that Excel opens in Japanese, with fit, score, rank and tier', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  const { file, name } = await download(page, 'Export CSV', testInfo);
  expect(name).toMatch(new RegExp(`^${demoName} accounts \\d{4}-\\d{2}-\\d{2}\\.csv$`));
  await expect(page.getByText('Accounts exported as CSV.')).toBeVisible();

  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const table = rows(bytes.subarray(3).toString('utf8'));
  expect(table).toHaveLength(42);
  expect(table[0].slice(0, 4)).toEqual(['ID', 'Company', 'Web domain', 'Industry']);
  expect(table[0]).toEqual(expect.arrayContaining(['ICP fit %', 'Score', 'Rank', 'Tier', 'Target list']));
  const rank = table[0].indexOf('Rank');
  const tier = table[0].indexOf('Tier');
  const ranked = table.slice(1).filter((r) => r[rank] !== '');
  expect(ranked.length).toBeGreaterThan(5);
  expect(ranked.map((r) => Number(r[rank])).sort((a, b) => a - b)[0]).toBe(1);
  expect(ranked.every((r) => ['1', '2', '3'].includes(r[tier]))).toBe(true);
  expect(table.slice(1).some((r) => r[1].startsWith('株式会社'))).toBe(true);

  // In Japanese, the headings are Japanese.
  await page.getByLabel('Language').first().selectOption('ja');
  const ja = await download(page, 'CSVを書き出す', testInfo);
  const head = rows(fs.readFileSync(ja.file).subarray(3).toString('utf8'))[0];
  expect(head).toEqual(expect.arrayContaining(['ICP適合度（%）', 'ターゲットリスト']));
});

for (const w of [
  { locale: 'en-US', demo: 'Load demo plan', section: 'Import/Export & Settings', button: 'Export workbook (.xlsx)', done: 'Workbook exported.', sheets: ['Target list', 'Accounts', 'Tier 1 plans', 'Goals (KGI)', 'KPIs', 'Campaign ROI', 'Channel ROI'], points: 'Points: ', thisPeriod: 'This period: ', kpi: 'Engagement rate', dashboard: 'Dashboard', money: '"$"#,##0', dates: 'mmm d, yyyy' },
  { locale: 'ja-JP', demo: 'デモプランを読み込む', section: 'インポート/エクスポート・設定', button: 'ブックを書き出す（.xlsx）', done: 'ブックを書き出しました。', sheets: ['ターゲットリスト', 'アカウント', 'ティア1のプラン', '目標（KGI）', 'KPI', 'キャンペーン別ROI', 'チャネル別ROI'], points: '得点：', thisPeriod: '今回の期間：', kpi: 'エンゲージメント率', dashboard: 'ダッシュボード', money: '"¥"#,##0', dates: 'yyyy/mm/dd' },
]) {
  test(`the plan's working views export as an Excel workbook (${w.locale})`, async ({ browser, baseURL }, testInfo) => {
    const context = await browser.newContext({ locale: w.locale, baseURL, acceptDownloads: true });
    const page = await context.newPage();
    await openApp(page);
    await page.getByRole('button', { name: w.demo, exact: true }).click();
    await expect(page.getByTestId('current-plan-name')).toBeVisible();
    const go = (name) => page.locator('nav').getByRole('link', { name, exact: true }).first().click();
    await go(w.section);
    const { file, name } = await download(page, w.button, testInfo);
    expect(name).toMatch(/ \d{4}-\d{2}-\d{2}\.xlsx$/);
    await expect(page.getByText(w.done)).toBeVisible();
    const parts = unzipText(fs.readFileSync(file));
    // One sheet per view, named in the UI language.
    const names = [...parts['xl/workbook.xml'].matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(w.sheets);
    // Headings frozen and filtered on every sheet.
    for (const n of w.sheets.map((_, i) => i + 1)) {
      const sheet = parts[`xl/worksheets/sheet${n}.xml`];
      expect(sheet, `sheet ${n} frozen`).toMatch(/<pane [^>]*state="frozen"/);
      expect(sheet, `sheet ${n} filtered`).toContain('<autoFilter ref="A1:');
    }
    // Factor points and amounts in the plan's currency, as numbers with a format.
    expect(parts['xl/sharedStrings.xml']).toContain(w.points);
    expect(parts['xl/styles.xml']).toContain(`formatCode="${w.money.replaceAll('"', '&quot;')}"`);
    // Percentages calculate as percentages; dates read as the UI writes them.
    expect(parts['xl/styles.xml']).toContain('formatCode="0.0%"');
    expect(parts['xl/styles.xml']).toContain(`formatCode="${w.dates}"`);
    // The KPI sheet covers the dashboard's period and lists its headline KPIs.
    const strings = parts['xl/sharedStrings.xml'];
    expect(strings).toContain(w.kpi);
    const period = strings.match(new RegExp(`${w.thisPeriod}[^<]+`))?.[0];
    expect(period, 'the KPI sheet names its period').toBeTruthy();
    await go(w.dashboard);
    const range = (await page.getByTestId('dash-range').textContent()).trim();
    const [start] = period.slice(w.thisPeriod.length).split(/ – |〜/);
    expect(range, 'the same period as the dashboard').toContain(start);
    // The first row of the target list is the top-ranked account of the app.
    await go(w.locale === 'en-US' ? 'Prioritisation' : '優先順位付け');
    const top = (await page.getByTestId('ranked-table').getByRole('rowheader').first().textContent()).trim();
    expect(parts['xl/sharedStrings.xml']).toContain(top.replace(/&/g, '&amp;'));
    await context.close();
  });
}

test('a workbook export whose Excel writer cannot be loaded says so, and the button works again', async ({ browser, baseURL }, testInfo) => {
  const context = await browser.newContext({ locale: 'ja-JP', baseURL, acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await openApp(page);
  await page.getByRole('button', { name: 'デモプランを読み込む', exact: true }).click();
  await expect(page.getByTestId('current-plan-name')).toBeVisible();
  await page.locator('nav').getByRole('link', { name: 'インポート/エクスポート・設定', exact: true }).first().click();
  // As offline before the writer was ever fetched: its loader is not there.
  const meta = page.locator('meta[name=abm-workbook-worker]');
  const loader = await meta.getAttribute('content');
  await meta.evaluate((m) => (m.content = './workbook-worker-loader-0000000000000000.js'));
  const button = page.getByRole('button', { name: 'ブックを書き出す（.xlsx）' });
  await button.click();
  await expect(page.getByText('ブックを書き出せませんでした。Excel の書き出し機能を読み込めませんでした。この機能は初めてブックを書き出すときにダウンロードされます。一度インターネットに接続してからもう一度お試しください。')).toBeVisible();
  await expect(button).toBeEnabled();
  await meta.evaluate((m, url) => (m.content = url), loader);
  const { name } = await download(page, 'ブックを書き出す（.xlsx）', testInfo);
  expect(name).toMatch(/\.xlsx$/);
  await expect(page.getByText('ブックを書き出しました。')).toBeVisible();
  await context.close();
});
