// ABM Planner's service worker: after one visit the app opens with no network.
//
// Network first, cache as the fallback: online, every request goes to the server,
// so a new release is picked up at once (nobody is trapped on an old version);
// each good response is kept, and offline the kept copy answers. The exception
// is a file whose name carries its content's hash (the Wasm, JS and CSS): the
// same name always holds the same bytes, so once kept it is answered from the
// cache with no request at all, whatever cache headers the host sends, and a
// repeat visit downloads no Wasm. A new release names new files, which its
// index.html (network first) asks for. When a new index.html arrives, files it
// no longer mentions (the last release's) are dropped from the cache.
const CACHE = 'abm-planner';
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const hashed = HASHED.test(url.pathname.split('/').pop());
  event.respondWith(hashed ? keptFirst(request, event) : networkFirst(request, event));
});

async function keptFirst(request, event) {
  const kept = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
  return kept ?? networkFirst(request, event);
}

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
