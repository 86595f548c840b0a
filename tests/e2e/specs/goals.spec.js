import { test, expect, openApp, reload, goTo, shot } from '../support/app.js';

test('goals are added, edited, reordered, deleted and undone, and kept across reloads', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Goals (KGI)');
  await expect(page.getByText('No goals yet. Add the first one.')).toBeVisible();

  await page.getByRole('button', { name: 'Add goal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a goal' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u2068Goal\u2069” is required.');
  await dialog.getByLabel('Goal', { exact: true }).fill('新規契約締結数');
  await dialog.getByLabel('Measures').selectOption({ label: 'New contracts' });
  await dialog.getByLabel('Target').fill('many');
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u2068many\u2069” is not a number. Write it as 1,200,000, $1,200,000, $250K or 1.2M.');
  await dialog.getByLabel('Target').fill('８');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('Due').fill('2027-03-31');
  await shot(page, 'goal-editor');
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add goal' }).click();
  await dialog.getByLabel('Goal', { exact: true }).fill('Cross-sell value');
  await dialog.getByLabel('Measures').selectOption({ label: 'Cross-sell / upsell value' });
  // An amount in another currency is refused, not read as dollars.
  await dialog.getByLabel('Target').fill('1億2,000万円');
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u20681億2,000万円\u2069” is in JPY, but this plan keeps its amounts in USD. Type the amount in USD: the app does not convert currencies.');
  await dialog.getByLabel('Target').fill('40,000,000');
  await dialog.getByRole('button', { name: 'Save goal' }).click();

  const table = page.getByTestId('goals-table');
  await expect(table.getByRole('row')).toHaveCount(3);
  // Only the last goal cannot move further down.
  await expect(table.getByRole('row').nth(1).getByRole('button', { name: 'Move down' })).toBeEnabled();
  await expect(table.getByRole('row').nth(2).getByRole('button', { name: 'Move down' })).toBeDisabled();
  await expect(table.getByRole('row').nth(1)).toContainText('8');
  // A new plan in an English (US) browser is in dollars.
  await expect(table.getByRole('row').nth(2)).toContainText('$40,000,000');
  await shot(page, 'goals');

  // Reorder, then undo it with the keyboard.
  await table.getByRole('row').nth(2).getByRole('button', { name: 'Move up' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Cross-sell value');
  await page.locator('body').press('Control+z');
  await expect(table.getByRole('row').nth(1)).toContainText('新規契約締結数');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Cross-sell value');

  // Delete offers an undo.
  await table.getByRole('row', { name: /Cross-sell value/ }).getByRole('button', { name: 'Delete' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);

  // Edit keeps its id and place.
  await table.getByRole('row', { name: /新規契約締結数/ }).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit goal' });
  await expect(edit.getByLabel('Target')).toHaveValue('8');
  await edit.getByLabel('Target').fill('10');
  await edit.getByRole('button', { name: 'Save goal' }).click();
  await expect(table.getByRole('row', { name: /新規契約締結数/ })).toContainText('10');

  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await reload(page);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /新規契約締結数/ })).toContainText('10');
});
