/**
 * `insights_cache` (one aggregate per user, see InsightsCacheDoc) and `insights_sessions` (each session's part in
 * it). Every write that changes what insights read calls `touch` with the session; reads fold those in.
 */
import { inflateRawSync, deflateRawSync } from 'node:zlib';
import { Binary, type ObjectId, type UpdateFilter } from 'mongodb';
import type { Database, InsightsCacheDoc } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';

/** What changed: the session itself, one of its peer scores (submitted), or one of its judged submissions. */
export interface InsightsChange {
  session: ObjectId;
  peerScore?: ObjectId;
  submission?: ObjectId;
}

export function changeEntry(change: InsightsChange): string {
  const id = change.session.toHexString();
  if (change.peerScore) return `${id} peer ${change.peerScore.toHexString()}`;
  if (change.submission) return `${id} judged ${change.submission.toHexString()}`;
  return id;
}

export function createInsightsCache(db: Database) {
  return {
    /** Records a change to fold in; without one, the next read rebuilds from every session. */
    async touch(userId: ObjectId, change?: InsightsChange): Promise<void> {
      const update: UpdateFilter<InsightsCacheDoc> = change
        ? { $inc: { version: 1 }, $push: { dirty: changeEntry(change) } }
        : { $inc: { version: 1 }, $set: { built: false } };
      // Two first touches may race on the upsert; the other one created the document, so update that.
      if (await collidesOnKey(db.insightsCache.updateOne({ _id: userId }, update, { upsert: true }))) {
        await db.insightsCache.updateOne({ _id: userId }, update);
      }
    },

    read: (userId: ObjectId): Promise<InsightsCacheDoc | null> => db.insightsCache.findOne({ _id: userId }),

    /** The stored aggregate's JSON (read only when the cache document says it is built). */
    async aggregate(userId: ObjectId): Promise<string | null> {
      const doc = await db.insightsAggregates.findOne({ _id: userId });
      return doc ? inflateRawSync(doc.data.buffer).toString('utf8') : null;
    },

    /**
     * Stores an aggregate computed at `version` (marked pending until `settle`), unless a write came since:
     * false then, and the caller answers from what it computed without keeping it. The claim moves the version
     * on, so of two reads that folded the same changes only one keeps its result.
     */
    async store(userId: ObjectId, version: number, aggregateJson: string): Promise<boolean> {
      const update = { $set: { built: true, dirty: [], pending: true }, $inc: { version: 1 } };
      const claimed =
        version === 0
          ? !(await collidesOnKey(db.insightsCache.updateOne({ _id: userId, version }, update, { upsert: true })))
          : (await db.insightsCache.updateOne({ _id: userId, version }, update)).matchedCount === 1;
      if (!claimed) return false;
      const data = new Binary(deflateRawSync(aggregateJson, { level: 1 }));
      await db.insightsAggregates.replaceOne({ _id: userId }, { data }, { upsert: true });
      return true;
    },

    /** The sessions' states are written: the stored aggregate and they agree. */
    async settle(userId: ObjectId): Promise<void> {
      await db.insightsCache.updateOne({ _id: userId }, { $unset: { pending: '' } });
    },

    /** A session's state (JSON), read by `_id`. */
    async sessionState(sessionId: ObjectId): Promise<string | null> {
      return (await db.insightsSessions.findOne({ _id: sessionId }))?.stateJson ?? null;
    },

    /**
     * Writes sessions' states; `all` replaces every state of the user (a rebuild). A bulk of upserting replaces
     * stalls the embedded server once the documents exist, so a rebuild deletes and inserts in bulk instead.
     */
    async writeSessionStates(
      userId: ObjectId,
      states: { _id: ObjectId; stateJson: string }[],
      all: boolean
    ): Promise<void> {
      if (!all) {
        for (const { _id, stateJson } of states) {
          await db.insightsSessions.replaceOne({ _id }, { userId, stateJson }, { upsert: true });
        }
        return;
      }
      await db.insightsSessions.deleteMany({ userId });
      for (let from = 0; from < states.length; from += 1000) {
        const chunk = states.slice(from, from + 1000).map(({ _id, stateJson }) => ({ _id, userId, stateJson }));
        await db.insightsSessions.insertMany(chunk, { ordered: false });
      }
    }
  };
}

export type InsightsCache = ReturnType<typeof createInsightsCache>;
