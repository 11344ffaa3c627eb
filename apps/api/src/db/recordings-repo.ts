/** `recording_chunks` and `recordings`: a session's voice recording, one document a chunk, and its byte count. */
import { Binary, type ObjectId } from 'mongodb';
import type { Database, RecordingChunkDoc } from './client.ts';
import { collidesOnKey, isDuplicateKey } from './duplicate-key.ts';
import { newId } from './ids.ts';

export type ChunkInfo = Omit<RecordingChunkDoc, '_id' | 'sessionId' | 'data'>;

export function createRecordingsRepo(db: Database) {
  return {
    async hasChunk(sessionId: ObjectId, segment: number, seq: number): Promise<boolean> {
      return (await db.recordingChunks.findOne({ sessionId, segment, seq }, { projection: { _id: 1 } })) !== null;
    },

    /**
     * Counts `bytes` more against the session's limit, atomically: the new total, or null when it would pass
     * `limit` (nothing counted). A missing count is created by the upsert; a count too full to match the filter
     * makes the upsert collide on `_id` instead.
     */
    async reserve(sessionId: ObjectId, bytes: number, limit: number): Promise<number | null> {
      try {
        const doc = await db.recordings.findOneAndUpdate(
          { _id: sessionId, bytes: { $lte: limit - bytes } },
          { $inc: { bytes } },
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

    /** Stores a chunk; false when one with its (session, segment, seq) is already stored. */
    async insertChunk(sessionId: ObjectId, chunk: ChunkInfo, data: Uint8Array): Promise<boolean> {
      const doc: RecordingChunkDoc = { _id: newId(), sessionId, ...chunk, data: new Binary(data) };
      return !(await collidesOnKey(db.recordingChunks.insertOne(doc)));
    },

    /** Every chunk without its bytes, by segment then number. */
    async chunks(sessionId: ObjectId): Promise<ChunkInfo[]> {
      const docs = await db.recordingChunks
        .find({ sessionId }, { projection: { data: 0, _id: 0, sessionId: 0 } })
        .sort({ segment: 1, seq: 1 })
        .toArray();
      return docs as ChunkInfo[];
    },

    /** The chunks of many sessions (the export), without their bytes. */
    async chunksFor(sessionIds: ObjectId[]): Promise<(ChunkInfo & { sessionId: ObjectId })[]> {
      if (sessionIds.length === 0) return [];
      const docs = await db.recordingChunks
        .find({ sessionId: { $in: sessionIds } }, { projection: { data: 0, _id: 0 } })
        .sort({ segment: 1, seq: 1 })
        .toArray();
      return docs as (ChunkInfo & { sessionId: ObjectId })[];
    },

    /** A segment's bytes, its chunks in order: the WebM stream as recorded (gaps, if any, left out). */
    async segmentBytes(sessionId: ObjectId, segment: number): Promise<Buffer | null> {
      const docs = await db.recordingChunks.find({ sessionId, segment }).sort({ seq: 1 }).toArray();
      if (docs.length === 0) return null;
      return Buffer.concat(docs.map((d) => Buffer.from(d.data.buffer)));
    },

    async deleteForSession(sessionId: ObjectId): Promise<number> {
      const { deletedCount } = await db.recordingChunks.deleteMany({ sessionId });
      await db.recordings.deleteOne({ _id: sessionId });
      return deletedCount;
    }
  };
}

export type RecordingsRepo = ReturnType<typeof createRecordingsRepo>;
