// Script and HTML payloads in every kind of text a plan holds — imported from a
// file and typed into forms — are shown as text and never run (issue 8).
import fs from 'node:fs';
import { test, expect, openApp, goTo, pickFile } from '../support/app.js';

// Each payload sets window.__xss when it runs.
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1"></svg>',
  "'><iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
  '<a href="javascript:window.__xss=1">link</a>',
  '{{constructor.constructor("window.__xss=1")()}}',
];

const SECTIONS = ['Overview', 'Goals (KGI)', 'ICP', 'Accounts', 'Prioritisation', 'Account plans', 'Campaigns & activities', 'Dashboard', 'Import/Export & Settings'];

/** The demo plan file with a payload in every free-text field. */
function hostilePlan(testInfo) {
  const json = JSON.parse(fs.readFileSync(new URL('../../../docs/examples/demo-plan.abm.json', import.meta.url), 'utf8'));
  const p = json.plan;
  let n = 0;
  const next = () => PAYLOADS[n++ % PAYLOADS.length];
  p.name = `Plan ${next()}`;
  // Account names take the payloads by position, so every payload is in the
  // table's text whatever the counts of the other records are.
  p.accounts.forEach((a, i) => Object.assign(a, { name: `${a.name} ${PAYLOADS[i % PAYLOADS.length]}`, industry: `${a.industry}${next()}`, region: next() }));
  for (const c of p.contacts) Object.assign(c, { name: `${c.name} ${next()}`, title: next() });
  for (const c of p.campaigns) c.name = `${c.name} ${next()}`;
  for (const c of p.content) Object.assign(c, { title: `${c.title} ${next()}`, url: 'javascript:window.__xss=1' });
  for (const d of p.deals) Object.assign(d, { name: `${d.name} ${next()}`, product: next() });
  for (const a of p.activities) a.note = next();
  for (const g of p.goals) g.name = `${g.name} ${next()}`;
  for (const x of p.notes) x.text = next();
  for (const x of p.npsResponses) x.comment = next();
  for (const m of p.team) m.name = `${m.name} ${next()}`;
  for (const ap of p.accountPlans) {
    ap.overview.business = next();
    for (const action of ap.actions ?? []) action.title = `${action.title} ${next()}`;
  }
  const file = testInfo.outputPath('hostile.abm.json');
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

async function expectInert(page) {
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  // No element the payloads would create exists inside the app.
  await expect(page.locator('.app img[src="x"], .app iframe, .app script, .app svg[onload], .app [onerror]')).toHaveCount(0);
  await expect(page.locator('.app a[href^="javascript:"]')).toHaveCount(0);
}

test('payloads imported in every text field are shown as text in every section', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Import/Export & Settings');
  await pickFile(page, 'Choose plan file…', hostilePlan(testInfo));
  await page.getByTestId('import-ready').getByRole('button', { name: 'Open as a new plan' }).click();
  await expect(page.getByTestId('current-plan-name')).toContainText('<img src=x');
  for (const section of SECTIONS) {
    await goTo(page, section);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectInert(page);
  }
  // The payloads are there, as text.
  await goTo(page, 'Accounts');
  await expect(page.getByTestId('accounts-table')).toContainText('<img src=x onerror="window.__xss=1">');
  // Records, an account plan with its history, and the charts' tables.
  for (const tab of ['activities', 'deals', 'nps']) {
    await page.goto(`./#/campaigns/${tab}`);
    await expect(page.locator('.records .data-table, .records .empty-state').first()).toBeVisible();
    await expectInert(page);
  }
  await goTo(page, 'Account plans');
  await page.getByRole('link', { name: /株式会社ミナト精機/ }).click();
  await expect(page.getByTestId('account-history')).toContainText('<script>');
  await expectInert(page);
  await goTo(page, 'Dashboard');
  for (const summary of await page.getByText('Show as a table').all()) await summary.click();
  await expectInert(page);
});

test('payloads typed into forms stay text', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load the Japanese demo' }).click();
  await goTo(page, 'Campaigns & activities');
  for (const payload of PAYLOADS) {
    await page.getByRole('button', { name: 'Add campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a campaign' });
    await dialog.getByLabel('Name').fill(payload);
    await dialog.getByLabel('Notes').fill(payload);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('campaigns-table')).toContainText(payload);
  }
  await page.goto('./#/campaigns/activities');
  await page.getByRole('button', { name: 'Log activity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log an activity' });
  await dialog.getByLabel('Account').fill('株式会社ミナト精機');
  await dialog.getByLabel('Notes').fill(PAYLOADS.join(' '));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('activities-table')).toContainText('<script>window.__xss=1</script>');
  await goTo(page, 'Dashboard');
  await expectInert(page);
  await goTo(page, 'Goals (KGI)');
  await expectInert(page);
});
