/**
 * The replay's timeline: every time in it is ms since the session started. Where a phase, a snapshot and a moment
 * of the recording fall, and what the player does at a moment: play a segment from an offset, stay silent until
 * the recording starts (a phase before the candidate pressed Record), or stop past its end.
 */
import type { RecordingSegment } from '@mockloop/contracts';

type Span = Pick<RecordingSegment, 'segment' | 'startMs' | 'endMs'>;

export interface PhaseMark {
  phaseId: string;
  name: string;
  startedAt: string;
  /** When the phase started, in ms since the session started (never before 0). */
  ms: number;
}

/** `at` (an ISO time) as ms since `startedAt`. */
export function msSince(startedAt: string, at: string): number {
  return Date.parse(at) - Date.parse(startedAt);
}

/** Each phase the session went through, named, at the time it started. */
export function phaseMarks(
  startedAt: string,
  phaseLog: { phaseId: string; startedAt: string }[],
  phasePlan: { id: string; name: string }[]
): PhaseMark[] {
  return phaseLog.map((entry) => ({
    ...entry,
    ms: Math.max(0, msSince(startedAt, entry.startedAt)),
    name: phasePlan.find((p) => p.id === entry.phaseId)?.name ?? entry.phaseId
  }));
}

/** The phase under way at `ms` (the first before the first started). */
export function phaseAt(phases: PhaseMark[], ms: number): PhaseMark | null {
  return phases.findLast((p) => p.ms <= ms) ?? phases[0] ?? null;
}

/** The index of the last snapshot taken at or before `ms` (`times` oldest first); -1 before the first. */
export function snapshotIndexAt(times: number[], ms: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (times[mid]! <= ms) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** How long the timeline runs: to its last snapshot, the recording's end or the last phase, whichever is latest. */
export function spanOf(snapshotTimes: number[], segments: Span[], phases: PhaseMark[]): number {
  return Math.max(1000, ...snapshotTimes, ...segments.map((s) => s.endMs), ...phases.map((p) => p.ms));
}

/** What the player does at a moment of the session. */
export type Playback<S extends Span = Span> =
  | { kind: 'audio'; segment: S; offsetMs: number }
  /** Nothing was recorded here: the clock runs silently until `segment` starts at `untilMs`. */
  | { kind: 'silence'; segment: S; untilMs: number }
  | { kind: 'end' };

/** The segment playing at `ms` and where in it; silence before a segment (or in a gap); the end past the last. */
export function playbackAt<S extends Span>(segments: readonly S[], ms: number): Playback<S> {
  const segment = segments.find((s) => ms < s.endMs);
  if (!segment) return { kind: 'end' };
  if (ms < segment.startMs) return { kind: 'silence', segment, untilMs: segment.startMs };
  return { kind: 'audio', segment, offsetMs: ms - segment.startMs };
}
