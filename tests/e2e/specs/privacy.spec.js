import { test, expect, openApp, loadDemo } from '../support/app.js';

test('served from a nested path, the app loads only its own files', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openApp(page);
  await loadDemo(page);
  expect(new URL(page.url()).pathname).toBe('/team/abm/');
  expect(requests.length).toBeGreaterThan(2);
  expect(requests.every((p) => p.startsWith('/team/abm/')), requests.join(', ')).toBe(true);
});

// Its own context: the deliberate violation below must not fail the shared
// "no CSP reports" check that every other test makes.
test('a Content-Security-Policy forbids connections to other hosts', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("default-src 'self'");
  const violated = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective));
        fetch('https://example.com/collect').catch(() => {});
        setTimeout(() => resolve('no violation'), 3000);
      }),
  );
  expect(violated).toBe('connect-src');
  await context.close();
});
