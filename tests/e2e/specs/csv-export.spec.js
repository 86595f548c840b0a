import fs from 'node:fs';
import { test, expect, openApp, loadDemo, goTo, download, demoName } from '../support/app.js';

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
