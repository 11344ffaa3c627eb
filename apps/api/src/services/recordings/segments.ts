/** A recording's chunks grouped into its segments, as the replay and the export list them. */
import type { RecordingSegment } from '@mockloop/contracts';
import type { ChunkInfo } from '../../db/recordings-repo.ts';

/** Chunks in (segment, seq) order → one entry a segment, with the span it covers and any numbers missing. */
export function segmentsOf(chunks: readonly ChunkInfo[]): RecordingSegment[] {
  const bySegment = new Map<number, ChunkInfo[]>();
  for (const chunk of chunks) {
    const list = bySegment.get(chunk.segment) ?? [];
    list.push(chunk);
    bySegment.set(chunk.segment, list);
  }
  return [...bySegment.entries()]
    .sort(([a], [b]) => a - b)
    .map(([segment, list]) => {
      const seqs = new Set(list.map((c) => c.seq));
      const highest = Math.max(...seqs);
      const missing = Array.from({ length: highest + 1 }, (_, i) => i).filter((i) => !seqs.has(i));
      return {
        segment,
        startMs: Math.min(...list.map((c) => c.startMs)),
        endMs: Math.max(...list.map((c) => c.startMs + c.durationMs)),
        chunks: list.length,
        bytes: list.reduce((sum, c) => sum + c.bytes, 0),
        missing
      };
    });
}
