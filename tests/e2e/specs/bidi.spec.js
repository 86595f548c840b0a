// Right-to-left text and direction overrides in what people write stay inside
// the value they were written in (issue 8: "right-to-left text … shown
// correctly"). A name ending in an unclosed U+202E (RIGHT-TO-LEFT OVERRIDE)
// would otherwise turn the rest of its line backwards: the separator and the
// values after it, as in "Aya‮ / Makoto" shown as "Aya otakaM / ".
import fs from 'node:fs';
import { test, expect, openApp, goTo, pickFile, shot } from '../support/app.js';

const RLO = '\u202e';
const MINATO = '株式会社ミナト精機';

/** The demo plan with an unclosed override at the end of one value in each line of several values. */
function overridePlan(testInfo) {
  const json = JSON.parse(fs.readFileSync(new URL('../../../docs/examples/demo-plan.abm.json', import.meta.url), 'utf8'));
  const p = json.plan;
  const minato = p.accounts.find((a) => a.name === MINATO);
  const member = (id) => p.team.find((m) => m.id === id);
  member(minato.marketingOwner).name = `Aya${RLO}`;
  member(minato.salesOwner).name = 'Makoto Takahashi';
  Object.assign(minato, { industry: `Machinery${RLO}`, region: 'Kanagawa' });
  Object.assign(p.icp.personas[0], { role: `VP${RLO}`, department: 'Production', seniority: 'Executive' });
  const contacts = p.contacts.filter((c) => c.account === minato.id);
  Object.assign(contacts[0], { title: `CTO${RLO}`, department: 'Engineering' });
  // The newest activity of the account with a contact: its line in the history
  // is the contact, the campaign and the note.
  const activity = p.activities.filter((a) => a.account === minato.id && a.contact).sort((a, b) => b.at.localeCompare(a.at))[0];
  p.contacts.find((c) => c.id === activity.contact).name = `Goto${RLO}`;
  activity.note = 'follow up call';
  const file = testInfo.outputPath('overrides.abm.json');
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

/**
 * Whether `word`, found in a text node inside `locator`, is drawn left to
 * right: each letter's box starts right of the one before. Reversed by an
 * override, each starts left of it.
 */
function readsLeftToRight(locator, word) {
  return locator.evaluate((el, word) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(word);
      if (at < 0) continue;
      const xs = [...word].map((_, i) => {
        const range = document.createRange();
        range.setStart(node, at + i);
        range.setEnd(node, at + i + 1);
        return range.getBoundingClientRect().left;
      });
      return xs.every((x, i) => i === 0 || x > xs[i - 1]);
    }
    return `"${word}" not found`;
  }, word);
}

test('an override left open in a name, title or place does not turn the rest of its line backwards', async ({ page }, testInfo) => {
  await openApp(page);
  // The measure tells a word drawn backwards: the same line as one string is.
  await page.evaluate((text) => {
    const control = document.createElement('div');
    control.id = 'bidi-control';
    control.textContent = text;
    document.body.append(control);
  }, `Aya${RLO} / Makoto Takahashi`);
  expect(await readsLeftToRight(page.locator('#bidi-control'), 'Makoto')).toBe(false);
  await page.evaluate(() => document.getElementById('bidi-control').remove());

  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Import/Export & Settings');
  await pickFile(page, 'Choose plan file…', overridePlan(testInfo));
  await page.getByTestId('import-ready').getByRole('button', { name: 'Open as a new plan' }).click();

  // The accounts table's owners: "Aya‮ / Makoto Takahashi".
  await goTo(page, 'Accounts');
  await page.getByLabel('Search', { exact: true }).fill(MINATO);
  const owners = page.getByTestId('accounts-table').locator('tr', { hasText: MINATO }).locator('.owners-cell');
  await expect(owners).toHaveText(`Aya${RLO} / Makoto Takahashi`);
  expect(await readsLeftToRight(owners, 'Makoto')).toBe(true);
  await owners.scrollIntoViewIfNeeded();
  await shot(page, 'bidi-accounts-owners');

  // A persona's role · department · seniority.
  await goTo(page, 'ICP');
  const persona = page.locator('li.persona').first();
  await expect(persona).toContainText(`VP${RLO} · Production · Executive`);
  expect(await readsLeftToRight(persona, 'Production')).toBe(true);

  // The duplicate's facts: domain · industry · region.
  await goTo(page, 'Data quality');
  await page.getByRole('navigation').getByRole('link', { name: 'Duplicates' }).click();
  const facts = page.getByTestId('dup-pair').locator('.dup-side', { hasText: MINATO }).locator('.muted', { hasText: 'Kanagawa' });
  await expect(facts).toHaveText(`minato-seiki.example · Machinery${RLO} · Kanagawa`);
  expect(await readsLeftToRight(facts, 'Kanagawa')).toBe(true);

  // On the account's plan: a contact's title · department in the org chart,
  // and the contact · campaign · note of an activity in the history.
  await goTo(page, 'Account plans');
  const list = page.getByRole('navigation', { name: 'Accounts to plan' });
  await list.getByLabel('Search accounts').fill(MINATO);
  await list.getByRole('link', { name: new RegExp(MINATO) }).click();
  const card = page.getByTestId('org-card').filter({ hasText: 'Engineering' });
  await expect(card.locator('.org-title')).toHaveText(`CTO${RLO} · Engineering`);
  expect(await readsLeftToRight(card, 'Engineering')).toBe(true);
  const entry = page.getByTestId('account-history').locator('.history-detail', { hasText: 'follow up call' }).first();
  await expect(entry).toContainText(`Goto${RLO} · `);
  expect(await readsLeftToRight(entry, 'follow')).toBe(true);
  await shot(page, 'bidi-org-chart');
});
