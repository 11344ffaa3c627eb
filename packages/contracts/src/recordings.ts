/**
 * A session's voice recording: segments of Opus-in-WebM, each uploaded as numbered chunks while it records. A
 * segment starts whenever the recorder starts (a reload mid-recording starts a new one), so each is a valid WebM
 * stream from its first chunk; times are milliseconds from the session's start on the server's clock.
 */
import { z } from 'zod';
import { MAX_RECORDING_CHUNK_BYTES } from './constants.ts';

const DAY_MS = 24 * 60 * 60_000;
const offsetMs = z.int().min(0).max(DAY_MS);

export const recordingChunkBodySchema = z.object({
  /** The segment's start (ms from the session's start): names the segment, and orders the segments. */
  segment: offsetMs,
  /** The chunk's number within its segment, from 0. */
  seq: z.int().min(0).max(100_000),
  /** When the chunk's audio starts, in ms from the session's start. */
  startMs: offsetMs,
  /** How much audio it holds, in ms. */
  durationMs: z.int().min(0).max(60_000),
  /** `call`: the live room's call, both voices; stored only while the candidate and an interviewer agree. */
  source: z.enum(['voice', 'call']).default('voice'),
  /** The chunk's bytes, base64 (the WebM stream's next bytes; chunk 0 carries its header). */
  data: z.base64().max(Math.ceil(MAX_RECORDING_CHUNK_BYTES / 3) * 4)
});
export type RecordingChunkBody = z.infer<typeof recordingChunkBodySchema>;

export const recordingChunkAckSchema = z.object({
  segment: z.int(),
  seq: z.int(),
  /** False when this chunk was already stored (a retry): nothing was added. */
  stored: z.boolean(),
  /** The session's recording, all segments, in bytes, and the most it may hold. */
  bytes: z.int(),
  limitBytes: z.int()
});
export type RecordingChunkAck = z.infer<typeof recordingChunkAckSchema>;

export const recordingSegmentSchema = z.object({
  segment: z.int(),
  /** Start and end of the audio it holds, ms from the session's start. */
  startMs: z.int(),
  endMs: z.int(),
  chunks: z.int(),
  bytes: z.int(),
  /** Chunk numbers missing below the highest stored one (still uploading, or lost). */
  missing: z.array(z.int())
});
export type RecordingSegment = z.infer<typeof recordingSegmentSchema>;

export const recordingSchema = z.object({
  segments: z.array(recordingSegmentSchema),
  bytes: z.int(),
  limitBytes: z.int(),
  mimeType: z.string()
});
export type Recording = z.infer<typeof recordingSchema>;

export const RECORDING_MIME_TYPE = 'audio/webm;codecs=opus';
