/** What the page hands a new sandbox: Python's gets the kept Pyodide snapshot, the newest a booted sandbox sent. */
import { beforeAll, expect, it, vi } from 'vitest';

vi.mock('$app/environment', () => ({ version: 'test' }));

beforeAll(() => {
  vi.stubGlobal('fetch', async () => new Response(new Uint8Array([1, 2, 3])));
});

it('hands Python sandboxes the kept snapshot, the newest one replacing the last, and JavaScript none', async () => {
  const { keepPythonSnapshot, sandboxAssets } = await import('./assets.ts');
  expect((await sandboxAssets('python')).snapshot).toBeUndefined();
  const first = new ArrayBuffer(8);
  keepPythonSnapshot(first);
  expect((await sandboxAssets('python')).snapshot).toBe(first);
  expect((await sandboxAssets('javascript')).snapshot).toBeUndefined();
  // A sandbox that could not restore it booted and sent its own: that one is handed on from then.
  const second = new ArrayBuffer(8);
  keepPythonSnapshot(second);
  expect((await sandboxAssets('python')).snapshot).toBe(second);
});
