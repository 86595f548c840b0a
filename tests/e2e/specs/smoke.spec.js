import { test, expect } from '@playwright/test';
test('hello', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('h1')).toHaveText('ABM Planner');
  await expect(page.locator('#count')).toHaveText('1 account');
  await page.getByRole('button', { name: '+' }).click();
  await expect(page.locator('#count')).toHaveText('2 accounts');
  await page.getByRole('button', { name: 'lang' }).click();
  await expect(page.locator('#count')).toHaveText('2 社');
  await page.screenshot({ path: '../../target/screenshots/smoke.png' });
});
