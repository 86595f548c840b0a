import fs from 'node:fs';
import { test, expect, openApp, reload, loadDemo, goTo, shot, pickFile, download, storageKeys, wasmMemoryMB, exportedPlanFile } from '../support/app.js';

async function importProblems(page, file) {
  await pickFile(page, 'Choose plan file…', file);
  const box = page.getByTestId('import-problems');
  await expect(box).toBeVisible();
  await expect(box).toContainText('Your current plan is unchanged.');
  return box;
}

test('malformed files explain what is wrong and where, and leave the plan untouched', async ({ page }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const { file } = await download(page, 'Export plan file', testInfo);
  const good = fs.readFileSync(file, 'utf8');
  const write = (name, content) => {
    const p = testInfo.outputPath(name);
    fs.writeFileSync(p, content);
    return p;
  };

  // Broken JSON: line and column.
  const broken = good.replace('"employees": 1200,', '"employees": 1200,,');
  const line = good.slice(0, good.indexOf('"employees": 1200,')).split('\n').length;
  let box = await importProblems(page, write('broken.abm.json', broken));
  await expect(box).toContainText(`Line ${line}, column`);
  await expect(box).toContainText("The file's JSON is broken");
  await shot(page, 'import-syntax-error');

  // Wrong values and dangling references: JSON paths, all of them.
  const json = JSON.parse(good);
  json.plan.accounts[12].employees = 'many';
  json.plan.activities[0].account = 'acc_not_here';
  json.plan.contacts[0].relationship = 14;
  box = await importProblems(page, write('values.abm.json', JSON.stringify(json, null, 2)));
  await expect(box).toContainText('3 problems found.');
  await expect(box).toContainText('plan.accounts[12].employees (株式会社ひかり物産)');
  await expect(box).toContainText('expected a whole number, got "many"');
  await expect(box).toContainText('plan.activities[0].account');
  await expect(box).toContainText('refers to account “\u2068acc_not_here\u2069”, which is not in the file');
  await expect(box).toContainText('“\u2068Relationship\u2069” can be at most 10.');
  await shot(page, 'import-value-errors');
  // What can be kept can still come in, on request.
  await box.getByRole('button', { name: 'Import with repairs, leaving out what can’t be repaired' }).click();
  await expect(page.getByTestId('import-ready')).toContainText('Imported with notes');
  await page.getByTestId('import-ready').getByRole('button', { name: 'Cancel' }).click();

  // A newer format version.
  json.schemaVersion = 99;
  box = await importProblems(page, write('newer.abm.json', JSON.stringify(json)));
  await expect(box).toContainText('made by a newer version of ABM Planner (format version 99; this app reads up to 2)');

  // Files of the wrong kind.
  box = await importProblems(page, write('accounts.csv', '会社名,業種,従業員数\nミナト精機,製造業,1200\n'));
  await expect(box).toContainText('This is a CSV spreadsheet');
  box = await importProblems(page, write('logo.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')));
  await expect(box).toContainText('This is a PNG image');
  box = await importProblems(page, write('empty.json', ''));
  await expect(box).toContainText('The file is empty.');
  box = await importProblems(page, write('other.json', '{"type": "excalidraw", "elements": []}'));
  await expect(box).toContainText('not an ABM Planner plan file');
  await shot(page, 'import-wrong-kind');

  // Nothing in storage changed, and the plan is as it was.
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  await goTo(page, 'Overview');
  await expect(page.getByTestId('plan-counts')).toContainText('41');
  // One head, one version (stored in parts), the settings; no backups.
  const keys = await storageKeys(page);
  const kinds = keys.map((k) => k.split(':')[1]);
  expect(kinds.filter((k) => k === 'head')).toHaveLength(1);
  expect(kinds.filter((k) => k === 'plan')).toHaveLength(1);
  expect(kinds.filter((k) => k === 'part').length).toBeGreaterThan(1);
  expect(kinds.filter((k) => !['head', 'plan', 'part', 'settings'].includes(k))).toEqual([]);
});

