import { test, expect, openApp, loadDemo, goTo, shot, expectAccessible } from '../support/app.js';

const sections = [
  ['Overview', 'overview'],
  ['Goals (KGI)', 'goals'],
  ['ICP', 'icp'],
  ['Accounts', 'accounts'],
  ['Prioritisation', 'prioritisation'],
  ['Account plans', 'account-plans'],
  ['Campaigns & activities', 'campaigns'],
  ['Dashboard', 'dashboard'],
  ['Data quality', 'data-quality'],
  ['Import/Export & Settings', 'import-export'],
];

// axe runs take a few seconds each; these tests do ten or more.
const AXE_TIMEOUT = 180_000;

for (const locale of ['en', 'ja']) {
  test(`every section passes axe-core (${locale})`, async ({ page }) => {
    test.setTimeout(AXE_TIMEOUT);
    await openApp(page);
    if (locale === 'en') await expectAccessible(page); // the first-run screen
    await loadDemo(page);
    if (locale === 'ja') await page.getByLabel('Language').first().selectOption('ja');
    // Screen readers read the page in the chosen language.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
    for (const [, slug] of sections) {
      await page.goto(`./#/${slug}`);
      await expect(page.locator('#section-title')).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test('every dialog passes axe-core', async ({ page }) => {
  test.setTimeout(AXE_TIMEOUT);
  await openApp(page);
  await loadDemo(page);
  await page.getByRole('button', { name: /^Plans/ }).click();
  await expect(page.getByRole('dialog', { name: 'Plans' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await goTo(page, 'Goals (KGI)');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await goTo(page, 'Account plans');
  await page.getByRole('navigation', { name: 'Accounts to plan' }).getByRole('link').first().click();
  for (const [button, dialog] of [
    ['Add person', 'Add person'],
    ['Add action', 'Add action'],
    ['Add content', 'Add personalised content'],
    ['Edit rules…', 'Next-best-action rules'],
    ['Manage team…', 'Team'],
  ]) {
    await page.getByTestId('account-plan').getByRole('button', { name: button }).click();
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
  }
});

test('dialogs hold focus and give it back; focus is always visible', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Account plans');
  await page.getByRole('navigation', { name: 'Accounts to plan' }).getByRole('link').first().click();
  const opener = page.getByTestId('account-plan').getByRole('button', { name: 'Add action' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add action' });
  await expect(dialog).toBeVisible();
  // Tabbing many times never leaves the dialog.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')) || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Edits in place keep the focus where it is: an action's status...
  const status = page.getByTestId('plan-actions').getByRole('combobox').first();
  await status.focus();
  await status.selectOption('Done');
  await expect(status.locator('option:checked')).toHaveText('Done');
  await expect(status).toBeFocused();
  // ...a channel ticked with the space bar...
  const social = page.getByTestId('channel-mix').getByLabel('Social media');
  await social.focus();
  await page.keyboard.press('Space');
  await expect(social).toBeChecked();
  await expect(social).toBeFocused();
  // ...and a rule's delay, left with Tab for the next control of its row.
  await page.getByTestId('account-plan').getByRole('button', { name: 'Edit rules…' }).click();
  const rules = page.getByRole('dialog', { name: 'Next-best-action rules' });
  await rules.getByLabel('Within days (1)').fill('5');
  await page.keyboard.press('Tab');
  await expect(rules.getByRole('button', { name: 'Remove rule (1)' })).toBeFocused();
  await page.keyboard.press('Escape');
  // The focused control shows a visible outline.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
});

test('usable on a tablet', async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await openApp(page);
  await loadDemo(page);
  for (const [name, slug] of [['Account plans', 'account-plans'], ['Accounts', 'accounts'], ['Prioritisation', 'prioritisation']]) {
    await goTo(page, name);
    await expect(page.locator('#section-title')).toBeVisible();
    // Nothing wider than the screen forces the page to scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await shot(page, `tablet-${slug}`);
  }
});

test('undo and redo reach back across sections, by keyboard and by button', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Goals (KGI)');
  const rows = page.getByTestId('goals-table').getByRole('row');
  // Counted once the table is there (the section renders after the hash changes).
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  await page.getByRole('button', { name: 'Add goal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a goal' });
  await dialog.getByLabel('Goal', { exact: true }).fill('Undo me');
  await dialog.getByLabel('Target').fill('1');
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(rows).toHaveCount(before + 1);
  // Another section, another edit: rename an account plan's owner.
  await goTo(page, 'Account plans');
  await page.getByRole('navigation', { name: 'Accounts to plan' }).getByRole('link').first().click();
  await page.getByTestId('account-plan').getByLabel('Business').fill('Changed');
  await page.getByTestId('account-plan').getByLabel('Business').press('Tab');
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute('title', /edit account plan/);
  // Out of the text fields (inside one, Ctrl+Z is the field's own undo).
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('account-plan').getByLabel('Business')).not.toHaveValue('Changed');
  await goTo(page, 'Overview');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await goTo(page, 'Goals (KGI)');
  await expect(rows).toHaveCount(before);
  await page.keyboard.press('Control+Shift+z');
  await expect(rows).toHaveCount(before + 1);
});
