import fs from 'node:fs';
import { test, expect, openApp, reload, loadDemo, goTo, shot, expectAccessible, screenshotDir, pickFile } from '../support/app.js';

const tile = (page, id) => page.locator(`[data-kpi="${id}"]`);

test('an empty plan shows a dashboard with no figures yet, not zeros that mislead', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  await expect(tile(page, 'open-rate').locator('.kpi-value')).toHaveText('—');
  // A new plan in an English (US) browser is in dollars.
  await expect(tile(page, 'revenue').locator('.kpi-value')).toHaveText('$0');
  await expect(tile(page, 'cycle').locator('.kpi-value')).toHaveText('—');
  await expect(page.getByText('No campaign ran or earned revenue in this period.')).toBeVisible();
  await expect(page.getByTestId('long-term').locator('[data-kpi=customers] dd')).toHaveText('0');
  await expect(page.getByTestId('chart-goals')).toContainText('This plan has no goals yet');
  // Charts say there is nothing to draw, and their download is off.
  await expect(page.getByTestId('chart-engagement')).toContainText('No responses in this period.');
  await expect(page.getByTestId('chart-engagement').getByRole('button', { name: /Download image \(PNG\)/ })).toBeDisabled();
  await expect(page.getByTestId('chart-engagement').getByRole('button', { name: /SVG: download image/ })).toBeDisabled();
  await expectAccessible(page);
});

