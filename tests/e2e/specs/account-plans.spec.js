import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, reload, loadDemo, goTo, shot, download, expectAccessible, screenshotDir } from '../support/app.js';

const list = (page) => page.getByRole('navigation', { name: 'Accounts to plan' });
const plan = (page) => page.getByTestId('account-plan');

async function openPlan(page, name) {
  await goTo(page, 'Account plans');
  await list(page).getByLabel('Search accounts').fill(name);
  await list(page).getByRole('link', { name: new RegExp(name) }).click();
  await expect(plan(page).getByRole('heading', { level: 2 })).toHaveText(name);
}

test('an account plan is written from scratch and kept across reloads', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Account plans');
  await expect(list(page).getByTestId('plan-list-count')).toHaveText('41 accounts');
  await list(page).getByLabel('Only accounts with a plan').check();
  await expect(list(page).getByTestId('plan-list-count')).toHaveText('3 accounts');
  await list(page).getByLabel('Only accounts with a plan').uncheck();

  await openPlan(page, '株式会社ミナト精機');
  await expect(page).toHaveURL(/#\/account-plans\/acc_/);
  await expect(list(page).getByRole('link', { name: /株式会社ミナト精機/ })).toContainText('No plan yet');

  // Overview and strategy are saved when the field is left.
  await plan(page).getByLabel('Business').fill('産業機械の中堅。国内3工場。');
  await plan(page).getByLabel('Challenges').fill('設備保全が属人的。');
  await plan(page).getByLabel('Marketing plan', { exact: true }).fill('保全DXセミナーに招待し、事例を個別送付。');
  await plan(page).getByLabel('Sales strategy', { exact: true }).fill('工場長をスポンサーに段階導入。');
  await plan(page).getByLabel('Sales strategy', { exact: true }).press('Tab');
  await expect(list(page).getByRole('link', { name: /株式会社ミナト精機/ })).toContainText('Plan written');

  // A goal and a KPI through the shared goal form.
  await plan(page).getByRole('button', { name: 'Add goal' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add a goal' });
  await dialog.getByLabel('Goal', { exact: true }).fill('PoC受注');
  await dialog.getByLabel('Measures').selectOption({ label: 'New contracts' });
  await dialog.getByLabel('Target').fill('1');
  await dialog.getByLabel('Due').fill('2027-03-31');
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(plan(page).getByTestId('plan-goals')).toContainText('PoC受注');
  await plan(page).getByRole('button', { name: 'Add KPI' }).click();
  // A KPI's form calls it a KPI, and says so when its name is missing.
  dialog = page.getByRole('dialog', { name: 'Add a KPI' });
  await dialog.getByRole('button', { name: 'Save KPI' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u2068KPI\u2069” is required.');
  await dialog.getByLabel('KPI', { exact: true }).fill('商談数');
  await dialog.getByLabel('Measures').selectOption({ label: 'Meetings with target accounts' });
  await dialog.getByLabel('Target').fill('5');
  await dialog.getByRole('button', { name: 'Save KPI' }).click();
  await expect(plan(page).getByTestId('plan-kpis')).toContainText('商談数');

  // Channel mix.
  await plan(page).getByTestId('channel-mix').getByLabel('Seminars & webinars').check();
  await plan(page).getByTestId('channel-mix').getByLabel('Field sales').check();
  // The user's own channel: a taken name is refused, a new one joins the list.
  await plan(page).getByLabel('Your own channel').fill('展示会');
  await plan(page).getByRole('button', { name: 'Add channel' }).click();
  await expect(plan(page).getByRole('alert')).toHaveText('There is already a channel named “\u2068展示会\u2069”.');
  await plan(page).getByLabel('Your own channel').fill('技術ブログ連載');
  await plan(page).getByRole('button', { name: 'Add channel' }).click();
  await plan(page).getByTestId('channel-mix').getByLabel('技術ブログ連載').check();

  // Personalised content, with a link; a link that is not http(s) is refused.
  await plan(page).getByRole('button', { name: 'Add content' }).click();
  dialog = page.getByRole('dialog', { name: 'Add personalised content' });
  await dialog.getByLabel('Title').fill('ミナト精機様 専用ページ');
  await dialog.getByLabel('Link').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A link must start with https:// or http://.');
  await dialog.getByLabel('Link').fill('https://example.com/minato');
  await dialog.getByLabel('Status').selectOption({ label: 'In progress' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(plan(page).getByTestId('plan-content').getByRole('link', { name: 'https://example.com/minato' })).toBeVisible();

  // An action linked to that content.
  await plan(page).getByRole('button', { name: 'Add action' }).click();
  dialog = page.getByRole('dialog', { name: 'Add action' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u2068Action\u2069” is required.');
  await dialog.getByLabel('Action', { exact: true }).fill('保全DXセミナーへの招待');
  await dialog.getByLabel('Channel').selectOption({ label: 'Seminars & webinars' });
  await dialog.getByLabel('Owner').selectOption({ index: 1 });
  await dialog.getByLabel('Start').fill('2027-01-10');
  await dialog.getByLabel('Due').fill('2027-01-05');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u2068Due\u2069” can’t be before “\u2068Start\u2069”.');
  await dialog.getByLabel('Due').fill('2027-01-31');
  await dialog.getByLabel('ミナト精機様 専用ページ').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  const actions = plan(page).getByTestId('plan-actions');
  await expect(actions.getByRole('row', { name: /保全DXセミナーへの招待/ })).toContainText('ミナト精機様 専用ページ');
  await actions.getByLabel('Status: 保全DXセミナーへの招待').selectOption({ label: 'In progress' });

  // The timeline shows the same action as a bar.
  await plan(page).getByRole('button', { name: 'Timeline' }).click();
  await expect(plan(page).getByTestId('plan-timeline').locator('.timeline-bar')).toHaveCount(1);
  await expect(plan(page).getByTestId('plan-timeline')).toContainText('保全DXセミナーへの招待');

  // Shared notes and the hand-off, with who and when.
  await plan(page).getByPlaceholder('What happened, what was learned, what is next').fill('工場長と面談。保全記録の電子化に関心。');
  await plan(page).getByLabel('Author').selectOption({ index: 1 });
  await plan(page).getByRole('button', { name: 'Add note' }).click();
  await expect(plan(page).getByTestId('notes-log').locator('li').first()).toContainText('工場長と面談。');
  await plan(page).getByLabel('Move to').selectOption({ label: 'Marketing-qualified' });
  await plan(page).getByLabel('Changed by').selectOption({ index: 1 });
  await plan(page).getByRole('button', { name: 'Record hand-off' }).click();
  await expect(plan(page).getByTestId('handoff-current')).toContainText('Marketing-qualified');
  await expect(list(page).getByRole('link', { name: /株式会社ミナト精機/ })).toContainText('Marketing-qualified');
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await shot(page, 'account-plan-written');
  await expectAccessible(page);

  // Everything is still there after a reload, at the same address.
  await reload(page);
  await expect(plan(page).getByRole('heading', { level: 2 })).toHaveText('株式会社ミナト精機');
  await expect(plan(page).getByLabel('Business')).toHaveValue('産業機械の中堅。国内3工場。');
  await expect(plan(page).getByLabel('Sales strategy', { exact: true })).toHaveValue('工場長をスポンサーに段階導入。');
  await expect(plan(page).getByTestId('plan-goals')).toContainText('PoC受注');
  await expect(plan(page).getByTestId('channel-mix').getByLabel('Seminars & webinars')).toBeChecked();
  await expect(plan(page).getByTestId('channel-mix').getByLabel('Email')).not.toBeChecked();
  await expect(plan(page).getByTestId('channel-mix').getByLabel('技術ブログ連載')).toBeChecked();
  await expect(actions.getByLabel('Status: 保全DXセミナーへの招待').locator('option:checked')).toHaveText('In progress');
  await expect(plan(page).getByTestId('handoff-current')).toContainText('Marketing-qualified');
  await expect(plan(page).getByTestId('notes-log')).toContainText('工場長と面談。');
});

test('the org chart shows roles, stances and resisters, and is edited from the chart', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await openPlan(page, '北斗電子工業株式会社');
  const chart = plan(page).locator('.org-chart');
  const cards = chart.getByTestId('org-card');
  await expect(cards).toHaveCount(5);
  // The resister stands out, in words as well as colour.
  const resister = cards.filter({ hasText: '長谷川 彩' });
  await expect(resister).toContainText('⚠ Resister');
  await expect(resister).toContainText('Opponent');
  await expect(plan(page).getByTestId('relationship-factor')).toContainText('now 3/10');

  // Add a decision maker under the top of the chart, from the chart.
  await chart.getByRole('button', { name: 'Add someone reporting to 井上 智子' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await expect(dialog.getByLabel('Reports to')).toHaveValue(/con_/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u2068Name\u2069” is required.');
  await dialog.getByLabel('Name').fill('新田 誠');
  await dialog.getByLabel('Title').fill('取締役 CTO');
  await dialog.getByLabel('Buying role').selectOption({ label: 'Decision maker' });
  await dialog.getByLabel('Stance').selectOption({ label: 'Supporter' });
  await dialog.getByLabel('Relationship strength (0–10)').fill('11');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“\u2068Relationship strength (0–10)\u2069” can be at most 10.');
  await dialog.getByLabel('Relationship strength (0–10)').fill('9');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(cards).toHaveCount(6);
  // Nested under 井上 智子: the new card's list item sits inside hers.
  await expect(chart.locator('li', { has: page.getByRole('button', { name: /^井上 智子/ }) }).getByRole('button', { name: /^新田 誠/ })).toBeVisible();
  // Two decision makers now: (3 + 9) / 2 feeds the relationship factor.
  await expect(plan(page).getByTestId('relationship-factor')).toContainText('now 6/10');

  // Win the resister over: edit from the card.
  await chart.getByRole('button', { name: /^長谷川 彩/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit person' });
  await expect(edit.getByLabel('Name')).toHaveValue('長谷川 彩');
  await edit.getByLabel('Buying role').selectOption({ label: 'Influencer' });
  await edit.getByLabel('Stance').selectOption({ label: 'Supporter' });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(cards.filter({ hasText: '長谷川 彩' })).not.toContainText('Resister');
  await shot(page, 'org-chart-edited');

  // Removing someone moves their reports up, and can be undone.
  await chart.getByRole('button', { name: /^井上 智子/ }).click();
  await edit.getByRole('button', { name: 'Remove person' }).click();
  await expect(cards).toHaveCount(5);
  await expect(chart.locator('.org-tree > li')).not.toHaveCount(1);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(cards).toHaveCount(6);
  await expect(chart.locator('.org-tree > li')).toHaveCount(1);

  await reload(page);
  await expect(cards).toHaveCount(6);
  await expect(plan(page).getByTestId('relationship-factor')).toContainText('now 6/10');
});

test('a suggested next best action is accepted into the execution plan; rules are editable', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await openPlan(page, '北斗電子工業株式会社');
  const suggestions = plan(page).getByTestId('nba-list');
  const first = suggestions.locator('li').first();
  await expect(first).toContainText('Follow up after “Material downloaded” (Email)');
  const due = (await first.locator('span').filter({ hasText: /^due / }).first().textContent()) ?? '';

  // Rules: a bad number is named; a new delay moves the due date.
  await plan(page).getByRole('button', { name: 'Edit rules…' }).click();
  const rules = page.getByRole('dialog', { name: 'Next-best-action rules' });
  await rules.getByLabel('Within days (1)').fill('400');
  await rules.getByLabel('Within days (1)').press('Tab');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByRole('alert')).toHaveText('Days must be a whole number from 0 to 365 (rule 1).');
  await rules.getByLabel('Within days (1)').fill('10');
  await rules.getByLabel('Within days (1)').press('Tab');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules).toBeHidden();
  await expect(first).not.toContainText(due);

  const offered = await suggestions.locator('li').count();
  const download = suggestions.locator('li').filter({ hasText: 'Follow up after “Material downloaded” (Email)' });
  const downloads = await download.count();
  await first.getByRole('button', { name: 'Accept' }).click();
  await expect(page.locator('.toast')).toContainText('to the execution plan');
  await expect(plan(page).getByTestId('plan-actions')).toContainText('Follow up after “Material downloaded” (Email)');
  await expect(download).toHaveCount(downloads - 1);
  await expect(suggestions.locator('li')).toHaveCount(offered - 1);
  await shot(page, 'next-best-action-accepted');

  // Undo brings the suggestion back; redo accepts it again; it stays accepted after a reload.
  await page.locator('body').press('Control+z');
  await expect(suggestions.locator('li')).toHaveCount(offered);
  await page.locator('body').press('Control+Shift+z');
  await expect(download).toHaveCount(downloads - 1);
  await reload(page);
  await expect(plan(page).getByTestId('plan-actions')).toContainText('Follow up after “Material downloaded” (Email)');
  await expect(download).toHaveCount(downloads - 1);
});

test('the plan prints on A4 without controls and exports as Markdown', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await openPlan(page, '北斗電子工業株式会社');

  const md = await download(page, 'Export Markdown', testInfo);
  expect(md.name).toMatch(/^北斗電子工業株式会社 \d{4}-\d{2}-\d{2}\.md$/);
  const text = fs.readFileSync(md.file, 'utf8');
  expect(text).toMatch(/^# 北斗電子工業株式会社 — Account plans\n/);
  for (const heading of ['## Overview of the customer', '## Owners and hand-off', '## Goals for this account (KGI)', '## Marketing plan', '## KPIs for this account', '## Channel mix', '## Key people and org chart', '## Execution plan', '## Personalised content']) {
    expect(text).toContain(`\n${heading}\n`);
  }
  expect(text).toContain('| キーパーソン向け個別勉強会 | Field sales |');
  expect(text).toContain('**Resister** ⚠');
  expect(text).toContain('<https://');

  // Print: the navigation, the list and every button are gone; the plan stays.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(list(page)).toBeHidden();
  await expect(plan(page).getByRole('button', { name: 'Export Markdown' })).toBeHidden();
  await expect(plan(page).getByRole('heading', { name: 'Next best actions' })).toBeHidden();
  await expect(plan(page).getByRole('heading', { name: 'Execution plan' })).toBeVisible();
  await expect(plan(page).getByTestId('plan-timeline')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.mkdirSync(screenshotDir, { recursive: true });
  fs.writeFileSync(path.join(screenshotDir, 'account-plan.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(5);
  await page.emulateMedia({ media: 'screen' });
});

test('the plan pack prints the tier-1 plans, or a chosen set, after a cover and contents', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Account plans');
  await page.getByRole('link', { name: 'Plan pack…' }).click();
  await expect(page).toHaveURL(/#\/account-plans\/pack$/);
  const pack = page.getByTestId('plan-pack');
  await expect(pack.getByRole('heading', { name: 'Plan pack', level: 2 })).toBeVisible();
  // Every tier-1 account with a written plan is in; the others can be added.
  const choice = pack.getByTestId('pack-choice');
  const tier1 = await choice.locator('label', { hasText: 'Tier 1 ·' }).filter({ hasNotText: 'no plan yet' }).count();
  expect(tier1).toBeGreaterThan(1);
  await expect(choice.getByRole('checkbox', { checked: true })).toHaveCount(tier1);
  await expect(choice.locator('label', { hasText: 'no plan yet' }).getByRole('checkbox', { checked: true })).toHaveCount(0);
  const contents = pack.getByTestId('pack-contents').locator('li');
  await expect(contents).toHaveCount(tier1);
  await expect(pack.getByTestId('account-plan')).toHaveCount(tier1);
  // One out, one in (an account with a plan below tier 1, if the demo has one).
  const first = (await contents.first().locator('.pack-entry').textContent()).trim();
  await choice.getByRole('checkbox', { name: new RegExp(first) }).uncheck();
  await expect(contents).toHaveCount(tier1 - 1);
  await expect(pack.getByTestId('account-plan').first().getByRole('heading', { level: 2 })).not.toHaveText(first);
  let count = tier1 - 1;
  await choice.getByRole('checkbox', { checked: false }).last().check();
  count += 1;
  await expect(contents).toHaveCount(count);
  await expect(pack.getByTestId('pack-cover')).toContainText(`${count} accounts`);
  await shot(page, 'plan-pack-screen');

  // On paper: the cover, the contents, then each plan; no control at all.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(choice).toBeHidden();
  await expect(pack.getByTestId('pack-print')).toBeHidden();
  await expect(pack.getByTestId('pack-cover')).toBeVisible();
  // No control prints: the only buttons left are the org chart's people (the
  // chart itself), and a select prints as the value chosen (print.css).
  const controls = await pack.locator('button:visible, input[type=checkbox]:visible, input[type=text]:visible')
    .evaluateAll((els) => els.filter((e) => !e.closest('.org-card')).map((e) => e.outerHTML.slice(0, 100)));
  expect(controls, 'no control prints').toEqual([]);
  for (const label of ['Print / PDF', 'Export Markdown', 'Add', 'Plan pack…', 'Back to the plans']) {
    await expect(pack.getByRole('button', { name: label, exact: true }).or(pack.getByRole('link', { name: label, exact: true })).filter({ visible: true })).toHaveCount(0);
  }
  await expect(pack.getByRole('heading', { name: 'Contents' })).toBeVisible();
  await shot(page, 'plan-pack-print');
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync(screenshotDir, { recursive: true });
  fs.writeFileSync(path.join(screenshotDir, 'plan-pack.pdf'), pdf);
  const text = pdf.toString('latin1');
  const boxes4 = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
  // Cover, contents, and at least a page per plan.
  expect(boxes4.length).toBeGreaterThanOrEqual(2 + count);
  for (const box of boxes4) expect(box, 'A4 portrait, in points').toEqual([595, 842]);
  await page.emulateMedia({ media: 'screen' });

  // In Japanese.
  await page.getByLabel('Language').first().selectOption('ja');
  await expect(pack.getByRole('heading', { name: 'プラン集', level: 2 })).toBeVisible();
  await expect(pack.getByTestId('pack-cover')).toContainText(`${count} 社`);
  await expect(pack.getByRole('heading', { name: '目次' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'plan-pack-ja');
});

test('my accounts by owner, the team, and the plan in Japanese', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Account plans');
  const owner = list(page).getByLabel('Owner');
  const names = await owner.locator('option').allTextContents();
  expect(names.length).toBeGreaterThan(2);
  await owner.selectOption({ label: names[1] });
  const mine = Number((await list(page).getByTestId('plan-list-count').textContent()).match(/\d+/)[0]);
  expect(mine).toBeGreaterThan(0);
  expect(mine).toBeLessThan(41);

  // A new team member can own an account.
  await owner.selectOption({ label: 'Everyone' });
  await openPlan(page, '株式会社ミナト精機');
  await plan(page).getByRole('button', { name: 'Manage team…' }).click();
  const team = page.getByRole('dialog', { name: 'Team' });
  await team.getByRole('button', { name: 'Add member' }).click();
  await expect(team.getByRole('alert')).toHaveText('“\u2068Name\u2069” is required.');
  await team.getByLabel('Name', { exact: true }).last().fill('佐々木 花子');
  await team.getByLabel('Team', { exact: true }).last().selectOption({ label: 'Sales' });
  await team.getByRole('button', { name: 'Add member' }).click();
  await expect(team.getByTestId('team-table').getByRole('row')).toHaveCount(names.length + 1); // the head row, everyone listed before (less the "Everyone" choice) and her
  await expect(team.getByRole('alert')).toHaveCount(0);
  // Owners are picked by name: a teammate's name is refused, when adding and when renaming,
  // and so is an empty one; the row then shows the name it keeps.
  await team.getByLabel('Name', { exact: true }).last().fill('佐々木 花子');
  await team.getByRole('button', { name: 'Add member' }).click();
  await expect(team.getByRole('alert')).toHaveText('That name is already in use.');
  await expect(team.getByTestId('team-table').getByRole('row')).toHaveCount(names.length + 1);
  const firstRow = team.getByTestId('team-table').getByLabel('Name', { exact: true }).first();
  const kept = await firstRow.inputValue();
  await firstRow.fill('');
  await firstRow.press('Tab');
  await expect(team.getByRole('alert')).toHaveText('“\u2068Name\u2069” is required.');
  await expect(firstRow).toHaveValue(kept);
  await firstRow.fill('佐々木 花子');
  await firstRow.press('Tab');
  await expect(team.getByRole('alert')).toHaveText('That name is already in use.');
  await expect(firstRow).toHaveValue(kept);
  await team.getByRole('button', { name: 'Close' }).last().click();
  await plan(page).getByLabel('Sales owner').selectOption({ label: '佐々木 花子' });
  await owner.selectOption({ label: '佐々木 花子' });
  await expect(list(page).getByTestId('plan-list-count')).toHaveText('1 account');
  await expect(list(page).getByRole('link', { name: /株式会社ミナト精機/ })).toBeVisible();

  await page.getByLabel('Language').selectOption('ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('アカウントプラン');
  await expect(plan(page).getByRole('heading', { name: '担当と引き継ぎ' })).toBeVisible();
  await expect(plan(page).getByLabel('営業担当')).toHaveValue(/mem_/);
  await shot(page, 'account-plan-ja');
  await expectAccessible(page);
});
