/**
 * The Node runner's Pyodide snapshot kept on disk under the repository's `.cache`, so the suite's processes (each
 * test file is one) and the bank's scripts restore Pyodide from their first Python thread on, instead of each
 * booting it twice (its first thread, and the thread that makes the snapshot). Named by what the snapshot depends
 * on: Pyodide's version and WebAssembly, and V8's version. Written through a rename, so a process never reads
 * another's half-written file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pyodideDir, RUNNER_CACHE_DIR } from './runner-paths.ts';

export const SNAPSHOT_DIR = RUNNER_CACHE_DIR;
/** A snapshot is tens of MiB (30 for Pyodide 314); a file smaller than this is not one. */
const LEAST_BYTES = 1 << 20;

/** The file a snapshot of this Pyodide under this V8 is kept in. */
export function snapshotFile(dir = SNAPSHOT_DIR): string {
  const { version } = JSON.parse(readFileSync(path.join(pyodideDir(), 'package.json'), 'utf8')) as {
    version: string;
  };
  const wasm = statSync(path.join(pyodideDir(), 'pyodide.asm.wasm'));
  const key = createHash('sha256')
    .update(`${version}\n${wasm.size}\n${wasm.mtimeMs}\n${process.versions.v8}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(dir, `pyodide-${key}.snapshot`);
}

/** The kept snapshot in memory shared by threads, or undefined when there is none (or it cannot be read). */
export function readSnapshot(file = snapshotFile()): SharedArrayBuffer | undefined {
  try {
    if (!existsSync(file) || statSync(file).size < LEAST_BYTES) return undefined;
    const bytes = readFileSync(file);
    const shared = new SharedArrayBuffer(bytes.byteLength);
    new Uint8Array(shared).set(bytes);
    return shared;
  } catch {
    return undefined;
  }
}

/** Keeps a snapshot for the next processes; a failure to write leaves them making their own. */
export function writeSnapshot(shared: SharedArrayBuffer, file = snapshotFile()): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(partial, new Uint8Array(shared));
    renameSync(partial, file);
  } catch {
    // Not kept: the next process makes one.
  }
}