test('the demo plan: KPIs against the previous period, ROI by channel and campaign, attribution and period choices', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Dashboard');
  await expect(page).toHaveURL(/#\/dashboard/);

  // KGI progress first: one bar and one table row per goal, the status in words.
  const goals = page.getByTestId('chart-goals');
  await expect(goals.getByRole('img', { name: 'KGI progress' }).locator('svg')).toBeVisible();
  await goals.getByText('Show as a table').click();
  const goalRows = goals.locator('tbody tr');
  expect(await goalRows.count()).toBeGreaterThanOrEqual(3);
  for (const row of await goalRows.all()) {
    await expect(row.locator('td').nth(4)).toHaveText(/^(Achieved|On track|Behind|Missed|No data yet)$/);
  }

  // Headline figures for the last 90 days, each with the period before.
  await expect(page.getByTestId('dash-range')).toContainText('compared with');
  await expect(tile(page, 'revenue').locator('.kpi-value')).toHaveText(/^¥[\d,]+$/);
  await expect(tile(page, 'revenue').locator('.kpi-before')).toHaveText(/^Previous period: ¥[\d,]+$/);
  await expect(tile(page, 'open-rate').locator('.kpi-value')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(tile(page, 'engagement-rate').locator('.kpi-value')).toHaveText(/^\d+(\.\d)?%$/);

  // A definition opens in place and closes again; headings of the ROI tables have theirs.
  const about = tile(page, 'engagement-rate').getByRole('button', { name: 'What is “Engagement rate of target accounts”?' });
  await expect(tile(page, 'engagement-rate').getByRole('note')).toBeHidden();
  await about.click();
  await expect(about).toHaveAttribute('aria-expanded', 'true');
  await expect(tile(page, 'engagement-rate').getByRole('note')).toHaveText(/^Share of the target accounts that responded at least once in the period/);
  await about.click();
  await expect(tile(page, 'engagement-rate').getByRole('note')).toBeHidden();
  await page.getByTestId('roi-channels').getByRole('button', { name: 'What is “ROI”?' }).click();
  await expect(page.getByTestId('roi-channels').getByRole('note')).toContainText('(Attributed revenue − cost) ÷ cost × 100');

  // Long-term ROI from every won deal.
  await expect(page.getByTestId('long-term').locator('[data-kpi=lifetime-value] dd')).toHaveText(/^¥[\d,]+$/);

  // Engagement over time: a drawn chart (an image named by its title), its
  // table alternative with one row per week, and a download of the drawing.
  const engagement = page.getByTestId('chart-engagement');
  await expect(engagement.getByRole('img', { name: 'Responses per week' }).locator('svg')).toBeVisible();
  await engagement.getByText('Show as a table').click();
  await expect(engagement.locator('tbody tr')).toHaveCount(13);
  const [dl] = await Promise.all([page.waitForEvent('download'), engagement.getByRole('button', { name: /SVG: download image/ }).click()]);
  expect(dl.suggestedFilename()).toBe('chart-engagement.svg');
  const file = testInfo.outputPath('chart.svg');
  await dl.saveAs(file);
  // The file says what it shows: its title, the plan and the period.
  const svg = fs.readFileSync(file, 'utf8');
  expect(svg).toMatch(/^<svg[^>]*viewBox/);
  expect(svg).toContain('>Responses per week</text>');
  expect(svg).toMatch(/>FY\d{4} ABM計画（デモ） · [A-Z][a-z]{2} \d+, \d{4} – [A-Z][a-z]{2} \d+, \d{4}, compared with /);
  // The same, as a PNG for slides: twice the drawing's size, title band included.
  const [png] = await Promise.all([page.waitForEvent('download'), engagement.getByRole('button', { name: 'Download image (PNG) – Responses per week' }).click()]);
  expect(png.suggestedFilename()).toBe('chart-engagement.png');
  const pngFile = testInfo.outputPath('chart.png');
  await png.saveAs(pngFile);
  const bytes = fs.readFileSync(pngFile);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1440, 664]);
  expect(bytes.length, 'a drawing, not a blank canvas').toBeGreaterThan(20_000);
  fs.copyFileSync(pngFile, `${screenshotDir}/chart-engagement-download.png`);

  // Journey stages of the target accounts, tiers × stages, and the editable rules.
  const journey = page.getByTestId('chart-journey');
  await expect(journey.getByRole('img', { name: 'Target accounts by journey stage' }).locator('svg')).toBeVisible();
  await expect(page.getByTestId('tier-stage').locator('tbody tr')).toHaveCount(3);
  await journey.getByText('Show as a table').click();
  const stagesBefore = await journey.locator('tbody').textContent();
  const rules = page.getByTestId('journey-rules');
  await rules.getByText('Stage rules').click();
  await rules.getByLabel('Engaged from score').fill('999');
  await rules.getByLabel('Engaged from score').press('Tab');
  await expect(rules.getByRole('alert')).toContainText('Not saved');
  await rules.getByLabel('Activity counts for (days)').fill('7');
  await rules.getByLabel('Activity counts for (days)').press('Tab');
  await expect(rules.getByRole('alert')).toHaveCount(0);
  await expect(journey.locator('tbody')).not.toHaveText(stagesBefore);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(rules.getByLabel('Activity counts for (days)')).toHaveValue('180');
  await expect(journey.locator('tbody')).toHaveText(stagesBefore);

  // ROI by channel as bars, with its table.
  await expect(page.getByTestId('chart-roi').getByRole('img', { name: 'ROI by channel' }).locator('svg rect').first()).toBeAttached();

  // ROI tables: every channel row has an ROI, and campaigns list theirs.
  const channels = page.getByTestId('roi-channels');
  await expect(channels.locator('tbody tr').first()).toBeVisible();
  const campaigns = page.getByTestId('roi-campaigns');
  await expect(campaigns.locator('tbody tr').first()).toBeVisible();
  await shot(page, 'dashboard-demo');
  await expectAccessible(page);

  // A longer period takes in more: the range text and the figures follow.
  const range90 = await page.getByTestId('dash-range').textContent();
  await page.getByLabel('Period').selectOption({ label: 'Last 365 days' });
  await expect(page.getByTestId('dash-range')).not.toHaveText(range90);
  await page.getByTestId('chart-roi').screenshot({ path: `${screenshotDir}/dashboard-roi-365.png` });
  const campaigns365 = await campaigns.locator('tbody tr').count();
  expect(campaigns365).toBeGreaterThanOrEqual(1);

  // Attribution is a plan setting: it changes the credit, is undoable and survives a reload.
  const linear = await campaigns.textContent();
  await expect(page.getByLabel('Attribution')).toHaveValue('linear');
  await page.getByLabel('Attribution').selectOption({ label: 'First touch' });
  await expect(campaigns).not.toHaveText(linear);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByLabel('Attribution')).toHaveValue('linear');
  await expect(campaigns).toHaveText(linear);
  await page.getByRole('button', { name: /^Redo/ }).click();
  await expect(page.getByLabel('Attribution')).toHaveValue('first');
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await reload(page);
  await expect(page.getByLabel('Attribution')).toHaveValue('first');
  await expect(campaigns).not.toHaveText(linear);
});

