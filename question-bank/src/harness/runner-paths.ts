/** Where the Node runner's files are: its cache folder inside the clone, and Pyodide's folder in node_modules. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The worker bundle (`worker-bundle.ts`) and the Pyodide snapshot (`pyodide-snapshot-file.ts`), under the
 * repository's `.cache` (ignored by git): the suite needs no folder outside the clone.
 */
export const RUNNER_CACHE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../.cache/node-runner'
);

/** Pyodide's folder, named explicitly: Pyodide guesses it from the caller's stack, which a worker thread does not give. */
export function pyodideDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('pyodide'));
}
