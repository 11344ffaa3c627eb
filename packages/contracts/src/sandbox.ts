/**
 * Where the code sandbox lives, for the page that frames it and the server that serves it. The sandbox
 * document makes no request of its own: the page hands it the worker's script and Pyodide's files.
 */

/** The document framed with `sandbox="allow-scripts"` (served by the API process with its own policy). */
export const SANDBOX_DOCUMENT = '/sandbox/runner.html';
/** The worker's script with the harness, built by apps/web/scripts/build-sandbox.js. */
export const SANDBOX_WORKER = '/sandbox/worker.js';
/** Pyodide's files, served by us at /pyodide/; the page fetches them and passes the bytes in. */
export const PYODIDE_PATH = '/pyodide/';
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
  // LeetCode's sortedcontainers, served beside Pyodide (apps/web/scripts/copy-vendor-assets.js).
  'sortedcontainers-2.4.0-py2.py3-none-any.whl'
] as const;
export type PyodideFile = (typeof PYODIDE_FILES)[number];

/** Marks the page sets around Python's load (bench/coding-runtimes.ts measures it against a bare page's). */
export const PYTHON_LOAD_MARKS = {
  start: 'mockloop:python-load',
  ready: 'mockloop:python-ready',
  /** A later Python sandbox (the spare, a fresh one) that restored Pyodide from the first one's snapshot. */
  restored: 'mockloop:python-restored'
} as const;
