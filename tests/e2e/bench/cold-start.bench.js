// Cold start (issue 31): from navigation to the first interactive screen
// (`.app[data-ready=true]`, the first run's buttons), in a fresh profile each
// run, over links throttled by the Chrome DevTools Protocol. The release build
// is served with gzip as a static host serves it (the suite's static server
// does not compress). Figures go to target/bench/ui-cold-start.json.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, expect } from '../support/app.js';
import { median, writeBenchResult } from '../support/bench.js';

const dist = path.resolve(import.meta.dirname, '..', process.env.E2E_DIST ?? '../../dist');
const base = '/team/abm/';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };
const hashed = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

/** Serves dist/ under `base`, gzip-compressed (level 9, compressed once per
 * file, as a host serving precompressed files would), hashed files cached for
 * good, or (`everyFileNoCache`) every file to be revalidated, as a host that
 * sends no cache headers of its own leaves them. `server.sent` counts the
 * bytes sent; with `server.link` set, each response waits the link's latency
 * and the time its bytes take (the service worker's own requests escape the
 * page's CDP throttling). */
function gzipServer({ everyFileNoCache = false } = {}) {
  const packed = new Map();
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(base.length)) || 'index.html';
    const file = path.join(dist, rel);
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
    if (!packed.has(file)) packed.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
    res.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'cache-control': hashed.test(rel) && !everyFileNoCache ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    const body = packed.get(file);
    server.sent += body.length;
    const link = server.link;
    if (!link) return res.end(body);
    setTimeout(() => res.end(body), link.latencyMs + (body.length * 8 * 1000) / (link.mbps * 1_000_000));
  });
  server.sent = 0;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const links = [
  { name: 'local', mbps: 0, latencyMs: 0 },
  { name: '50 Mbps / 20 ms', mbps: 50, latencyMs: 20 },
  { name: '10 Mbps / 60 ms', mbps: 10, latencyMs: 60 },
  { name: '3 Mbps / 150 ms', mbps: 3, latencyMs: 150 },
];
const RUNS = 3;

test('cold start to the first interactive screen, gzip served, throttled links', async ({ browser }) => {
  const server = await gzipServer();
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  const results = [];
  for (const link of links) {
    const ms = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      if (link.mbps) {
        const throughput = (link.mbps * 1_000_000) / 8;
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: link.latencyMs, downloadThroughput: throughput, uploadThroughput: throughput });
      }
      await page.goto(url, { waitUntil: 'commit' });
      // The page's own clock (from navigation start) when the first screen is ready.
      const ready = await page.waitForFunction(() => document.querySelector('.app[data-ready=true]') && performance.now(), null, { polling: 'raf', timeout: 60_000 });
      ms.push(await ready.jsonValue());
      await expect(page.getByRole('button', { name: 'Load demo plan' })).toBeVisible();
      // What came over the wire before the screen was ready (compressed).
      bytes = await page.evaluate(() => performance.getEntries().filter((e) => 'transferSize' in e).reduce((n, e) => n + e.transferSize, 0));
      await context.close();
    }
    results.push({ link: link.name, medianMs: Math.round(median(ms)), runsMs: ms.map(Math.round), transferredKB: Math.round(bytes / 1024) });
  }
  server.close();
  const worker = fs.readdirSync(dist).filter((f) => f.startsWith('workbook-worker')).reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  writeBenchResult('ui-cold-start.json', browser, { results, workbookWorkerGzipKB: Math.round(worker / 1024), notLoadedAtStart: 'the workbook worker' });
});

// Repeat visits (issue 31): the same browser profile opens the app again, once
// the service worker has kept the app's files (and the workbook worker's, a
// few seconds after the page settles). Measured with a host that sends
// `immutable` for hashed files and with one that has every file revalidated
// (`no-cache`), the worst a host does. Figures go to target/bench/ui-repeat-visit.json.
test('repeat visit to the first interactive screen, service worker and HTTP cache', async ({ browser }) => {
  const results = [];
  for (const everyFileNoCache of [false, true]) {
    const server = await gzipServer({ everyFileNoCache });
    const url = `http://127.0.0.1:${server.address().port}${base}`;
    for (const link of links.filter((l) => l.mbps === 10 || l.mbps === 3)) {
      const ms = [];
      const sent = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ locale: 'en-US' });
        const page = await context.newPage();
        await page.goto(url);
        await expect(page.locator('.app[data-ready=true]')).toBeVisible();
        await page.evaluate(() => navigator.serviceWorker.ready);
        await page.reload();
        await expect(page.locator('.app[data-ready=true]')).toBeVisible();
        const keptWorker = () => page.evaluate(async () => (await (await caches.open('abm-planner')).keys()).filter((r) => /workbook-worker/.test(r.url)).length);
        await expect.poll(keptWorker, { timeout: 20_000 }).toBe(3);
        server.sent = 0;
        server.link = link;
        await page.reload({ waitUntil: 'commit' });
        const ready = await page.waitForFunction(() => document.querySelector('.app[data-ready=true]') && performance.now(), null, { polling: 'raf', timeout: 60_000 });
        ms.push(await ready.jsonValue());
        sent.push(server.sent);
        server.link = null;
        await context.close();
      }
      results.push({ host: everyFileNoCache ? 'every file no-cache' : 'hashed files immutable', link: link.name, medianMs: Math.round(median(ms)), runsMs: ms.map(Math.round), sentKB: sent.map((b) => Math.round(b / 1024)) });
    }
    server.close();
  }
  writeBenchResult('ui-repeat-visit.json', browser, { results });
});
