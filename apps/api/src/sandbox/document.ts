/**
 * The code sandbox's document and the one policy that confines it. The page frames it with
 * `sandbox="allow-scripts"` (an opaque origin: no cookie, no storage of ours) and sends it, over a
 * MessagePort, the worker's script and Pyodide's bytes (and its memory snapshot, once one sandbox made it); its inline boot script starts that worker from a blob,
 * which inherits this Content-Security-Policy. The policy allows no request at all: no fetch, XHR, WebSocket
 * or EventSource (connect-src falls back to 'none'), no script but this boot script and blobs made inside
 * the sandbox, no navigation, no form. The candidate's code can compute, and reach nothing.
 */
import { createHash } from 'node:crypto';

/** Hands the port and the files to a worker made from the script the page sent; then takes no part. */
const BOOT_SCRIPT = `
addEventListener('message', function start(event) {
  var data = event.data, port = event.ports[0];
  if (event.source !== parent || !port || !data || typeof data.workerSource !== 'string') return;
  removeEventListener('message', start);
  var files = data.files && typeof data.files === 'object' ? data.files : {};
  var snapshot = data.snapshot instanceof ArrayBuffer ? data.snapshot : undefined;
  var worker = new Worker(URL.createObjectURL(new Blob([data.workerSource], { type: 'text/javascript' })));
  worker.postMessage({ type: 'init', language: data.language, files: files, snapshot: snapshot }, [port]);
});
`;

const bootHash = createHash('sha256').update(BOOT_SCRIPT).digest('base64');

export const SANDBOX_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // The candidate's JavaScript runs through `new Function`; Pyodide compiles WebAssembly and is imported from
  // blobs made of the bytes the page sent.
  `script-src 'sha256-${bootHash}' blob: 'unsafe-eval' 'wasm-unsafe-eval'`,
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'"
].join('; ');

export const SANDBOX_HTML =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Code runner</title>' +
  `<script>${BOOT_SCRIPT}</script></head><body></body></html>\n`;

/** Response headers for the sandbox document (a version in its query string keeps the cache honest). */
export const SANDBOX_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': SANDBOX_CONTENT_SECURITY_POLICY,
  'Cache-Control': 'public, max-age=86400'
};
