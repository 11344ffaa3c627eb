import { describe, expect, it } from 'vitest';
import { formatClock, serverOffsetMs } from './clock.ts';

describe('serverOffsetMs', () => {
  it('is how far the server is ahead of this browser', () => {
    const received = Date.parse('2026-01-01T10:00:00Z');
    expect(serverOffsetMs('2026-01-01T10:05:00Z', received)).toBe(5 * 60_000);
    expect(serverOffsetMs('2026-01-01T09:59:00Z', received)).toBe(-60_000);
  });
});

describe('formatClock', () => {
  it.each([
    [3_600_000, '60:00'],
    [61_000, '01:01'],
    [999, '00:01'],
    [0, '00:00'],
    [-5_000, '00:00']
  ])('%i ms → %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});