test('the dashboard speaks Japanese', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await page.getByLabel('Language').selectOption('ja');
  await page.getByRole('navigation', { name: 'セクション' }).getByRole('link', { name: 'ダッシュボード' }).click();
  await expect(page.getByRole('heading', { name: '主要KPI' })).toBeVisible();
  await expect(tile(page, 'revenue').locator('.kpi-before')).toHaveText(/^前期間： ￥[\d,]+$|^前期間： ¥[\d,]+$/);
  await expect(page.getByLabel('アトリビューション')).toBeVisible();
  // Each figure says how it is computed, in place: the two engagement tiles
  // explain why their numbers differ.
  const engaged = tile(page, 'engaged');
  await engaged.getByRole('button', { name: '「エンゲージ済みのターゲットアカウント」とは' }).click();
  await expect(engaged.getByRole('note')).toContainText('通常はエンゲージメント率より少なくなります');
  await shot(page, 'dashboard-demo-ja');
  await expectAccessible(page);
});

test('a custom period is remembered; content, revenue concentration and sales cycle follow it', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Dashboard');

  // Content performance: one row per asset, views and accounts in numbers.
  const content = page.getByTestId('content-performance');
  await expect(content.locator('tbody tr').first()).toBeVisible();
  const firstAsset = content.locator('tbody tr').first();
  await expect(firstAsset.locator('td').nth(5)).toHaveText(/^\d+ \(\d+\)$/);

  // Revenue concentration and the sales-cycle distribution over the last 365 days.
  await page.getByLabel('Period').selectOption({ label: 'Last 365 days' });
  const pareto = page.getByTestId('chart-pareto');
  await expect(pareto.getByRole('img', { name: 'Revenue by customer (Pareto)' }).locator('svg')).toBeVisible();
  await pareto.getByText('Show as a table').click();
  const last = pareto.locator('tbody tr').last();
  await expect(last.locator('td').nth(3)).toHaveText('100%');
  const cycle = page.getByTestId('chart-cycle');
  await expect(cycle.getByRole('img', { name: 'Days from deal to contract' }).locator('svg')).toBeVisible();
  await cycle.getByText('Show as a table').click();
  await expect(cycle.locator('tbody tr')).toHaveCount(6);
  await expect(cycle.locator('tbody tr').first().locator('td').first()).toHaveText('0–30 days');
  await page.getByTestId('chart-pareto').screenshot({ path: `${screenshotDir}/dashboard-pareto.png` });

  // Tiers × stages and ROI by campaign are drawn too, each with its table.
  const tiers = page.getByTestId('chart-tier-stage');
  await expect(tiers.getByRole('img', { name: 'Tiers × stages (target accounts)' }).locator('svg rect').first()).toBeAttached();
  await tiers.getByText('Show as a table').click();
  await expect(tiers.locator('tbody tr')).toHaveCount(3);
  await expect(tiers.locator('tbody tr').first().locator('td').first()).toHaveText('Tier 1');
  await tiers.screenshot({ path: `${screenshotDir}/dashboard-tier-stage.png` });
  const byCampaign = page.getByTestId('chart-roi-campaigns');
  await expect(byCampaign.getByRole('img', { name: 'ROI by campaign' }).locator('svg rect').first()).toBeAttached();

  // A custom range: a backwards one is refused with a message; a real one applies.
  await page.getByLabel('Period').selectOption({ label: 'Custom range' });
  const form = page.getByTestId('dash-range-form');
  await form.getByLabel('From').fill('2026-12-31');
  await form.getByLabel('To').fill('2026-01-01');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('alert')).toHaveText('The end is before the start.');
  await form.getByLabel('From').fill('2020-01-01');
  await form.getByLabel('To').fill('2020-03-31');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('dash-range')).toContainText('Jan 1, 2020 – Mar 31, 2020');
  // Nothing happened in 2020: the charts say so.
  await expect(pareto).toContainText('No deals were won in this period.');
  await expect(page.getByTestId('chart-engagement')).toContainText('No responses in this period.');
  await shot(page, 'dashboard-custom-range');

  // The choice is this browser's: a reload keeps it.
  await reload(page);
  await expect(page.getByLabel('Period')).toHaveValue('custom');
  await expect(page.getByTestId('dash-range-form').getByLabel('From')).toHaveValue('2020-01-01');
  await expect(page.getByTestId('dash-range')).toContainText('Jan 1, 2020 – Mar 31, 2020');
  await page.getByLabel('Period').selectOption({ label: 'Last 30 days' });
  await expect(page.getByTestId('dash-range-form')).toHaveCount(0);
  await reload(page);
  await expect(page.getByLabel('Period')).toHaveValue('30');
  await expectAccessible(page);
});

