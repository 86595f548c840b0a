// Registers the service worker that keeps the app usable offline. Served pages
// only: a file opened from disk (the single-file build) cannot have one.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Offline use is a bonus: the app works without it.
  });
}
