// Trunk post-build hook, in order: the workbook worker's hashed files and loader
// (workbook-worker.mjs), the Content-Security-Policy of index.html (csp.mjs),
// then the single-file build made from the result (single-file.mjs).
await import('./workbook-worker.mjs');
await import('./csp.mjs');
await import('./single-file.mjs');
