import { describe, expect, it } from 'vitest';
import { msSince, phaseAt, phaseMarks, playbackAt, snapshotIndexAt, spanOf } from './replay-timeline.ts';

const START = '2026-12-01T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString();
const plan = [
  { id: 'requirements', name: 'Requirements' },
  { id: 'estimation', name: 'Capacity estimation' },
  { id: 'high-level-design', name: 'High-level design' }
];
const log = [
  { phaseId: 'requirements', startedAt: START },
  { phaseId: 'estimation', startedAt: at(71_000) },
  { phaseId: 'high-level-design', startedAt: at(679_000) }
];

describe('phaseMarks and phaseAt', () => {
  it('places each phase at the time it started, in ms since the session started (01:11 is 71 000 ms)', () => {
    expect(phaseMarks(START, log, plan).map((p) => [p.name, p.ms])).toEqual([
      ['Requirements', 0],
      ['Capacity estimation', 71_000],
      ['High-level design', 679_000]
    ]);
  });

  it.each([
    [0, 'Requirements'],
    [70_999, 'Requirements'],
    [71_000, 'Capacity estimation'],
    [679_000, 'High-level design'],
    [9_999_999, 'High-level design']
  ])('at %i ms the phase is %s', (ms, name) => {
    expect(phaseAt(phaseMarks(START, log, plan), ms)?.name).toBe(name);
  });

  it('names a phase the plan no longer has by its id, and never places one before the start', () => {
    const marks = phaseMarks(START, [{ phaseId: 'gone', startedAt: at(-5_000) }], plan);
    expect(marks).toEqual([{ phaseId: 'gone', startedAt: at(-5_000), name: 'gone', ms: 0 }]);
  });
});

describe('snapshotIndexAt', () => {
  const times = [5_000, 10_000, 15_000, 15_000, 40_000];
  it.each([
    [0, -1],
    [4_999, -1],
    [5_000, 0],
    [12_000, 1],
    [15_000, 3],
    [39_999, 3],
    [40_000, 4],
    [100_000, 4]
  ])('at %i ms shows snapshot %i', (ms, index) => {
    expect(snapshotIndexAt(times, ms)).toBe(index);
  });
  it('shows nothing without snapshots', () => {
    expect(snapshotIndexAt([], 1_000)).toBe(-1);
  });
});

describe('playbackAt', () => {
  // Recording started at 11:19 (679 s), stopped for a reload at 20:00, resumed at 20:02.
  const segments = [
    { segment: 679_000, startMs: 679_000, endMs: 1_200_000 },
    { segment: 1_202_000, startMs: 1_202_000, endMs: 1_500_000 }
  ];

  it('a phase at 01:11, before the recording started, stays at 01:11: silence until 11:19', () => {
    expect(playbackAt(segments, 71_000)).toEqual({ kind: 'silence', segment: segments[0], untilMs: 679_000 });
  });
  it.each([
    [679_000, 0, 0],
    [700_000, 0, 21_000],
    [1_202_500, 1, 500]
  ])('at %i ms plays segment %i from %i ms', (ms, index, offsetMs) => {
    expect(playbackAt(segments, ms)).toEqual({ kind: 'audio', segment: segments[index], offsetMs });
  });
  it('in the gap of a reload, silence until the next segment', () => {
    expect(playbackAt(segments, 1_201_000)).toEqual({ kind: 'silence', segment: segments[1], untilMs: 1_202_000 });
  });
  it('past the end, the end', () => {
    expect(playbackAt(segments, 1_500_000)).toEqual({ kind: 'end' });
    expect(playbackAt([], 0)).toEqual({ kind: 'end' });
  });
});

describe('spanOf and msSince', () => {
  it('runs to the latest of the snapshots, the recording and the phases, at least a second', () => {
    expect(spanOf([], [], [])).toBe(1000);
    expect(spanOf([5_000], [{ segment: 0, startMs: 0, endMs: 9_000 }], [])).toBe(9_000);
    expect(spanOf([5_000], [], phaseMarks(START, log, plan))).toBe(679_000);
  });
  it('counts from the session start', () => {
    expect(msSince(START, at(71_000))).toBe(71_000);
  });
});