test('extreme files: deep nesting, NaN, huge numbers, far dates, duplicate ids are explained; RTL and emoji come through', async ({ page }) => {
  const corpus = (name) => new URL(`../../fuzz_corpus/plan/${name}`, import.meta.url).pathname;
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  const cases = [
    ['deeply-nested.json', /Line 1, column 128[\s\S]*nested too deeply/],
    ['nan-and-infinity.json', /Line 1, column 284/],
    ['huge-number.json', /Line 1, column 307/],
    ['far-dates.json', /plan\.createdAt[\s\S]*1900[\s\S]*2200/],
    ['duplicate-ids.json', /plan\.accounts\[1\]\.id[\s\S]*acc_minato/],
  ];
  for (const [name, text] of cases) {
    const box = await importProblems(page, corpus(name));
    await expect(box).toContainText(text);
    await box.getByRole('button', { name: 'Cancel' }).click();
  }
  await shot(page, 'import-extreme-file');
  // Right-to-left text, a right-to-left override and emoji are kept and shown as written.
  await pickFile(page, 'Choose plan file…', corpus('rtl-and-emoji.json'));
  await page.getByTestId('import-ready').getByRole('button', { name: 'Open as a new plan' }).click();
  await expect(page.getByTestId('current-plan-name')).toHaveText('خطة التسويق \u202e RTL 🚀👩‍💻 計画');
  // Put into a sentence, the name is isolated (U+2068 … U+2069), so its
  // right-to-left override cannot reverse the rest of the sentence.
  await expect(page.getByRole('status').filter({ hasText: 'as a new plan' })).toContainText('“\u2068خطة التسويق \u202e RTL 🚀👩‍💻 計画\u2069”');
  await shot(page, 'rtl-plan-name');
});

