// What the in-browser benchmarks (tests/e2e/bench) share: Chromium's counters and
// where the figures go. Figures are recorded in docs/benchmarks.md.
import fs from 'node:fs';
import path from 'node:path';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A clock of the page's main-thread script time so far, in ms (Chromium's
 * Performance.getMetrics ScriptDuration): read it before and after a change. */
export async function scriptClock(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
}

/** Starts recording the page's long tasks (over 50 ms) in window.longTasks. */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push({ at: e.startTime, ms: e.duration }))).observe({ entryTypes: ['longtask'] });
  });
}

/** The long tasks since `from` (the page's clock): when, from `from`, and how long. */
export async function longTasksSince(page, from = 0) {
  return page.evaluate((from) => window.longTasks.filter((t) => t.at >= from).map((t) => ({ atMs: Math.round(t.at - from), ms: Math.round(t.ms) })), from);
}

/** Writes a benchmark's figures to target/bench/<name> and prints them,
 * stamped with the run's Chromium version and date. */
export function writeBenchResult(name, browser, figures) {
  const result = { ...figures, chromium: browser.version(), date: new Date().toISOString().slice(0, 10) };
  const dir = path.resolve(import.meta.dirname, '../../../target/bench');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
}
