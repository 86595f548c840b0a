import { test, expect, openApp, reload, loadDemo, goTo, shot, demoName } from '../support/app.js';

test('first run offers a start; the demo loads and survives a reload', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Welcome to ABM Planner' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start empty plan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open plan file…' })).toBeVisible();
  await shot(page, 'first-run-en');

  await loadDemo(page);
  const counts = page.getByTestId('plan-counts');
  await expect(counts).toContainText('41');
  await shot(page, 'overview-demo-en');

  await reload(page);
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);
  await expect(counts).toContainText('41');
  await goTo(page, 'Accounts');
  await expect(page.getByTestId('accounts-table').getByRole('table')).toHaveAttribute('aria-rowcount', '42');
  await expect(page.getByRole('rowheader', { name: '株式会社ミナト精機' })).toBeVisible();
  await shot(page, 'accounts-demo-en');
});

test('an empty plan starts with its name and the method defaults', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Plan name').fill('FY2027 新規開拓');
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await expect(page.getByTestId('current-plan-name')).toHaveText('FY2027 新規開拓');
  await expect(page.getByTestId('plan-counts')).toContainText('0');
  await reload(page);
  await expect(page.getByTestId('current-plan-name')).toHaveText('FY2027 新規開拓');
});

test('the language follows the browser and the choice is remembered', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'ja-JP', baseURL });
  const page = await context.newPage();
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'ABMプランナーへようこそ' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await shot(page, 'first-run-ja');
  await page.getByRole('button', { name: 'デモプランを読み込む' }).click();
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);
  await expect(page.getByTestId('save-status')).toContainText('保存済み');
  await shot(page, 'overview-demo-ja');
  await page.getByLabel('言語').first().selectOption('en');
  await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await reload(page);
  await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible();
  await context.close();
});