test('many customers: the Pareto chart draws without naming every bar, and the tab stays responsive', async ({ page }, testInfo) => {
  // The demo file with a won deal this month for 30 accounts (more than the
  // chart names under its bars).
  const json = JSON.parse(fs.readFileSync(new URL('../../../docs/examples/demo-plan.abm.json', import.meta.url), 'utf8'));
  const today = new Date().toISOString().slice(0, 10);
  json.plan.deals.push(...json.plan.accounts.slice(0, 30).map((a, i) => ({
    id: `deal_many_${i}`, account: a.id, name: `追加受注 ${i}`, amount: 100_000_000 * (i + 1),
    created: today, closed: today, stage: 'closed', outcome: 'won',
  })));
  const file = testInfo.outputPath('many-customers.abm.json');
  fs.writeFileSync(file, JSON.stringify(json));
  await openApp(page);
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Import/Export & Settings');
  await pickFile(page, 'Choose plan file…', file);
  await page.getByTestId('import-ready').getByRole('button', { name: 'Open as a new plan' }).click();
  await goTo(page, 'Dashboard');
  const pareto = page.getByTestId('chart-pareto');
  await expect(pareto.getByRole('img', { name: 'Revenue by customer (Pareto)' }).locator('svg')).toBeVisible();
  await pareto.getByText('Show as a table').click();
  expect(await pareto.locator('tbody tr').count()).toBeGreaterThanOrEqual(30);
  await expect(pareto.locator('tbody tr').first().locator('td').first()).toHaveText(json.plan.accounts[29].name);
});

test('the dashboard prints as an A4 landscape report: plan, period, every chart titled, no controls', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Dashboard');
  await expect(page.getByTestId('chart-roi-campaigns').locator('svg')).toBeVisible();
  // Campaign names under the ROI chart are fitted to their bars: none overlaps the next.
  const labels = await page.getByTestId('chart-roi-campaigns').locator('svg text').evaluateAll((ts) =>
    ts.map((t) => { const b = t.getBBox(); return { x: b.x, y: b.y, width: b.width }; }).filter((b) => b.y > 230).sort((a, b) => a.x - b.x));
  expect(labels.length).toBeGreaterThan(3);
  for (let i = 1; i < labels.length; i++) expect(labels[i].x, `label ${i} starts after label ${i - 1} ends`).toBeGreaterThanOrEqual(labels[i - 1].x + labels[i - 1].width);

  await expect(page.getByTestId('dash-print')).toHaveText('Print / PDF');
  await page.emulateMedia({ media: 'print' });
  const planName = await page.getByTestId('current-plan-name').textContent();
  await expect(page.getByTestId('dash-print-plan')).toHaveText(planName.trim());
  await expect(page.getByTestId('dash-range')).toContainText('compared with');
  // No controls: the period choice, print, downloads, help buttons, table toggles.
  for (const control of [page.getByTestId('dash-period'), page.getByTestId('dash-print'), page.getByRole('button', { name: /Download image/ }).first(),
    page.locator('.help-tip').first(), page.getByText('Show as a table').first(), page.getByTestId('dash-attribution'), page.getByTestId('journey-rules')]) {
    await expect(control).toBeHidden();
  }
  await expect(page.getByTestId('dash-attribution-print')).toBeVisible();
  for (const title of ['KGI progress', 'Responses per week', 'Target accounts by journey stage']) {
    await expect(page.locator('.chart-title', { hasText: title })).toBeVisible();
  }
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync(screenshotDir, { recursive: true });
  fs.writeFileSync(`${screenshotDir}/dashboard.pdf`, pdf);
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  expect(boxes.length).toBeLessThanOrEqual(10);
  for (const box of boxes) expect(box, 'A4 landscape, in points').toEqual([842, 595]);
  await page.emulateMedia({ media: 'screen' });
});
