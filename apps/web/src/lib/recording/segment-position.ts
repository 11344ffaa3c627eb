/** Where a moment of the session falls in a recording made of segments (times in ms from the session's start). */
import type { RecordingSegment } from '@mockloop/contracts';

type Span = Pick<RecordingSegment, 'segment' | 'startMs' | 'endMs'>;

/** The segment after `segment`, if any. */
export function nextSegment<S extends Span>(segments: readonly S[], segment: S): S | null {
  return segments[segments.indexOf(segment) + 1] ?? null;
}

/** The ms covered by the segments (overlaps counted once) within [fromMs, toMs]. */
export function coveredMs(segments: readonly Span[], fromMs: number, toMs: number): number {
  let covered = 0;
  let reached = fromMs;
  for (const s of [...segments].sort((a, b) => a.startMs - b.startMs)) {
    const start = Math.max(s.startMs, reached);
    const end = Math.min(s.endMs, toMs);
    if (end > start) covered += end - start;
    reached = Math.max(reached, end);
  }
  return covered;
}
