import path from 'node:path';
import fs from 'node:fs';
import { test, expect, openApp, reload, loadDemo, goTo, shot, demoName, download } from '../support/app.js';

// The build under test, as playwright.config.js serves it.
const dist = path.resolve(import.meta.dirname, '..', process.env.E2E_DIST ?? '../../dist');

test('after one visit the app opens and works with no network', async ({ page, context }, testInfo) => {
  await openApp(page);
  await loadDemo(page);
  // The service worker takes over this page, and has kept the app's files.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await reload(page);
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  expect(manifest.name).toBe('ABM Planner');
  expect(manifest.display).toBe('standalone');
  // Once the page has settled, the workbook worker's three files are kept too.
  const kept = () => page.evaluate(async () => (await (await caches.open('abm-planner')).keys()).map((r) => new URL(r.url).pathname.split('/').pop()));
  await expect.poll(async () => (await kept()).filter((f) => /^workbook-worker-(loader-)?[0-9a-f]{16}(_bg)?\.(js|wasm)$/.test(f)).length, { timeout: 15_000 }).toBe(3);

  await context.setOffline(true);
  await reload(page);
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);
  // Working offline: an edit is saved and survives another offline reload.
  await goTo(page, 'Goals (KGI)');
  await page.getByRole('button', { name: 'Add goal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a goal' });
  await dialog.getByLabel('Goal', { exact: true }).fill('オフラインで追加した目標');
  await dialog.getByLabel('Target').fill('3');
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await reload(page);
  await expect(page.getByTestId('goals-table')).toContainText('オフラインで追加した目標');
  await shot(page, 'offline');
  // Excel too: the workbook worker, which the first screen leaves out, was
  // kept once the page settled, so a workbook is written offline.
  await goTo(page, 'Import/Export & Settings');
  const { file } = await download(page, 'Export workbook (.xlsx)', testInfo);
  expect(fs.readFileSync(file).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  await expect(page.getByText('Workbook exported.')).toBeVisible();
  await context.setOffline(false);
});

test('a new release replaces the cached one: online, the server always answers first', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await reload(page);
  // What the page runs is what the server has now, not a kept copy.
  const served = await page.evaluate(async () => {
    const fromServer = await (await fetch('./index.html', { cache: 'no-store' })).text();
    return fromServer.includes(document.querySelector('link[rel=modulepreload]').getAttribute('href'));
  });
  expect(served).toBe(true);
  // A file of an older release in the cache goes when the next index.html arrives;
  // the current release's files stay.
  await page.evaluate(async () => {
    const cache = await caches.open('abm-planner');
    await cache.put(new Request('./abm-planner-0123456789abcdef_bg.wasm'), new Response('the last release'));
  });
  await reload(page);
  const cached = () =>
    page.evaluate(async () => (await (await caches.open('abm-planner')).keys()).map((r) => new URL(r.url).pathname.split('/').pop()));
  await expect.poll(async () => (await cached()).includes('abm-planner-0123456789abcdef_bg.wasm')).toBe(false);
  const wasm = await page.evaluate(() => document.querySelector('link[as=fetch]').getAttribute('href').replace('./', ''));
  expect(await cached()).toContain(wasm);
});

test('a repeat visit downloads none of the hashed files again, whatever the host\'s cache headers', async ({ page, context }) => {
  // The suite's server sends `no-cache` for every file, the worst a host can
  // do: without the service worker each visit would download the Wasm again.
  await openApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await reload(page);
  const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
  const asked = [];
  context.on('request', (r) => {
    if (r.serviceWorker()) asked.push(new URL(r.url()).pathname);
  });
  const fromKept = [];
  page.on('response', (r) => {
    if (hashed.test(new URL(r.url()).pathname) && r.fromServiceWorker()) fromKept.push(new URL(r.url()).pathname.split('/').pop());
  });
  await reload(page);
  await expect(page.getByRole('button', { name: 'Load demo plan' })).toBeVisible();
  // The page itself still comes from the server first, so a new release is
  // seen at once; what it names by hash comes from the cache, unrequested.
  expect(asked.some((p) => p.endsWith('/team/abm/') || p.endsWith('/index.html')), asked.join(' ')).toBe(true);
  expect(asked.filter((p) => hashed.test(p))).toEqual([]);
  const wasm = await page.evaluate(() => document.querySelector('link[as=fetch]').getAttribute('href').replace('./', ''));
  expect(fromKept).toContain(wasm);
});

test('the single-file build works when opened from disk', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const outside = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file://') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const file = 'file://' + path.join(dist, 'abm-planner.html');
  await page.goto(file);
  await expect(page.locator('.app[data-ready=true]')).toBeVisible();
  await page.getByRole('button', { name: 'Load the Japanese demo' }).click();
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Account plans' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account plans');
  // Saved in local storage: a reload from disk brings the plan back.
  await page.reload();
  await expect(page.locator('.app[data-ready=true]')).toBeVisible();
  await expect(page.getByTestId('current-plan-name')).toHaveText(demoName);
  await shot(page, 'single-file');
  // The workbook worker is inside the file too.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Import/Export & Settings' }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workbook (.xlsx)' }).click()]);
  expect(dl.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByText('Workbook exported.')).toBeVisible();
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
