// Huge files (issue 8): a 100 MB plan file (20,000 accounts, 60,000 contacts,
// 10,000 deals, 400,000 activities, from `cargo run --release --example
// large_plan_file -- 20000 target/large-20k-activity.abm.json activity`; see
// .ci/bench-ui.sh) and three broken copies of it, picked on the import screen
// of a tab with the demo plan open:
// - well-formed: read and checked, then opened as a new plan (it does not fit
//   in local storage, which the header then says);
// - a wrong value in the first account; broken JSON near the end; 135 MB
//   (beyond the 128 MB limit).
// For each: the time from picking the file to the message, the longest task
// meanwhile (the tab cannot respond during it) and every long task, and the app's Wasm memory
// after (it never shrinks). Figures go to target/bench/ui-huge-files.json.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, loadDemo, goTo, pickFile, wasmMemoryMB } from '../support/app.js';
import { watchLongTasks, longTasksSince, writeBenchResult } from '../support/bench.js';

const target = path.resolve(import.meta.dirname, '../../../target');
const source = process.env.HUGE_PLAN ?? path.join(target, 'large-20k-activity.abm.json');

function variants() {
  const text = fs.readFileSync(source, 'latin1');
  const dir = path.join(target, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const write = (name, content) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content, 'latin1');
    return file;
  };
  const at = text.indexOf('"employees":');
  return [
    { name: 'well-formed', file: source },
    { name: 'wrong value', file: write('huge-value-error.abm.json', `${text.slice(0, at)}"employees": "many"${text.slice(text.indexOf(',', at))}`) },
    { name: 'broken JSON near the end', file: write('huge-syntax-error.abm.json', `${text.slice(0, -20)},,${text.slice(-20)}`) },
    { name: 'beyond the limit', file: write('huge-too-large.abm.json', text + ' '.repeat(40 * 2 ** 20)) },
  ];
}

test('huge files', async ({ browser }) => {
  const results = [];
  for (const { name, file } of variants()) {
    const page = await browser.newPage();
    await openApp(page);
    await loadDemo(page);
    await goTo(page, 'Import/Export & Settings');
    await watchLongTasks(page);
    const longest = async (from) => Math.max(0, ...(await longTasksSince(page, from)).map((t) => t.ms));
    const t0 = Date.now();
    const picked = await page.evaluate(() => performance.now());
    await pickFile(page, 'Choose plan file…', file);
    const shown = page.getByTestId('import-ready').or(page.getByTestId('import-problems'));
    await expect(shown).toBeVisible({ timeout: 120_000 });
    const result = {
      file: name,
      bytes: fs.statSync(file).size,
      messageAfterMs: Date.now() - t0,
      longestTaskMs: await longest(picked),
      // Every long task (over 50 ms) until the message: when, from picking the file.
      longTasks: await longTasksSince(page, picked),
      wasmMemoryMB: Number((await wasmMemoryMB(page)).toFixed(1)),
      shown: (await shown.innerText()).split('\n').filter(Boolean).slice(0, 4).join(' / '),
    };
    if (name === 'well-formed') {
      const opened = await page.evaluate(() => performance.now());
      await page.getByTestId('import-ready').getByRole('button', { name: 'Open as a new plan' }).click();
      await expect(page.getByTestId('save-status')).toHaveText(/Saved|Not saved/, { timeout: 120_000 });
      result.afterOpen = await page.getByTestId('save-status').innerText();
      result.longestTaskAfterOpenMs = await longest(opened);
      result.wasmMemoryAfterOpenMB = Number((await wasmMemoryMB(page)).toFixed(1));
    }
    results.push(result);
    await page.close();
  }
  writeBenchResult('ui-huge-files.json', browser, { results });
});
