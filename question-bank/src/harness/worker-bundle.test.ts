import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { workerBundle } from './worker-bundle.ts';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

it('bundles the worker once per process, inside the clone, with the harness folder as its import.meta.url', () => {
  const file = workerBundle();
  expect(workerBundle()).toBe(file);
  expect(path.relative(repository, file).startsWith(`.cache${path.sep}`)).toBe(true);
  const code = readFileSync(file, 'utf8');
  // Paths the worker resolves from its own module (the Python wheels, Pyodide) resolve as from the source.
  expect(code).not.toContain('import.meta.url');
  expect(code).toContain(JSON.stringify(new URL('./node-runner.worker.ts', import.meta.url).href));
  // The packages stay imports from node_modules, not copies.
  expect(code).toMatch(/from "sucrase"/);
});
