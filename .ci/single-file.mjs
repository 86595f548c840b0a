// Trunk post-build step: the single-file build. Writes abm-planner.html next to
// index.html with the Wasm (base64), the JS glue and the CSS inlined, so a
// consultant can mail one file that works when opened from disk (file://),
// saving to the browser's local storage as usual; the workbook worker is inside
// too. Its Content-Security-Policy allows exactly its own inline script and style
// (by hash), that worker, and no connections.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('single-file.mjs: no TRUNK_STAGING_DIR');
  process.exit(1);
}
const read = (name) => fs.readFileSync(path.join(dir, name));
const index = read('index.html').toString('utf8');
const jsName = index.match(/from '\.\/([\w.-]+\.js)'/)?.[1];
const wasmName = index.match(/module_or_path: '\.\/([\w.-]+\.wasm)'/)?.[1];
const cssNames = [...index.matchAll(/<link rel="stylesheet" href="\.\/([\w.-]+\.css)"[^>]*>/g)].map((m) => m[1]);
if (!jsName || !wasmName || cssNames.length === 0) {
  console.error('single-file.mjs: could not find the JS, Wasm or CSS in index.html');
  process.exit(1);
}
const worker = index.match(/<meta name="abm-workbook-worker"[^>]*data-files="\.\/([\w.-]+\.js) \.\/([\w.-]+\.wasm)"/);
if (!worker) {
  console.error('single-file.mjs: could not find the workbook worker in index.html');
  process.exit(1);
}
const css = cssNames.map((n) => read(n).toString('utf8')).join('\n');
const glue = read(jsName).toString('utf8');
const wasm = read(wasmName).toString('base64');
const bytesOf = `function __abmBytesOf(encoded) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(encoded);
  const text = atob(encoded);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}`;
// The workbook worker, whole in one script: the app starts it from a blob: URL
// the first time a workbook is read or written (browser/workbook_worker.rs).
const workerScript = `${read(worker[1]).toString('utf8')}
${bytesOf}
wasm_bindgen({ module_or_path: __abmBytesOf(${JSON.stringify(read(worker[2]).toString('base64'))}) })
  .catch((e) => postMessage({ failed: String((e && e.message) || e) }));
`;
// The glue is an ES module; inline, it runs as one, then starts the app from the
// embedded bytes instead of fetching a file.
const script = `${glue}
${bytesOf}
let __abmWorkerUrl;
Object.defineProperty(globalThis, 'abmWorkbookWorker', {
  get: () => (__abmWorkerUrl ??= URL.createObjectURL(new Blob([${JSON.stringify(workerScript)}], { type: 'text/javascript' }))),
});
const __abmStarted = await __wbg_init({ module_or_path: __abmBytesOf(${JSON.stringify(wasm)}) });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: __abmStarted } }));
`;
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const policy = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${hash(script)}`,
  `style-src ${hash(css)}`,
  'img-src data: blob:',
  'worker-src blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const icon = `data:image/svg+xml;base64,${read('icon.svg').toString('base64')}`;
// `</script` inside the glue would end the element early; the glue never has it.
if (script.includes('</script')) {
  console.error('single-file.mjs: the script contains </script');
  process.exit(1);
}
const html = `<!DOCTYPE html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>ABM Planner</title>
    <link rel="icon" href="${icon}" />
    <style>${css}</style>
    <script type="module">${script}</script>
  </head>
  <body>
    <noscript>ABM Planner needs JavaScript and WebAssembly. / ABMプランナーの利用にはJavaScriptとWebAssemblyが必要です。</noscript>
  </body>
</html>
`;
fs.writeFileSync(path.join(dir, 'abm-planner.html'), html);
