/**
 * The Node runner's Python threads: once the Pyodide snapshot is ready (kept in .cache, or made by the process), a
 * fresh thread restores it instead of booting, and judges as a booted one does (LeetCode's packages, the interrupt
 * that stops a time-out).
 */
import { afterAll, expect, it } from 'vitest';
import { NodeRunner, pythonSnapshotReady } from './node-runner.ts';
import { readSnapshot } from './pyodide-snapshot-file.ts';
import type { Problem } from './types.ts';

const median: Problem = {
  comparator: 'exact',
  signature: {
    kind: 'function',
    name: 'middle',
    pythonName: 'middle',
    params: [{ name: 'nums', type: 'json' }],
    returns: 'json'
  }
};
const code = [
  'def middle(nums):',
  '    values = SortedList(nums)',
  '    if nums == [-1]:',
  '        while True:',
  '            pass',
  '    return values[len(values) // 2]',
  ''
].join('\n');

const runner = new NodeRunner('python');
afterAll(() => runner.dispose());

it('restores Pyodide from the snapshot in a fresh thread, with the packages and the interrupt working', async () => {
  expect(await runner.prepare(code, median)).toBeNull();
  const booted = await runner.run([[5, 1, 4, 2, 3]], 60_000);
  expect(booted).toMatchObject({ kind: 'result', value: 3 });
  // The snapshot is read from the repository's .cache, or made beside the first thread and kept there.
  await expect.poll(pythonSnapshotReady, { timeout: 120_000, interval: 200 }).toBe(true);
  expect(readSnapshot()?.byteLength).toBeGreaterThan(1 << 20);
  // The spare thread taken at the next restart may have started with the first, before a snapshot was ready.
  await runner.restart();
  expect(['snapshot', 'boot']).toContain(await runner.startedFrom());
  await runner.restart();
  expect(await runner.startedFrom()).toBe('snapshot');
  expect(await runner.run([[5, 1, 4, 2, 3]], 60_000)).toMatchObject({ kind: 'result', value: 3 });
  expect(await runner.run([[-1]], 1_000)).toEqual({ kind: 'timeout' });
  expect(await runner.startedFrom()).toBe('snapshot');
  expect(await runner.run([[9, 7, 8]], 60_000)).toMatchObject({ kind: 'result', value: 8 });
}, 180_000);
