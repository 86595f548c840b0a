// Shared helpers for the end-to-end tests: a page that fails the test if the app
// requests anything from another host, and person-level steps (open the app,
// load the demo, take a screenshot to look at).
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export const screenshotDir = path.resolve(import.meta.dirname, '../../../target/screenshots');

export const test = base.extend({
  // Every request must be for the app's own files, under the sub-path it is
  // served from: nothing to other hosts, nothing outside /team/abm/.
  context: async ({ context, baseURL }, use) => {
    const foreign = [];
    context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    await use(context);
    expect(foreign, 'requests outside the app').toEqual([]);
  },
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|panicked/.test(m.text())) errors.push(m.text());
    });
    await use(page);
    expect(errors, 'errors in the page').toEqual([]);
  },
});

export { expect };

/** Opens the app (or reloads it) and waits until it has started. */
export async function openApp(page, hash = '') {
  await page.goto('./' + hash);
  await expect(page.locator('.app[data-ready=true]')).toBeVisible();
}

export async function reload(page) {
  await page.reload();
  await expect(page.locator('.app[data-ready=true]')).toBeVisible();
}

/** The Japanese demo's name: it is named after the fiscal year (from April) it is made in. */
export function demoNameOn(day = new Date()) {
  const fy = day.getMonth() >= 3 ? day.getFullYear() : day.getFullYear() - 1;
  return `FY${fy} ABM計画（デモ）`;
}

export const demoName = demoNameOn();

/** Loads the Japanese demo (the one most specs are written against) from the
 * first run in the English UI. `Load demo plan` itself loads the English one. */
export async function loadDemo(page) {
  await page.getByRole('button', { name: 'Load the Japanese demo' }).click();
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);
  await expect(page.getByTestId('save-status')).toContainText('Saved');
}

export async function goTo(page, name) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
}

/** Saves a full-page screenshot to target/screenshots/<name>.png. */
export async function shot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Opens the file picker from a button, as a person would, and picks `file`. */
export async function pickFile(page, buttonName, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: buttonName }).click()]);
  await chooser.setFiles(file);
}

/** Starts an empty plan and opens a plan file as a new plan through the picker
 * (the benchmarks' large plans), then waits for its first save to end: a
 * large plan is stored in steps for a second or two after it opens, and a
 * measurement taken meanwhile would count them. */
export async function openPlanFile(page, file, nameContains) {
  await page.getByLabel('Plan name').fill('bench');
  await page.getByRole('button', { name: 'Start empty plan' }).click();
  await goTo(page, 'Import/Export & Settings');
  await pickFile(page, 'Choose plan file…', file);
  await page.getByTestId('import-ready').getByRole('button', { name: 'Open as a new plan' }).click();
  await expect(page.getByTestId('current-plan-name')).toContainText(nameContains);
  await expect(page.getByTestId('save-status')).toHaveText(/^(Saved|Not saved)/, { timeout: 60_000 });
}

/** Exports the open plan through the export button (on the current screen)
 * and returns the file's JSON, to edit into a colleague's or a broken copy. */
export async function exportedPlanFile(page, testInfo) {
  const { file } = await download(page, 'Export plan file', testInfo);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Clicks a button that downloads a file; returns the saved path and suggested name. */
export async function download(page, buttonName, testInfo) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).first().click()]);
  const file = testInfo.outputPath(dl.suggestedFilename());
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename() };
}

/** UTF-16 code units the app's entries take in local storage (what the quota counts). */
export async function storedUnits(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('abm-planner:'))
      .reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0),
  );
}

/** The app's entries in local storage. */
export async function storageKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('abm-planner:')).sort());
}

/** Fails on any serious or critical accessibility finding (axe-core) on the page as it is now. */
export async function expectAccessible(page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.html.slice(0, 120)).join(' | ')}`);
  expect(bad, 'serious or critical accessibility findings').toEqual([]);
}

/** Adds a goal on the Goals page and waits for its row. */
export async function addGoal(page, name) {
  await page.getByRole('button', { name: 'Add goal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a goal' });
  await dialog.getByLabel('Goal', { exact: true }).fill(name);
  await dialog.getByLabel('Target').fill('1');
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByRole('rowheader', { name, exact: true })).toBeVisible();
}

/** Fills what is left of the origin's local storage, as other data would. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 16) {
      try {
        localStorage.setItem(`filler-${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
}

/** Removes what `fillStorage` wrote. */
export async function freeStorage(page) {
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
}

/** What the header says once the autosave after an edit has run (it waits 0.5 s). */
export async function settledStatus(page, timeout = 10_000) {
  await page.waitForTimeout(800);
  const status = page.getByTestId('save-status');
  await expect(status).not.toHaveText('Saving…', { timeout });
  return status.textContent();
}

/** Size of the page's WebAssembly memory (the app's heap, which never shrinks), in MB. */
export async function wasmMemoryMB(page) {
  const cdp = await page.context().newCDPSession(page);
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const sizes = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }',
    returnByValue: true,
  });
  await cdp.detach();
  return Math.max(0, ...sizes.result.value) / 2 ** 20;
}
