/** Node-only glue for the harness: Pyodide loaded from node_modules, its extra packages from the bank's vendor folder. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJsRuntime } from './js-runtime.ts';
import { pyodideDir } from './runner-paths.ts';
import { createPythonRuntime, PYTHON_PACKAGES, type PyodideLike } from './python-runtime.ts';
import { transpileTypeScript } from './transpile.ts';
import type { Runtime } from './types.ts';

/** Where the wheels of PYTHON_PACKAGES are kept, so nothing is downloaded (the web build copies them too). */
export const PYTHON_WHEELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../vendor/python');

const indexURL = () => `${pyodideDir()}/`;
const quiet = () => {};

/**
 * A Pyodide with LeetCode's packages, loaded from disk only, and how it started. With `snapshot`
 * (`makePyodideSnapshot`), the interpreter's memory is restored from it instead of booted: 0.5 s in a fresh thread
 * instead of 2.2 s at a load of 0.5 (the packages are loaded after either way). A snapshot that does not restore
 * falls back to the boot.
 */
export async function startPyodide(
  snapshot?: Uint8Array
): Promise<{ pyodide: PyodideLike; from: 'snapshot' | 'boot' }> {
  const { loadPyodide } = await import('pyodide');
  const options = { indexURL: indexURL(), packageCacheDir: PYTHON_WHEELS_DIR, messageCallback: quiet };
  if (snapshot) {
    try {
      // `_loadSnapshot` is marked internal in Pyodide's types; Cloudflare's Python Workers start this way.
      const pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot } as Parameters<typeof loadPyodide>[0]);
      await pyodide.loadPackage(PYTHON_PACKAGES, { messageCallback: quiet });
      return { pyodide: pyodide as unknown as PyodideLike, from: 'snapshot' };
    } catch {
      // Booted below, as without a snapshot.
    }
  }
  const pyodide = await loadPyodide({ ...options, packages: PYTHON_PACKAGES });
  return { pyodide: pyodide as unknown as PyodideLike, from: 'boot' };
}

/** A Pyodide with LeetCode's packages, booted. */
export async function nodePyodide(): Promise<PyodideLike> {
  return (await startPyodide()).pyodide;
}

/**
 * The memory of a Pyodide just booted, before any package or code (a package's JavaScript handles cannot be
 * snapshotted: sortedcontainers' made `makeMemorySnapshot` throw "Unexpected hiwire entry"), for `nodePyodide`.
 */
export async function makePyodideSnapshot(): Promise<Uint8Array> {
  const { loadPyodide } = await import('pyodide');
  const pyodide = await loadPyodide({
    indexURL: indexURL(),
    messageCallback: quiet,
    _makeSnapshot: true
  } as Parameters<typeof loadPyodide>[0]);
  return (pyodide as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
}

/** JavaScript, TypeScript and Python runtimes; Pyodide loads once (a couple of seconds). */
export async function nodeRuntimes(): Promise<Record<'javascript' | 'typescript' | 'python', Runtime>> {
  return {
    javascript: createJsRuntime(),
    typescript: createJsRuntime(transpileTypeScript, 'typescript'),
    python: createPythonRuntime(await nodePyodide())
  };
}