test('a 100 MB file: reading and checking can be cancelled, its problem is explained without filling the tab’s memory, the rest opens, and beyond the limit it is refused unread', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openApp(page);
  await loadDemo(page);
  await goTo(page, 'Import/Export & Settings');
  const json = await exportedPlanFile(page, testInfo);
  const demoName = json.plan.name;
  // 500,000 activities on the demo's accounts, with notes that do not
  // compress (as real notes would not fit either), and one broken value.
  const accounts = json.plan.accounts.map((a) => a.id);
  let seed = 1;
  const noise = () => Array.from({ length: 9 }, () => ((seed = (seed * 48271) % 2147483647) / 2147483647).toString(36).slice(2, 12)).join(' ');
  json.plan.activities = Array.from({ length: 500_000 }, (_, i) => ({
    id: `act_bulk_${i}`,
    account: accounts[i % accounts.length],
    kind: ['emailOpened', 'emailClicked', 'webVisit', 'webinarAttended'][i % 4],
    at: new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000 + i * 1000).toISOString().replace('.000', ''),
    note: noise(),
  }));
  json.plan.name = 'Huge plan';
  json.plan.accounts[3].employees = 'many';
  const huge = testInfo.outputPath('huge.abm.json');
  fs.writeFileSync(huge, JSON.stringify(json));
  expect(fs.statSync(huge).size).toBeGreaterThan(100 * 2 ** 20);

  // It is read a piece at a time and the page paints meanwhile: the bar is
  // seen part-filled. Cancel, clicked then, stops the reading. (The click is
  // made from the page at the first frame that shows the bar moving: the
  // whole read takes well under a second.)
  await cancelAtFirstFrame(page, 'bar');
  await pickFile(page, 'Choose plan file…', huge);
  await expect.poll(() => page.evaluate(() => window.seenBeforeCancel.length)).toBe(1);
  await expectNothingImported(page);

  // Once read, the file is checked across its records (ids, references) in
  // stretches: the status says so, and Cancel stops that too.
  await cancelAtFirstFrame(page, 'checking');
  await pickFile(page, 'Choose plan file…', huge);
  await expect.poll(() => page.evaluate(() => window.seenBeforeCancel)).toEqual(['Checking huge.abm.json…']);
  await expectNothingImported(page);

  const box = await importProblems(page, huge);
  await expect(box).toContainText('1 problem found.');
  await expect(box).toContainText(`plan.accounts[3].employees (${json.plan.accounts[3].name})`);
  // Read a record at a time from the browser's copy: the app's memory (which
  // never shrinks) did not take the file's size several times over.
  expect(await wasmMemoryMB(page)).toBeLessThan(200);
  await shot(page, 'import-huge-file-problem');

  // Broken JSON deep in the file is placed from the pieces, without a copy
  // of the file in the app's memory.
  const text = fs.readFileSync(huge, 'utf8');
  const at = text.indexOf('"note":"', text.length * 0.8) + '"note":"'.length;
  const broken = testInfo.outputPath('huge-broken.abm.json');
  fs.writeFileSync(broken, `${text.slice(0, at)}\\q${text.slice(at)}`);
  const before = await wasmMemoryMB(page);
  await box.getByRole('button', { name: 'Cancel' }).click();
  const brokenBox = await importProblems(page, broken);
  await expect(brokenBox).toContainText("The file's JSON is broken");
  const column = Number((await brokenBox.getByText(/^Line 1, column \d+$/).innerText()).split('column ')[1]);
  // Columns count bytes (the demo's Japanese names come first on the line).
  const atByte = Buffer.byteLength(text.slice(0, at));
  expect(column).toBeGreaterThanOrEqual(atByte + 1);
  expect(column).toBeLessThanOrEqual(atByte + 3);
  expect(await wasmMemoryMB(page)).toBeLessThan(before + 50);
  await brokenBox.getByRole('button', { name: 'Cancel' }).click();
  const again = await importProblems(page, huge);
  await expect(again).toContainText('1 problem found.');

  // What can be kept opens; it cannot fit in local storage, which is said at once.
  await again.getByRole('button', { name: 'Import with repairs, leaving out what can’t be repaired' }).click();
  const ready = page.getByTestId('import-ready');
  await expect(ready).toContainText('activities: 500,000', { timeout: 60_000 });
  await ready.getByRole('button', { name: 'Open as a new plan' }).click();
  await expect(page.getByTestId('current-plan-name')).toHaveText('Huge plan');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: storage full', { timeout: 30_000 });
  await expect(page.getByText("Your browser's storage is full")).toBeVisible();
  // Nothing saved before is lost: the demo plan is still there after a reload.
  await reload(page);
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);

  // Beyond 128 MB the file is refused before it is read.
  await goTo(page, 'Import/Export & Settings');
  const tooLarge = testInfo.outputPath('too-large.abm.json');
  fs.writeFileSync(tooLarge, Buffer.alloc(129 * 2 ** 20, 0x20));
  const refused = await importProblems(page, tooLarge);
  await expect(refused).toContainText('The file is too large (129 MB; the limit is 128 MB).');
  await expect(refused.getByRole('button', { name: /Import with repairs/ })).toHaveCount(0);
  expect(await wasmMemoryMB(page)).toBeLessThan(50);
});

// Clicks Cancel from the page at the first frame that shows the import `when`
// ('bar': the progress bar part-filled; 'checking': the checking stage), and
// keeps what that frame showed in window.seenBeforeCancel.
async function cancelAtFirstFrame(page, when) {
  await page.evaluate((when) => {
    window.seenBeforeCancel = [];
    const tick = () => {
      const reading = document.querySelector('[data-testid=import-reading]');
      const value = reading?.querySelector('progress')?.value ?? 0;
      const text = reading?.querySelector('[role=status]')?.textContent ?? '';
      const seen = when === 'bar' ? value > 0 && value < 100 && value : text.startsWith('Checking') && text;
      if (seen) {
        window.seenBeforeCancel.push(seen);
        [...reading.querySelectorAll('button')].find((b) => b.textContent === 'Cancel').click();
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, when);
}

// The import was cancelled: its progress is gone, and no result turns up
// later (the reading would be over by then).
async function expectNothingImported(page) {
  await expect(page.getByTestId('import-reading')).toHaveCount(0);
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('import-problems').or(page.getByTestId('import-ready'))).toHaveCount(0);
}
