// What the in-browser benchmarks (tests/e2e/bench) share: Chromium's counters and
// where the figures go. Figures are recorded in docs/benchmarks.md.
import fs from 'node:fs';
import path from 'node:path';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A clock of the page's main-thread script time so far, in ms (Chromium's
 * Performance.getMetrics ScriptDuration): read it before and after a change. */
export async function scriptClock(page) {
  const clock = await workClock(page);
  return async () => (await clock.read()).script;
}

/** A clock of the page's main-thread work so far, in ms, by kind (Chromium's
 * Performance.getMetrics): script, style, layout, and all tasks. Read it
 * before and after a change; `since(before)` gives what the change cost. */
export async function workClock(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const names = { script: 'ScriptDuration', style: 'RecalcStyleDuration', layout: 'LayoutDuration', tasks: 'TaskDuration' };
  const read = async () => {
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    return Object.fromEntries(Object.entries(names).map(([k, name]) => [k, metrics.find((m) => m.name === name).value * 1000]));
  };
  return { read, since: (a, b) => Object.fromEntries(Object.keys(names).map((k) => [k, b[k] - a[k]])) };
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

/** Moves the range input `selector` to `value` and times it:
 * - `aligned` (a drag's events come aligned to frames in Chromium): the change
 *   is made as a frame starts and timed until that frame has had its style,
 *   layout and paint, which is the frame's main-thread work and must stay
 *   within 16.7 ms for 60 fps;
 * - otherwise the change is made at once and timed until the next frame has
 *   been painted, which also counts the wait for that frame (up to 16.7 ms). */
export async function moveWeight(page, selector, value, aligned) {
  return page.evaluate(async ([selector, value, aligned]) => {
    const slider = document.querySelector(selector);
    const change = () => {
      slider.value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    };
    if (aligned) {
      return new Promise((resolve) => requestAnimationFrame(() => {
        const t0 = performance.now();
        change();
        // A task posted from a frame's callbacks runs once that frame is painted.
        setTimeout(() => resolve(performance.now() - t0), 0);
      }));
    }
    const t0 = performance.now();
    change();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, [selector, value, aligned]);
}

/** Median and maximum of a list of figures, rounded to 0.01. */
export const spread = (xs) => ({ median: Number(median(xs).toFixed(2)), max: Number(Math.max(...xs).toFixed(2)) });
