import { describe, expect, it } from 'vitest';
import { sandboxResponse } from './responses.ts';

describe('a sandbox’s answer to a load', () => {
  it('keeps the Pyodide snapshot a booted Python sandbox sends, and what a restored one says', () => {
    const snapshot = new ArrayBuffer(1024);
    expect(sandboxResponse.parse({ id: 1, type: 'loaded', snapshot })).toEqual({ id: 1, type: 'loaded', snapshot });
    expect(sandboxResponse.parse({ id: 2, type: 'loaded', restored: true })).toEqual({
      id: 2,
      type: 'loaded',
      restored: true
    });
  });

  it('drops a snapshot that is not bytes, or a restored flag that is not a boolean, and keeps the answer', () => {
    const parsed = sandboxResponse.parse({ id: 3, type: 'loaded', snapshot: 'not bytes', restored: 'yes' });
    expect(parsed).toEqual({ id: 3, type: 'loaded' });
    expect(sandboxResponse.parse({ id: 4, type: 'loaded', snapshot: new Uint8Array(8) })).toEqual({
      id: 4,
      type: 'loaded'
    });
  });
});
