import { describe, expect, it } from 'vitest';
import { levels, rms, talkStats, WINDOW_MS } from './talk.ts';

const track = (startMs: number, pattern: string) => ({
  startMs,
  levels: [...pattern].map((c) => (c === 'x' ? 0.3 : 0.001))
});
const phases = [
  { id: 'a', name: 'A', startMs: 0, endMs: 1000 },
  { id: 'b', name: 'B', startMs: 1000, endMs: 10_000 }
];

describe('rms and levels', () => {
  it('measures a constant signal as its amplitude, and silence as zero', () => {
    expect(rms(new Float32Array([0.5, -0.5, 0.5, -0.5]), 0, 4)).toBeCloseTo(0.5);
    expect(rms(new Float32Array(8), 0, 8)).toBe(0);
    expect(levels(new Float32Array(1000).fill(0.1), 1000)).toHaveLength(1000 / WINDOW_MS);
  });
});

describe('talkStats', () => {
  it('counts spoken windows per phase and in all', () => {
    // 10 windows (1 s) in A, all spoken; 10 in B, 4 spoken.
    const stats = talkStats([track(0, 'xxxxxxxxxx' + 'xx......xx')], phases);
    expect(stats.phases.map((p) => [p.id, p.spokenMinutes * 60, p.recordedMinutes * 60])).toEqual([
      ['a', 1, 1],
      ['b', 0.4, 1]
    ]);
    expect(stats.spokenMinutes * 60).toBeCloseTo(1.4);
  });

  it('finds the longest silence and where it began', () => {
    const stats = talkStats([track(0, 'x...x......x')], phases);
    expect(stats.longestSilenceMs).toBe(600);
    expect(stats.longestSilenceAtMs).toBe(500);
  });

  it('does not count a gap between segments as silence', () => {
    const stats = talkStats([track(0, 'x..'), track(5000, '..x')], phases);
    expect(stats.longestSilenceMs).toBe(200);
  });

  it('has no silence without a recording', () => {
    expect(talkStats([], phases)).toMatchObject({ spokenMinutes: 0, longestSilenceMs: 0 });
  });
});
