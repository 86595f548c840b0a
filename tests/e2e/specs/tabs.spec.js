import { test, expect, openApp, loadDemo, goTo, shot, addGoal, settledStatus, demoName } from '../support/app.js';

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
  await expect(two.getByTestId('current-plan-name')).toHaveText(`${demoName} (copy)`);
  await expect(two.getByRole('rowheader', { name: 'From tab two' })).toBeVisible();
  await expect(two.getByRole('rowheader', { name: 'From tab one' })).toHaveCount(0);
  await one.reload();
  await one.getByRole('button', { name: /^Plans/ }).click();
  await one.getByRole('dialog', { name: 'Plans' }).getByRole('button', { name: demoName, exact: true }).click();
  await expect(one.getByTestId('current-plan-name')).toHaveText(demoName);
  await expect(one.getByRole('rowheader', { name: 'From tab one' })).toBeVisible();
  await expect(one.getByRole('rowheader', { name: 'From tab two' })).toHaveCount(0);
});

test('a tab with unsaved edits that hears of another save stops and asks', async ({ context }) => {
  const one = await context.newPage();
  await openApp(one);
  await loadDemo(one);
  const two = await context.newPage();
  await openApp(two, '#/import-export');
  // Tab two's autosave (half a second after an edit) is held, so its edit is
  // still unsaved when tab one saves, however slow the machine: without
  // this, tab two could save first and hear of nothing.
  await two.evaluate(() => {
    const setTimeout = window.setTimeout;
    window.held = [];
    window.setTimeout = (run, ms, ...args) => (ms >= 400 ? window.held.push(run) : setTimeout(run, ms, ...args));
  });
  await two.getByLabel('Plan name').fill('Renamed in tab two');
  await two.getByLabel('Plan name').press('Tab');
  await one.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Import/Export & Settings' }).click();
  await one.getByLabel('Plan name').fill('Renamed in tab one');
  await one.getByLabel('Plan name').press('Tab');
  expect(await settledStatus(one)).toMatch(/^Saved/);
  // Tab two hears of tab one's save while it has unsaved edits: it saves
  // nothing over it and asks; tab one, whose save was kept, is not asked.
  const told = (p) => p.getByRole('alert').filter({ hasText: 'This plan was changed in another tab' });
  await expect(told(two)).toBeVisible();
  await expect(told(one)).toHaveCount(0);
  await expect(two.getByTestId('current-plan-name')).toHaveText('Renamed in tab two');
  await two.getByRole('button', { name: 'Discard my changes and load theirs' }).click();
  await expect(two.getByTestId('current-plan-name')).toHaveText('Renamed in tab one');
  await expect(told(two)).toHaveCount(0);
});
