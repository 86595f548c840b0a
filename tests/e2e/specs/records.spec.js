// Campaigns & activities: entering the records the KPIs are computed from —
// campaigns, activities, deals, NPS responses — and seeing the dashboard follow.
import { test, expect, openApp, reload, loadDemo, goTo, shot, expectAccessible, screenshotDir } from '../support/app.js';

const tile = (page, id) => page.locator(`[data-kpi="${id}"] .kpi-value`);
const digits = (text) => Number(text.replace(/[^\d]/g, ''));
const records = (page) => page.getByRole('navigation', { name: 'Records' });

test('log a meeting and a won deal, and the dashboard counts them', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Dashboard');
  const meetingsBefore = digits(await tile(page, 'meetings').textContent());
  const revenueBefore = digits(await tile(page, 'revenue').textContent());
  const contractsBefore = digits(await tile(page, 'new-contracts').textContent());

  await goTo(page, 'Campaigns & activities');
  await records(page).getByRole('link', { name: /Activities/ }).click();
  await expect(page).toHaveURL(/#\/campaigns\/activities/);
  const count = page.getByTestId('activities-count');
  const totalBefore = digits((await count.textContent()).split(' of ')[1]);

  // Log a meeting: the account is picked by typing part of its name.
  await page.getByRole('button', { name: 'Log activity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log an activity' });
  await dialog.getByLabel('Account').fill('存在しない会社');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('No account is called “\u2068存在しない会社\u2069”. Pick one from the list.');
  await dialog.getByLabel('Account').fill('株式会社ミナト精機');
  await dialog.getByLabel('Kind').selectOption({ label: 'Meeting' });
  await dialog.getByLabel('Notes').fill('Kick-off with the IT director');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByTestId('activities-table');
  // Newest first: the meeting just logged is the first row.
  const first = table.locator('tbody tr:not(.spacer)').first();
  await expect(first).toContainText('株式会社ミナト精機');
  await expect(first).toContainText('Meeting');
  await expect(first).toContainText('Kick-off with the IT director');
  await expect(count).toContainText(`of ${(totalBefore + 1).toLocaleString('en')}`);
  await shot(page, 'records-activities');

  // Filters: by account name and by kind.
  await page.getByLabel('Search account').fill('ミナト');
  await expect(table.locator('tbody tr:not(.spacer)').first()).toContainText('株式会社ミナト精機');
  const minato = digits((await count.textContent()).split(' of ')[0]);
  expect(minato).toBeGreaterThanOrEqual(1);
  expect(minato).toBeLessThan(totalBefore);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Meeting' });
  for (const row of await table.locator('tbody tr:not(.spacer)').all()) await expect(row).toContainText('Meeting');

  // A deal won today for 5,000,000 yen.
  await records(page).getByRole('link', { name: /Deals/ }).click();
  await page.getByRole('button', { name: 'Add deal' }).click();
  const deal = page.getByRole('dialog', { name: 'Add a deal' });
  await deal.getByLabel('Deal', { exact: true }).fill('生産管理クラウド 全社導入');
  await deal.getByLabel('Account').fill('株式会社ミナト精機');
  await deal.getByLabel('Amount').fill('5000000');
  await deal.getByLabel('Outcome').selectOption({ label: 'Won' });
  // Linked to a campaign by picking it.
  await deal.getByLabel('Campaign').selectOption({ index: 1 });
  const campaign = (await deal.getByLabel('Campaign').locator('option:checked').textContent()).trim();
  // Winning offers today as the close date.
  await expect(deal.getByLabel('Closed')).not.toHaveValue('');
  const today = await deal.getByLabel('Closed').inputValue();
  // The plan refuses a won deal without it, and says why beside the fields;
  // the dialog stays open with what was typed.
  await deal.getByLabel('Closed').fill('');
  await deal.getByRole('button', { name: 'Save' }).click();
  await expect(deal.getByRole('alert')).toHaveText('A won or lost deal needs its close date: the sales cycle and the period’s revenue are measured to it.');
  await expect(deal.getByLabel('Amount')).toHaveValue('5000000');
  // A close before the creation is refused by the same rule, named by its fields.
  await deal.getByLabel('Closed').fill('2000-01-01');
  await deal.getByRole('button', { name: 'Save' }).click();
  await expect(deal.getByRole('alert')).toHaveText(/^“\u2068Closed\u2069” can’t be before “\u2068Created\u2069”\.$/);
  await deal.getByLabel('Closed').fill(today);
  await deal.getByRole('button', { name: 'Save' }).click();
  await expect(deal).toBeHidden();
  const dealRow = page.getByTestId('deals-table').locator('tbody tr', { hasText: '生産管理クラウド 全社導入' });
  await expect(dealRow).toContainText('¥5,000,000');
  await expect(dealRow).toContainText('Won');
  await shot(page, 'records-deals');
  // Opened again, the deal shows the campaign it was saved with.
  await dealRow.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit the deal' });
  await expect(edit.getByLabel('Campaign').locator('option:checked')).toHaveText(campaign);
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // The dashboard counts both.
  await goTo(page, 'Dashboard');
  await expect(tile(page, 'meetings')).toHaveText(String(meetingsBefore + 1));
  await expect.poll(async () => digits(await tile(page, 'revenue').textContent())).toBe(revenueBefore + 5_000_000);
  await expect(tile(page, 'new-contracts')).toHaveText(String(contractsBefore + 1));

  // Saved: a reload keeps them.
  await reload(page);
  await goTo(page, 'Campaigns & activities');
  await records(page).getByRole('link', { name: /Deals/ }).click();
  await expect(page.getByTestId('deals-table')).toContainText('生産管理クラウド 全社導入');
});

