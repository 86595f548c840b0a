// Prioritisation as a marketer uses it: the seed's worked example typed in by
// hand, weights moved with live re-ranking, tiers, and ICP fit feeding the score.
import { test, expect, openApp, reload, loadDemo, goTo, shot, expectAccessible } from '../support/app.js';

const ranked = (page) => page.getByTestId('ranked-table');
const rankedRows = (page) => ranked(page).locator('tbody tr:not(.spacer)');
const rankedRow = (page, name) => rankedRows(page).filter({ has: page.getByRole('rowheader', { name, exact: true }) });
/** Account names in ranked order, once the table has rendered its rows. */
const order = async (page) => {
  await expect(ranked(page).getByRole('rowheader').first()).toBeVisible();
  return (await ranked(page).getByRole('rowheader').allTextContents()).map((s) => s.trim());
};

async function setWeight(page, factor, value) {
  const field = page.getByRole('textbox', { name: `Weight of ${factor}` });
  await field.fill(String(value));
  await field.press('Enter');
  await expect(field).toHaveValue(String(value));
}

test("the seed's worked example: five customers, C comes first", async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Plan name').fill('Seed example');
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Accounts');
  // The article's table: ICP fit %, expected opportunity, purchase history, relationship.
  const customers = {
    A: [80, 6, 3, 4],
    B: [60, 8, 5, 3],
    C: [90, 9, 7, 8],
    D: [40, 5, 9, 6],
    E: [70, 4, 2, 9],
  };
  for (const name of Object.keys(customers)) {
    await page.getByRole('button', { name: 'Add account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an account' });
    await dialog.getByLabel('Company').fill(`Customer ${name}`);
    await dialog.getByLabel('Target list').selectOption({ label: 'Include' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
  await goTo(page, 'Prioritisation');
  await expect(page.getByTestId('ranked-summary')).toHaveText(/^5 target accounts, best first · tier 1: \d+, tier 2: \d+, tier 3: \d+$/);
  const factors = ['ICP fit', 'Expected opportunity', 'Purchase history', 'Decision-maker relationship'];
  for (const [name, values] of Object.entries(customers)) {
    for (const [k, factor] of factors.entries()) {
      const cell = rankedRow(page, `Customer ${name}`).getByRole('textbox', { name: `${factor} of Customer ${name}` });
      await cell.fill(String(values[k]));
      await cell.press('Enter');
      await expect(cell).toHaveAttribute('aria-invalid', 'false');
    }
  }
  for (const [factor, w] of [['ICP fit', 40], ['Expected opportunity', 30], ['Purchase history', 10], ['Decision-maker relationship', 20]]) {
    await setWeight(page, factor, w);
  }
  await expect(page.getByTestId('weight-share').first()).toHaveText('40%');
  // 0.4×90 + 0.3×90 + 0.1×70 + 0.2×80 = 86 for C; A 61, E 60, B 59, D 52.
  await expect.poll(() => order(page)).toEqual(['Customer C', 'Customer A', 'Customer E', 'Customer B', 'Customer D']);
  const first = rankedRows(page).first();
  await expect(first.locator('.rank-cell')).toHaveText('#1');
  await expect(first.locator('.score-cell')).toHaveText('86');
  await expect(first.getByRole('img')).toHaveAttribute('aria-label', 'ICP fit 36 + Expected opportunity 27 + Purchase history 7 + Decision-maker relationship 16 = score 86');
  await expect(first.locator('.source-typed')).toHaveCount(4);
  await shot(page, 'prioritisation-seed-example');

  await reload(page);
  await goTo(page, 'Prioritisation');
  await expect.poll(() => order(page)).toEqual(['Customer C', 'Customer A', 'Customer E', 'Customer B', 'Customer D']);
});

test('moving a weight re-ranks live and shows how far accounts moved', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Prioritisation');
  await expect(rankedRows(page).first()).toBeVisible();
  const before = await order(page);
  // Drag the purchase-history slider to the far right, as with a mouse.
  const slider = page.getByRole('slider', { name: 'Purchase history' });
  const box = await slider.boundingBox();
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  // While the button is held the ranking has already changed.
  await expect.poll(() => order(page)).not.toEqual(before);
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const after = await order(page);
  expect(after).not.toEqual(before);
  // Every account shows its movement, and the arrows agree with the two orders.
  const moved = after[0];
  const expected = before.indexOf(moved) - 0;
  const cell = rankedRow(page, moved).locator('td.movement');
  if (expected > 0) await expect(cell).toContainText(`↑${expected}`);
  await expect(page.locator('td.movement.moved-up').first()).toBeVisible();
  await expect(page.locator('td.movement.moved-down').first()).toBeVisible();
  // The top account's bar is filled to its score, each factor's part as wide
  // as the part its label names.
  const top = rankedRows(page).first();
  const score = Number(await top.locator('td.score-cell').textContent());
  const bar = top.locator('.stacked-bar');
  const label = await bar.getAttribute('aria-label');
  expect(label).toMatch(new RegExp(`= score ${score}$`));
  const parts = [...label.matchAll(/ (\d+(?:\.\d)?)(?= \+| =)/g)].map((m) => Number(m[1]));
  expect(parts.length).toBe(4);
  const widths = await bar.evaluate((b) => [...b.querySelectorAll('.seg')].map((s) => (s.getBoundingClientRect().width / b.getBoundingClientRect().width) * 100));
  widths.forEach((w, k) => expect(Math.abs(w - parts[k]), `part ${k} of ${label}`).toBeLessThan(1.2));
  await shot(page, 'prioritisation-what-if');
  await expectAccessible(page);
  // Letting go saved the weight as one step: undo puts it back, redo again, and
  // it survives a reload.
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await expect.poll(() => order(page)).toEqual(before);
  await page.getByRole('button', { name: 'Redo' }).first().click();
  await expect.poll(() => order(page)).toEqual(after);
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await reload(page);
  await goTo(page, 'Prioritisation');
  await expect.poll(() => order(page)).toEqual(after);
});

test('tiers by score or by capacity, with counts and pins', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Prioritisation');
  const count = async (t) => Number((await page.getByTestId(`tier-count-${t}`).textContent()).match(/\d+/)[0]);
  const total = Number((await page.getByTestId('ranked-summary').textContent()).match(/\d+/)[0]);
  expect((await count(1)) + (await count(2)) + (await count(3))).toBe(total);

  await page.getByRole('radio', { name: 'Capacity (top N accounts)' }).check();
  await page.getByLabel('Accounts in tier 1').fill('3');
  await page.getByLabel('Accounts in tier 1').press('Enter');
  await page.getByLabel('Accounts in tier 2').fill('5');
  await page.getByLabel('Accounts in tier 2').press('Enter');
  await expect(page.getByTestId('tier-count-1')).toHaveText('3 accounts');
  await expect(page.getByTestId('tier-count-2')).toHaveText('5 accounts');
  await expect(page.getByTestId('tier-count-3')).toHaveText(`${total - 8} accounts`);

  // Pin the fifth account to tier 1: it takes a tier-1 place, the third moves down.
  const tierOf = (n) => rankedRows(page).nth(n).getByRole('combobox', { name: /^Tier of/ });
  await expect(tierOf(2).locator('option:checked')).toHaveText('Tier 1 (automatic)');
  await tierOf(4).selectOption('1');
  await expect(tierOf(4).locator('option:checked')).toHaveText('Pin tier 1');
  await expect(tierOf(2).locator('option:checked')).toHaveText('Tier 2 (automatic)');
  await expect(page.getByTestId('tier-count-1')).toHaveText('3 accounts');
  await expect(page.getByTestId('tier-count-2')).toHaveText('5 accounts');

  await page.getByRole('radio', { name: 'Score thresholds' }).check();
  await page.getByLabel('Tier 2 from score').fill('90');
  await page.getByLabel('Tier 2 from score').press('Enter');
  await expect(page.getByRole('alert')).toContainText('tier 2');
  await shot(page, 'prioritisation-tiers');
  await expectAccessible(page);
});

