import { describe, expect, it } from 'vitest';
import { segmentsOf } from './segments.ts';

const chunk = (segment: number, seq: number, startMs: number, durationMs = 1000, bytes = 10) => ({
  segment,
  seq,
  startMs,
  durationMs,
  bytes,
  at: new Date(0)
});

describe('segmentsOf', () => {
  it('is empty for no chunks', () => {
    expect(segmentsOf([])).toEqual([]);
  });

  it('groups by segment, in segment order, with the span each covers', () => {
    const segments = segmentsOf([chunk(500, 0, 500), chunk(500, 1, 1500, 900), chunk(9000, 0, 9000, 1000, 7)]);
    expect(segments).toEqual([
      { segment: 500, startMs: 500, endMs: 2400, chunks: 2, bytes: 20, missing: [] },
      { segment: 9000, startMs: 9000, endMs: 10000, chunks: 1, bytes: 7, missing: [] }
    ]);
  });

  it('names the chunk numbers missing below the highest stored', () => {
    const [segment] = segmentsOf([chunk(0, 0, 0), chunk(0, 3, 3000)]);
    expect(segment?.missing).toEqual([1, 2]);
  });
});
