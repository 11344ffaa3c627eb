import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPresenceBeat } from './presence-beat.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createPresenceBeat', () => {
  it('refreshes every stream of the instance in one write a beat, and stops once none is left', async () => {
    const writes: string[][] = [];
    const beat = createPresenceBeat(
      async (ids) => void writes.push(ids),
      () => new Date(),
      { everyMs: 1000 }
    );
    for (let i = 0; i < 200; i++) beat.add(`room-${i}:stream`);
    await vi.advanceTimersByTimeAsync(999);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toHaveLength(200);
    for (let i = 0; i < 199; i++) beat.remove(`room-${i}:stream`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes[1]).toEqual(['room-199:stream']);
    beat.remove('room-199:stream');
    await vi.advanceTimersByTimeAsync(5000);
    expect(writes).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps beating after a refresh the database refused', async () => {
    let calls = 0;
    const beat = createPresenceBeat(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
      },
      () => new Date(),
      { everyMs: 1000 }
    );
    beat.add('room:stream');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toBe(2);
    beat.remove('room:stream');
  });
});
