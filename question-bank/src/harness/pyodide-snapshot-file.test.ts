import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readSnapshot, snapshotFile, SNAPSHOT_DIR, writeSnapshot } from './pyodide-snapshot-file.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mockloop-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps a snapshot inside the clone, named by the Pyodide and the V8 it is of', () => {
  const file = snapshotFile();
  expect(path.dirname(file)).toBe(SNAPSHOT_DIR);
  expect(path.relative(path.resolve(SNAPSHOT_DIR, '../..'), file).startsWith(`.cache${path.sep}`)).toBe(true);
  expect(path.basename(file)).toMatch(/^pyodide-[0-9a-f]{16}\.snapshot$/);
  expect(snapshotFile(dir)).toBe(path.join(dir, path.basename(file)));
});

it('reads back what was written, and nothing from a missing or a too-small file', () => {
  const file = snapshotFile(dir);
  expect(readSnapshot(file)).toBeUndefined();
  const shared = new SharedArrayBuffer(2 << 20);
  new Uint8Array(shared).fill(7, 0, 100).fill(9, 100);
  writeSnapshot(shared, file);
  const read = readSnapshot(file)!;
  expect(read).toBeInstanceOf(SharedArrayBuffer);
  expect(Buffer.from(new Uint8Array(read)).equals(Buffer.from(new Uint8Array(shared)))).toBe(true);
  writeFileSync(file, 'cut short');
  expect(readSnapshot(file)).toBeUndefined();
});
