/** Node-only glue for the harness: Pyodide loaded from node_modules, its extra packages from the bank's vendor folder. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJsRuntime } from './js-runtime.ts';
import { createPythonRuntime, PYTHON_PACKAGES, type PyodideLike } from './python-runtime.ts';
import { transpileTypeScript } from './transpile.ts';
import type { Runtime } from './types.ts';

/** Where the wheels of PYTHON_PACKAGES are kept, so nothing is downloaded (the web build copies them too). */
export const PYTHON_WHEELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../vendor/python');

/** A Pyodide with LeetCode's packages, loaded from disk only. */
export async function nodePyodide(): Promise<PyodideLike> {
  const { loadPyodide } = await import('pyodide');
  // Named explicitly: Pyodide guesses its folder from the caller's stack, which a worker thread does not give.
  const indexURL = `${path.dirname(createRequire(import.meta.url).resolve('pyodide'))}/`;
  return (await loadPyodide({
    indexURL,
    packageCacheDir: PYTHON_WHEELS_DIR,
    packages: PYTHON_PACKAGES
  })) as unknown as PyodideLike;
}

/** JavaScript, TypeScript and Python runtimes; Pyodide loads once (a couple of seconds). */
export async function nodeRuntimes(): Promise<Record<'javascript' | 'typescript' | 'python', Runtime>> {
  return {
    javascript: createJsRuntime(),
    typescript: createJsRuntime(transpileTypeScript, 'typescript'),
    python: createPythonRuntime(await nodePyodide())
  };
}
