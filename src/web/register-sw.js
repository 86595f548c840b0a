// Registers the service worker that keeps the app usable offline. Served pages
// only: a file opened from disk (the single-file build) cannot have one.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Offline use is a bonus: the app works without it.
  });
  addEventListener('load', () => setTimeout(keepWorkbookWorker, 3000));
}

// The workbook worker (Excel in and out) is downloaded on first use, not with
// the first screen. Once the page has settled, its files are fetched through the
// service worker, which keeps them, so workbooks work offline too: once per
// release, only files the cache does not hold yet.
async function keepWorkbookWorker() {
  const meta = document.querySelector('meta[name=abm-workbook-worker]');
  if (!meta || !('caches' in self)) return;
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) return;
  const cache = await caches.open('abm-planner');
  for (const url of [meta.content, ...(meta.dataset.files ?? '').split(' ').filter(Boolean)]) {
    if (!(await cache.match(url))) await fetch(url).catch(() => {});
  }
}
