// Section switch (issue 31: ≤ 100 ms from click to painted frame for every
// section, with the 10,000-account / 200,000-activity plan). Each section is
// opened from the Goals section (small, so the cost measured is the
// destination's), and each further tab of a section from its first tab, 3
// times each; the time runs from the link's click
// to the frame after the one that shows it, and the main thread's script time
// (Chromium's ScriptDuration) is taken per switch. The plan file comes from
// `cargo run --release --example large_plan_file -- 10000 FILE activity` (see
// .ci/bench-ui.sh); figures go to target/bench/ui-sections.json.
import path from 'node:path';
import { test, expect, openApp, goTo, openPlanFile } from '../support/app.js';
import { median, scriptClock, writeBenchResult } from '../support/bench.js';

const planFile = process.env.LARGE_ACTIVITY_PLAN ?? path.resolve(import.meta.dirname, '../../../target/large-10k-activity.abm.json');
const RUNS = 3;

/** Clicks the link to `href` and resolves once the frame after the one
 * showing it has been painted: milliseconds from the click. */
function clickAndPaint(page, href) {
  return page.evaluate(async (href) => {
    const link = document.querySelector(`a[href="${href}"]`);
    if (!link) throw new Error(`no link to ${href} on ${location.hash}`);
    const t0 = performance.now();
    link.click();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
    return performance.now() - t0;
  }, href);
}

test('switch to every section and tab, 10,000 accounts and 200,000 activities', async ({ page }) => {
  test.setTimeout(600_000);
  await openApp(page);
  await openPlanFile(page, planFile, '10000');
  const sections = await page.locator('nav.side-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const goals = sections.find((h) => h.endsWith('/goals'));
  const script = await scriptClock(page);
  const results = [];
  const measure = async (href, from) => {
    const frame = [];
    const scriptMs = [];
    for (let run = 0; run < RUNS; run++) {
      await clickAndPaint(page, from);
      const before = await script();
      frame.push(await clickAndPaint(page, href));
      scriptMs.push((await script()) - before);
      await expect(page.locator(`a[href="${href}"][aria-current=page]`)).toHaveCount(1);
    }
    // The first visit computes what the section shows; later ones may find
    // it kept (the dashboard's activity index, the duplicates).
    results.push({
      href,
      from,
      firstFrameMs: Math.round(frame[0]),
      laterFrameMs: Math.round(median(frame.slice(1))),
      firstScriptMs: Math.round(scriptMs[0]),
      laterScriptMs: Math.round(median(scriptMs.slice(1))),
    });
  };
  for (const href of sections.filter((h) => h !== goals)) {
    await measure(href, goals);
    await clickAndPaint(page, href);
    const tabs = await page.locator('nav.sub-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const tab of tabs.slice(1)) await measure(tab, tabs[0]);
  }
  writeBenchResult('ui-sections.json', page.context().browser(), { plan: '10,000 accounts, 200,000 activities', fromSection: goals, results });
});