test('a factor value typed by hand overrides the data, and can go back to it', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Prioritisation');
  const fitOf = (name) => rankedRow(page, name).getByRole('textbox', { name: `ICP fit of ${name}` });
  const top = (await order(page))[0];
  const fitBefore = await fitOf(top).inputValue();
  await expect(rankedRow(page, top).locator('.source-auto').first()).toHaveText('auto');
  // Type a value by hand, then go back to the data's value.
  await fitOf(top).fill('60');
  await fitOf(top).press('Enter');
  await expect.poll(async () => (await order(page))[0]).not.toBe(top);
  // Typed by hand, and what the data says beside it.
  await expect(rankedRow(page, top).locator('.source-typed')).toHaveText(/^typed · data \d+/);
  await page.getByRole('button', { name: `Use the data's value for ${top}` }).click();
  await expect.poll(async () => (await order(page))[0]).toBe(top);
  await expect(fitOf(top)).toHaveValue(fitBefore);
});

test("rows follow the order: a row never keeps the state of the account that left it", async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Prioritisation');
  const [top, second] = await order(page);
  const first = rankedRows(page).first();
  const field = (name, factor) => rankedRow(page, name).getByRole('textbox', { name: `${factor} of ${name}` });
  const secondFit = await field(second, 'ICP fit').inputValue();
  // A refused value stays in its field, marked, until the row shows another account.
  await field(top, 'Decision-maker relationship').fill('abc');
  await field(top, 'Decision-maker relationship').press('Enter');
  await expect(field(top, 'Decision-maker relationship')).toHaveAttribute('aria-invalid', 'true');
  // Lower the top account's ICP fit from the same row: it leaves the first row.
  await field(top, 'ICP fit').fill('0');
  await field(top, 'ICP fit').press('Enter');
  await expect.poll(async () => (await order(page))[0]).not.toBe(top);
  const now = (await order(page))[0];
  expect(now).toBe(second);
  // The account that took the row got nothing of the one that left: not its
  // typed value, not its refused text.
  await expect(field(now, 'ICP fit')).toHaveValue(secondFit);
  await expect(rankedRow(page, now).locator('.source-typed')).toHaveCount(0);
  const nowField = first.getByRole('textbox', { name: `Decision-maker relationship of ${now}` });
  await expect(nowField).toHaveAttribute('aria-invalid', 'false');
  await expect(nowField).not.toHaveValue('abc');
  await expect(first.locator('.inline-input[aria-invalid=true]')).toHaveCount(0);
  // Focus was in the row; it does not stay there to type into the next account.
  await expect(first.locator(':focus')).toHaveCount(0);
  // Within a row whose account stays, focus stays: the next value can be typed.
  await field(now, 'ICP fit').fill('100');
  await field(now, 'ICP fit').press('Tab');
  await expect.poll(async () => (await order(page))[0]).toBe(now);
  await expect(first.locator('.source-typed')).toHaveCount(1);
  await expect(first.locator(':focus')).toHaveCount(1);
});
