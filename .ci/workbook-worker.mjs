// Trunk post-build step: the workbook worker (src/bin/workbook_worker.rs), which
// Trunk builds beside the app as `workbook-worker.js` and
// `workbook-worker_bg.wasm`. Gives both a content hash in their names (so a host
// may cache them for good, and the service worker drops an old release's copy),
// writes the worker's loader, and names the loader in index.html, where the app
// (browser/workbook_worker.rs) and the service worker find it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('workbook-worker.mjs: no TRUNK_STAGING_DIR');
  process.exit(1);
}
const at = (name) => path.join(dir, name);
const glueFile = 'workbook-worker.js';
const wasmFile = 'workbook-worker_bg.wasm';
if (!fs.existsSync(at(glueFile)) || !fs.existsSync(at(wasmFile))) {
  console.error(`workbook-worker.mjs: Trunk did not write ${glueFile} and ${wasmFile}`);
  process.exit(1);
}
const glue = fs.readFileSync(at(glueFile));
const wasm = fs.readFileSync(at(wasmFile));
const hash = crypto.createHash('sha256').update(glue).update(wasm).digest('hex').slice(0, 16);
const names = { glue: `workbook-worker-${hash}.js`, wasm: `workbook-worker-${hash}_bg.wasm`, loader: `workbook-worker-loader-${hash}.js` };
fs.renameSync(at(glueFile), at(names.glue));
fs.renameSync(at(wasmFile), at(names.wasm));
// The worker's Wasm starts its `main`, which says "ready"; if it cannot load,
// the page hears why instead of waiting.
const loader = `importScripts('./${names.glue}');
wasm_bindgen({ module_or_path: './${names.wasm}' }).catch((e) => postMessage({ failed: String((e && e.message) || e) }));
`;
fs.writeFileSync(at(names.loader), loader);
const file = at('index.html');
const html = fs.readFileSync(file, 'utf8');
const meta = `<meta name="abm-workbook-worker" content="./${names.loader}" data-files="./${names.glue} ./${names.wasm}" />`;
const next = html.replace(/<meta name="abm-workbook-worker"[^>]*>\s*/g, '').replace('</head>', `  ${meta}\n  </head>`);
if (!next.includes(meta)) {
  console.error('workbook-worker.mjs: could not name the worker in index.html');
  process.exit(1);
}
fs.writeFileSync(file, next);
