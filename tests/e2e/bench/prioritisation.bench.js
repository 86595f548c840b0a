// A weight change (issue 31: 60 fps what-if): re-rank and repaint, in the app and
// in its vanilla-JS peer (bench/peer/weights.html) in the same Chromium run, with
// the 10,000-account plan and with the demo. Per change: the frame's main-thread
// work when the change comes as a frame starts (≤ 16.7 ms for 60 fps), the time
// to the next painted frame when it comes at once, and the script time
// (Chromium's Performance.getMetrics ScriptDuration). The plan file comes from
// `cargo run --example large_plan_file` (see .ci/bench-ui.sh); figures go to
// target/bench/ui-prioritisation.json.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, openApp, goTo, openPlanFile } from '../support/app.js';
import { moveWeight, spread, workClock, writeBenchResult } from '../support/bench.js';

const planFile = process.env.LARGE_PLAN ?? path.resolve(import.meta.dirname, '../../../target/large-10k.abm.json');
const peerPage = pathToFileURL(path.resolve(import.meta.dirname, 'peer/weights.html')).href;
// Jumps: most visible rows then show another account (the worst case). A drag:
// a mouse moved across the slider in half a second gives about one event per
// frame, a few units apart.
const jumps = [10, 60, 30, 90, 20, 70, 40, 100, 5, 80, 50, 25, 65, 35, 95, 15, 75, 45, 85, 55];
const drag = Array.from({ length: 20 }, (_, k) => 30 + 3 * k);
const slider = '.factor-weight input[type=range]';

/** Moves the first weight through `values`, each change timed as `aligned`
 * says (see moveWeight), and returns the figures per change. */
async function series(page, values, aligned) {
  const clock = await workClock(page);
  const times = [], work = { script: [], style: [], layout: [], tasks: [] };
  for (const v of values) {
    const before = await clock.read();
    times.push(await moveWeight(page, slider, v, aligned));
    for (const [k, ms] of Object.entries(clock.since(before, await clock.read()))) work[k].push(ms);
  }
  return { [aligned ? 'frameMs' : 'inputToFrameMs']: spread(times), ...Object.fromEntries(Object.entries(work).map(([k, xs]) => [`${k}Ms`, spread(xs)])) };
}

/** The figures of both kinds of change: frames of jumps and of a drag, and the
 * jumps timed to the next frame as the earlier figures were. */
async function measure(page) {
  return { jumps: await series(page, jumps, true), drag: await series(page, drag, true), jumpsToNextFrame: await series(page, [...jumps].reverse(), false) };
}

async function peer(browser, n) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${peerPage}?n=${n}`);
  await expect(page.locator('body[data-ready=true]')).toBeVisible();
  const figures = await measure(page);
  // It ranked and repainted: the first row shows rank 1 and a movement.
  await expect(page.locator('#body tr:not(.spacer)').first()).toContainText('#1');
  await page.close();
  return figures;
}

const targetCount = async (page) => Number((await page.getByTestId('ranked-summary').textContent()).split('·')[0].replace(/[^\d]/g, ''));

test('a weight change with 10,000 accounts, beside the vanilla-JS peer', async ({ page, browser }) => {
  test.setTimeout(600_000);
  await openApp(page);
  await openPlanFile(page, planFile, '10000');
  await goTo(page, 'Prioritisation');
  const targets = await targetCount(page);
  expect(targets).toBeGreaterThan(1000);
  const app = await measure(page);
  // The movement arrows are there: the what-if worked on the large plan.
  await expect(page.locator('td.movement.moved-up, td.movement.moved-down').first()).toBeVisible();
  const result = { accounts: 10000, targets, changes: jumps.length, app, peer: await peer(browser, targets), peerRanking10000: await peer(browser, 10000) };
  writeBenchResult('ui-prioritisation.json', browser, result);
});

test('a weight change with the demo, beside the vanilla-JS peer', async ({ page, browser }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load demo plan' }).click();
  await goTo(page, 'Prioritisation');
  const targets = await targetCount(page);
  expect(targets).toBeGreaterThan(10);
  const app = await measure(page);
  await expect(page.locator('td.movement.moved-up, td.movement.moved-down').first()).toBeVisible();
  writeBenchResult('ui-prioritisation-demo.json', browser, { targets, changes: jumps.length, app, peer: await peer(browser, targets) });
});
