import { test, expect, openApp, loadDemo, goTo, shot, addGoal } from '../support/app.js';

test('a save in one tab is noticed in the other', async ({ context }) => {
  const one = await context.newPage();
  await openApp(one);
  await loadDemo(one);
  const two = await context.newPage();
  await openApp(two, '#/goals');
  await goTo(one, 'Goals (KGI)');
  await addGoal(one, 'From tab one');
  await expect(one.getByTestId('save-status')).toContainText('Saved');
  await expect(two.getByRole('rowheader', { name: 'From tab one' })).toBeVisible();
  await expect(two.locator('.toast')).toContainText('Updated with changes saved in another tab.');
});

test('two tabs editing at once: neither overwrites the other', async ({ context }) => {
  const one = await context.newPage();
  await openApp(one);
  await loadDemo(one);
  const two = await context.newPage();
  // Tab two does not hear of tab one's save (its storage events are held back,
  // registered before the app's own listener), so it will try to save over a
  // version it never saw.
  await two.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation()));
  await openApp(two, '#/goals');
  await goTo(one, 'Goals (KGI)');
  await addGoal(one, 'From tab one');
  await expect(one.getByTestId('save-status')).toContainText('Saved');
  await addGoal(two, 'From tab two');

  const conflict = two.getByRole('alert').filter({ hasText: 'This plan was changed in another tab' });
  await expect(conflict).toBeVisible();
  await expect(two.getByTestId('save-status')).toHaveText(/Not saved: changed in another tab/);
  await shot(two, 'two-tabs-conflict');

  // Tab two's save did not overwrite tab one's version.
  await one.reload();
  await expect(one.getByRole('rowheader', { name: 'From tab one' })).toBeVisible();
  await expect(one.getByRole('rowheader', { name: 'From tab two' })).toHaveCount(0);

  // Tab two keeps its work as a copy; tab one's plan stays as it is.
  await conflict.getByRole('button', { name: 'Keep mine as a separate copy' }).click();
  await expect(two.getByTestId('current-plan-name')).toHaveText('FY2026 ABM計画（デモ） (copy)');
  await expect(two.getByRole('rowheader', { name: 'From tab two' })).toBeVisible();
  await expect(two.getByRole('rowheader', { name: 'From tab one' })).toHaveCount(0);
  await one.reload();
  await one.getByRole('button', { name: /^Plans/ }).click();
  await one.getByRole('dialog', { name: 'Plans' }).getByRole('button', { name: 'FY2026 ABM計画（デモ）', exact: true }).click();
  await expect(one.getByTestId('current-plan-name')).toHaveText('FY2026 ABM計画（デモ）');
  await expect(one.getByRole('rowheader', { name: 'From tab one' })).toBeVisible();
  await expect(one.getByRole('rowheader', { name: 'From tab two' })).toHaveCount(0);
});

test('a tab with unsaved edits that hears of another save stops and asks', async ({ context }) => {
  const one = await context.newPage();
  await openApp(one);
  await loadDemo(one);
  const two = await context.newPage();
  await openApp(two, '#/import-export');
  // A plan name typed in tab two and not saved yet (saving waits a moment).
  await two.getByLabel('Plan name').fill('Renamed in tab two');
  await two.getByLabel('Plan name').press('Tab');
  await one.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Import/Export & Settings' }).click();
  await one.getByLabel('Plan name').fill('Renamed in tab one');
  await one.getByLabel('Plan name').press('Tab');
  // Whichever tab saved second is told; the first save is kept.
  const told = [one, two].map((p) => p.getByRole('alert').filter({ hasText: 'This plan was changed in another tab' }));
  await expect.poll(async () => (await told[0].count()) + (await told[1].count())).toBe(1);
  const loser = (await told[0].count()) > 0 ? one : two;
  const winner = loser === one ? two : one;
  const winnerName = await winner.getByTestId('current-plan-name').textContent();
  await loser.getByRole('button', { name: 'Discard my changes and load theirs' }).click();
  await expect(loser.getByTestId('current-plan-name')).toHaveText(winnerName);
});