test('a campaign aimed at tier 1, edited, deleted and brought back with undo', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Campaigns & activities');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campaigns & activities');
  const rows = page.getByTestId('campaigns-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  expect(before).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Add campaign' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a campaign' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^“\u2068Name\u2069” is required\.$/);
  await dialog.getByLabel('Name').fill('Tier 1 executive roundtable');
  await dialog.getByLabel('Channel').selectOption({ label: 'Seminars & webinars' });
  await dialog.getByLabel('Start').fill('2026-12-01');
  await dialog.getByLabel('End').fill('2026-11-01');
  await dialog.getByLabel('Cost').fill('1,200,000');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^“\u2068End\u2069” can’t be before “\u2068Start\u2069”\.$/);
  await dialog.getByLabel('End').fill('2026-12-15');
  // A whole tier at once, then one more account typed by name.
  const tier1 = dialog.getByRole('button', { name: /^Add tier 1 \((\d+)\)$/ });
  const n = Number((await tier1.textContent()).match(/\((\d+)\)/)[1]);
  expect(n).toBeGreaterThan(0);
  await tier1.click();
  await expect(dialog.getByTestId('campaign-targets').locator('li')).toHaveCount(n);
  await dialog.getByLabel('Add an account').fill('株式会社みらい教育');
  await dialog.getByRole('button', { name: 'Add an account' }).click();
  await expect(dialog.getByTestId('campaign-targets').locator('li')).toHaveCount(n + 1);
  await shot(page, 'records-campaign-editor');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(before + 1);
  const row = rows.filter({ hasText: 'Tier 1 executive roundtable' });
  await expect(row).toContainText('¥1,200,000');
  await expect(row.locator('td').nth(3)).toHaveText(String(n + 1));
  await shot(page, 'records-campaigns');

  // Edit: rename; delete; undo brings it back.
  await row.getByRole('button', { name: /Edit/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit the campaign' });
  await edit.getByLabel('Name').fill('Tier 1 roundtable');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(rows.filter({ hasText: 'Tier 1 roundtable' })).toHaveCount(1);
  await rows.filter({ hasText: 'Tier 1 roundtable' }).getByRole('button', { name: /Edit/ }).click();
  await page.getByRole('dialog', { name: 'Edit the campaign' }).getByRole('button', { name: 'Delete' }).click();
  await expect(rows).toHaveCount(before);
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await expect(rows).toHaveCount(before + 1);
  await expect(rows.filter({ hasText: 'Tier 1 roundtable' })).toHaveCount(1);
});

