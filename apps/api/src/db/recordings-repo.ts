/**
 * `recording_chunks` and `recordings`: a session's voice recording, one document a chunk, and its manifest.
 *
 * Every read is a lookup by `_id` (the one lookup the embedded server answers from an index), so a recording costs
 * the same however much audio other users have stored:
 * - a chunk's `_id` is "<session>:<segment>:<seq>", so a retried upload collides instead of being stored twice;
 * - the manifest (`recordings`, one document a session, `_id` the session's) holds the byte count, checked against
 *   the session's limit, and the list of the chunks stored, which listing, export and playback read instead of
 *   searching the chunks.
 * Recordings stored before the manifest kept its list are listed once by a search and the list written back.
 */
import { Binary, type ObjectId } from 'mongodb';
import type { Database, RecordingChunkDoc, RecordingChunkEntry } from './client.ts';
import { collidesOnKey, isDuplicateKey } from './duplicate-key.ts';

export type ChunkInfo = Omit<RecordingChunkEntry, 'id'>;

/** Parallel `_id` reads of a segment's chunks at a time. */
const READS_IN_FLIGHT = 16;

export const chunkId = (sessionId: ObjectId, segment: number, seq: number) =>
  `${sessionId.toHexString()}:${segment}:${seq}`;

/**
 * Each chunk once: the embedded server's conditional update is not atomic, so two requests listing the same
 * chunk at the same moment can both add it.
 */
function unique(chunks: RecordingChunkEntry[]): RecordingChunkEntry[] {
  const seen = new Set<string>();
  return chunks.filter((c) => {
    const key = String(c.id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const bySegmentAndSeq = (a: ChunkInfo, b: ChunkInfo) => a.segment - b.segment || a.seq - b.seq;

export function createRecordingsRepo(db: Database) {
  /** The manifest's list of chunks; an older recording's is built once from its chunks and stored. */
  async function entries(sessionId: ObjectId): Promise<RecordingChunkEntry[]> {
    const manifest = await db.recordings.findOne({ _id: sessionId });
    if (!manifest) return [];
    if (manifest.chunks) return unique(manifest.chunks);
    const docs = await db.recordingChunks.find({ sessionId }, { projection: { data: 0 } }).toArray();
    const chunks = docs.map(({ _id, sessionId: _s, ...info }) => ({ id: _id, ...info }));
    await db.recordings.updateOne({ _id: sessionId, chunks: { $exists: false } }, { $set: { chunks } });
    return chunks;
  }

  return {
    /** Whether the manifest lists the chunk (stored and counted). */
    async hasChunk(sessionId: ObjectId, segment: number, seq: number): Promise<boolean> {
      return (await entries(sessionId)).some((c) => c.segment === segment && c.seq === seq);
    },

    /**
     * Counts `bytes` more against the session's limit, atomically: the new total, or null when it would pass
     * `limit` (nothing counted). A missing manifest is created by the upsert (with an empty list); one too full
     * to match the filter makes the upsert collide on `_id` instead.
     */
    async reserve(sessionId: ObjectId, bytes: number, limit: number): Promise<number | null> {
      await entries(sessionId); // an older recording gets its list before anything is added to it
      try {
        const doc = await db.recordings.findOneAndUpdate(
          { _id: sessionId, bytes: { $lte: limit - bytes } },
          { $inc: { bytes }, $setOnInsert: { chunks: [] } },
          { upsert: true, returnDocument: 'after' }
        );
        return doc?.bytes ?? bytes;
      } catch (error) {
        if (isDuplicateKey(error)) return null;
        throw error;
      }
    },

    async release(sessionId: ObjectId, bytes: number): Promise<void> {
      await db.recordings.updateOne({ _id: sessionId }, { $inc: { bytes: -bytes } });
    },

    async bytes(sessionId: ObjectId): Promise<number> {
      return (await db.recordings.findOne({ _id: sessionId }))?.bytes ?? 0;
    },

    /**
     * Stores a chunk and lists it in the manifest; false when it was already stored (its bytes were counted by the
     * request that stored it). A chunk stored by a request that died before listing it is listed by its retry.
     */
    async insertChunk(sessionId: ObjectId, chunk: ChunkInfo, data: Uint8Array): Promise<boolean> {
      const id = chunkId(sessionId, chunk.segment, chunk.seq);
      const doc: RecordingChunkDoc = { _id: id, sessionId, ...chunk, data: new Binary(data) };
      const stored = !(await collidesOnKey(db.recordingChunks.insertOne(doc)));
      await db.recordings.updateOne(
        { _id: sessionId, 'chunks.id': { $ne: id } },
        { $push: { chunks: { id, ...chunk } } }
      );
      return stored;
    },

    /** Every chunk without its bytes, by segment then number. */
    async chunks(sessionId: ObjectId): Promise<ChunkInfo[]> {
      return (await entries(sessionId)).map(({ id: _id, ...info }) => info).sort(bySegmentAndSeq);
    },

    /** The chunks of many sessions (the export), without their bytes: one manifest read each. */
    async chunksFor(sessionIds: ObjectId[]): Promise<(ChunkInfo & { sessionId: ObjectId })[]> {
      const lists = await Promise.all(
        sessionIds.map(async (sessionId) =>
          (await entries(sessionId)).map(({ id: _id, ...info }) => ({ sessionId, ...info }))
        )
      );
      return lists.flat().sort(bySegmentAndSeq);
    },

    /** A segment's bytes, its chunks in order: the WebM stream as recorded (gaps, if any, left out). */
    async segmentBytes(sessionId: ObjectId, segment: number): Promise<Buffer | null> {
      const ids = (await entries(sessionId))
        .filter((c) => c.segment === segment)
        .sort(bySegmentAndSeq)
        .map((c) => c.id);
      if (ids.length === 0) return null;
      const parts: Buffer[] = new Array(ids.length);
      for (let from = 0; from < ids.length; from += READS_IN_FLIGHT) {
        await Promise.all(
          ids.slice(from, from + READS_IN_FLIGHT).map(async (id, i) => {
            const doc = await db.recordingChunks.findOne({ _id: id });
            parts[from + i] = doc ? Buffer.from(doc.data.buffer) : Buffer.alloc(0);
          })
        );
      }
      return Buffer.concat(parts);
    },

    /** Deletes the chunks the manifest lists, then the manifest; answers how many chunks went. */
    async deleteForSession(sessionId: ObjectId): Promise<number> {
      const ids = (await entries(sessionId)).map((c) => c.id);
      let deleted = 0;
      for (const id of ids) deleted += (await db.recordingChunks.deleteOne({ _id: id })).deletedCount;
      await db.recordings.deleteOne({ _id: sessionId });
      return deleted;
    }
  };
}

export type RecordingsRepo = ReturnType<typeof createRecordingsRepo>;
