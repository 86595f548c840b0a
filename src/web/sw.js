// ABM Planner's service worker: after one visit the app opens with no network.
//
// Network first, cache as the fallback: online, every request goes to the server,
// so a new release is picked up at once (nobody is trapped on an old version);
// each good response is kept, and offline the kept copy answers. When a new
// index.html arrives, files it no longer mentions (the last release's hashed
// Wasm, JS and CSS) are dropped from the cache.
const CACHE = 'abm-planner';
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(networkFirst(request, event));
});

async function networkFirst(request, event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
      if (request.mode === 'navigate') event.waitUntil(prune(cache, response.clone()));
    }
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    if (request.mode === 'navigate') {
      const index = await cache.match(new URL('./', self.registration.scope).href);
      if (index) return index;
    }
    throw error;
  }
}

// Drops hashed files the current index.html no longer refers to.
async function prune(cache, indexResponse) {
  const html = await indexResponse.text();
  const wanted = new Set([...html.matchAll(/[\w.-]+-[0-9a-f]{12,16}(?:_bg)?\.(?:js|wasm|css)/g)].map((m) => m[0]));
  for (const request of await cache.keys()) {
    const name = new URL(request.url).pathname.split('/').pop();
    if (HASHED.test(name) && !wanted.has(name)) await cache.delete(request);
  }
}
