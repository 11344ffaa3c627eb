/**
 * The Node runner's worker as one JavaScript file, bundled once per process with esbuild. Loaded through tsx, a
 * fresh thread spent about 270 ms registering the loader and 150 ms more compiling the worker's modules at a load of
 * 6 on two cores, and the judge starts a fresh thread for every ladder (over two hundred in the bank's checks).
 * The bundle keeps the packages as imports (resolved from the repository's node_modules) and the harness's
 * `import.meta.url` as the harness folder's, so paths such as the Python wheels' resolve as in the source.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { RUNNER_CACHE_DIR } from './runner-paths.ts';

const HARNESS_DIR = path.dirname(fileURLToPath(import.meta.url));
const ENTRY = path.join(HARNESS_DIR, 'node-runner.worker.ts');

let built: string | undefined;

/**
 * The bundle's path, built on the first call of this process. Named by its content's hash and written through a
 * rename, so processes building at once (the suite's parallel files) never read a half-written file.
 */
export function workerBundle(): string {
  if (built) return built;
  const { outputFiles } = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(ENTRY).href) },
    logLevel: 'error'
  });
  const code = outputFiles[0]!.contents;
  const file = path.join(
    RUNNER_CACHE_DIR,
    `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`
  );
  if (!existsSync(file)) {
    mkdirSync(RUNNER_CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  built = file;
  return file;
}
