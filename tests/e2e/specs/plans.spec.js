import { test, expect, openApp, reload, loadDemo, shot, demoName } from '../support/app.js';

test('several plans: create, switch, rename, duplicate, delete with undo, restore', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  const current = page.getByTestId('current-plan-name');

  await page.getByRole('button', { name: /^Plans/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Plans' });
  await dialog.getByLabel('Name of the new plan').fill('Second plan');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(current).toHaveText('Second plan');

  await page.getByRole('button', { name: /^Plans/ }).click();
  const rows = dialog.getByTestId('plan-list').getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await shot(page, 'plans-dialog');

  // Rename the demo without opening it.
  const demoRow = rows.filter({ hasText: demoName });
  await demoRow.getByRole('button', { name: 'Rename' }).click();
  await demoRow.getByRole('textbox').fill('Demo renamed');
  await demoRow.getByRole('button', { name: 'Save name' }).click();
  await expect(rows.filter({ hasText: 'Demo renamed' })).toHaveCount(1);

  // Duplicate opens the copy.
  await rows.filter({ hasText: 'Demo renamed' }).getByRole('button', { name: 'Duplicate' }).click();
  await expect(current).toHaveText('Demo renamed (copy)');
  await expect(page.getByTestId('plan-counts')).toContainText('41');

  // Delete asks first, then offers undo.
  await page.getByRole('button', { name: /^Plans/ }).click();
  await rows.filter({ hasText: 'Second plan' }).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this plan?' });
  await expect(confirm).toContainText('“\u2068Second plan\u2069” will be removed');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(3);
  await rows.filter({ hasText: 'Second plan' }).getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete plan' }).click();
  await expect(rows).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const toast = page.locator('.toast');
  await expect(toast).toContainText('“\u2068Second plan\u2069” deleted.');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(current).toHaveText('Second plan');

  // Deleting the open plan opens another one; it can be restored later.
  await page.getByRole('button', { name: /^Plans/ }).click();
  await rows.filter({ hasText: 'Second plan' }).getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete plan' }).click();
  await expect(current).not.toHaveText('Second plan');
  await reload(page);
  await page.getByRole('button', { name: /^Plans/ }).click();
  await expect(dialog.getByRole('heading', { name: 'Recently deleted' })).toBeVisible();
  await dialog.getByRole('listitem').filter({ hasText: 'Second plan' }).getByRole('button', { name: 'Restore' }).click();
  await expect(current).toHaveText('Second plan');
});
