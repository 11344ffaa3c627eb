import { describe, expect, it } from 'vitest';
import { coveredMs, nextSegment } from './segment-position.ts';

const segments = [
  { segment: 0, startMs: 0, endMs: 5000 },
  { segment: 6000, startMs: 6000, endMs: 9000 }
];

describe('nextSegment', () => {
  it('knows the next segment', () => {
    expect(nextSegment(segments, segments[0]!)).toBe(segments[1]);
    expect(nextSegment(segments, segments[1]!)).toBeNull();
  });
});

describe('coveredMs', () => {
  it('counts what the segments cover within a span, overlaps once', () => {
    expect(coveredMs(segments, 0, 9000)).toBe(8000);
    expect(coveredMs(segments, 4000, 7000)).toBe(2000);
    expect(coveredMs([...segments, { segment: 1, startMs: 1000, endMs: 2000 }], 0, 9000)).toBe(8000);
    expect(coveredMs([], 0, 1000)).toBe(0);
  });
});