test('NPS responses: a score out of range is refused, a new one moves the NPS', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Campaigns & activities');
  // An empty plan says what each list is for.
  await expect(page.getByText('No campaigns yet.')).toBeVisible();
  await page.goto('./#/campaigns/nps');
  await expect(page.getByText('No NPS responses yet.')).toBeVisible();
  await expect(page.getByTestId('nps-summary')).toHaveText('');
  // Records need an account: add one first.
  await goTo(page, 'Accounts');
  await page.getByRole('button', { name: 'Add account' }).click();
  const accountDialog = page.getByRole('dialog', { name: 'Add an account' });
  await accountDialog.getByLabel('Company').fill('Acme Corp');
  await accountDialog.getByRole('button', { name: 'Save' }).click();
  await expect(accountDialog).toBeHidden();
  await goTo(page, 'Campaigns & activities');
  await records(page).getByRole('link', { name: /NPS/ }).click();

  await page.getByRole('button', { name: 'Add NPS response' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an NPS response' });
  await dialog.getByLabel('Account').fill('acme corp');
  await dialog.getByLabel('Score (0–10)').fill('11');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The score is a whole number from 0 to 10.');
  await dialog.getByLabel('Score (0–10)').fill('9');
  await dialog.getByLabel('Comment').fill('Support is quick');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('nps-summary')).toHaveText('NPS of all responses: 100 (promoters: 1, detractors: 0, responses: 1)');
  await page.getByRole('button', { name: 'Add NPS response' }).click();
  await dialog.getByLabel('Account').fill('Acme Corp');
  await dialog.getByLabel('Score (0–10)').fill('3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('nps-summary')).toHaveText('NPS of all responses: 0 (promoters: 1, detractors: 1, responses: 2)');
  await expect(page.getByTestId('nps-table').locator('tbody tr')).toHaveCount(2);
  await expectAccessible(page);
});

test('in Japanese, with the record dialogs accessible', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await page.getByLabel('Language').first().selectOption('ja');
  await page.goto('./#/campaigns/activities');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キャンペーン・活動');
  await expect(page.getByRole('button', { name: '活動を記録' })).toBeVisible();
  await expect(page.getByTestId('activities-count')).toContainText('件を表示');
  await expectAccessible(page);
  await page.getByRole('button', { name: '活動を記録' }).click();
  await expect(page.getByRole('dialog', { name: '活動の記録' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await page.goto('./#/campaigns/deals');
  await expect(page.getByTestId('deals-table')).toContainText('受注');
  await shot(page, 'records-deals-ja');
  await expectAccessible(page);
});

test("an account's behaviour history, with an activity logged from its plan", async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Account plans');
  await page.getByRole('link', { name: /株式会社ミナト精機/ }).click();
  const history = page.getByTestId('account-history');
  await expect(history.getByRole('heading', { name: 'Behaviour history' })).toBeVisible();
  const countText = await history.getByTestId('history-count').textContent();
  const total = digits(countText.split(' of ')[1]);
  expect(total).toBeGreaterThan(0);
  const entries = history.locator('.history-entry');
  await expect(entries).toHaveCount(Math.min(total, 30));

  await history.getByRole('button', { name: 'Log activity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log an activity' });
  // The account is already chosen.
  await expect(dialog.getByLabel('Account')).toHaveValue('株式会社ミナト精機');
  await dialog.getByLabel('Kind').selectOption({ label: 'Call' });
  await dialog.getByLabel('Notes').fill('予算確認の電話');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(entries.first()).toContainText('Call');
  await expect(entries.first()).toContainText('予算確認の電話');
  await expect(history.getByTestId('history-count')).toContainText(`of ${total + 1}`);
  if (total + 1 > 30) {
    await history.getByRole('button', { name: /^Show \d+ more$/ }).click();
    await expect(entries).toHaveCount(Math.min(total + 1, 60));
  }
  await history.screenshot({ path: `${screenshotDir}/account-history.png` });
});
