/**
 * `insights_cache`: the inputs of a user's insights, kept ready between changes (see InsightsCacheDoc). Every
 * write that changes what insights read calls `touch`; a read whose cache was built at the current version skips
 * the sessions.
 */
import type { ObjectId } from 'mongodb';
import type { Database } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';

/** Larger inputs are not cached (the document limit is 16 MB); such a user reads their sessions every time. */
const MAX_CACHED_CHARS = 8 * 1024 * 1024;

export function createInsightsCache(db: Database) {
  return {
    /** Marks a user's insights out of date. */
    async touch(userId: ObjectId): Promise<void> {
      const raced = await collidesOnKey(
        db.insightsCache.updateOne({ _id: userId }, { $inc: { version: 1 } }, { upsert: true })
      );
      // Two first touches raced on the upsert; the other one created the document, so bump that.
      if (raced) await db.insightsCache.updateOne({ _id: userId }, { $inc: { version: 1 } });
    },

    /** The cached inputs if they are current, and the version to build fresh ones at otherwise. */
    async read<T>(userId: ObjectId): Promise<{ version: number; inputs: T | null }> {
      const doc = await db.insightsCache.findOne({ _id: userId });
      if (!doc) return { version: 0, inputs: null };
      const current = doc.builtVersion === doc.version && doc.inputsJson !== undefined;
      return { version: doc.version, inputs: current ? (JSON.parse(doc.inputsJson!) as T) : null };
    },

    /** Keeps inputs built at `version`, unless a write has moved the version on since (then they are stale). */
    async store(userId: ObjectId, version: number, inputs: unknown): Promise<void> {
      const inputsJson = JSON.stringify(inputs);
      if (inputsJson.length > MAX_CACHED_CHARS) return;
      await collidesOnKey(
        db.insightsCache.updateOne(
          { _id: userId, version },
          { $set: { builtVersion: version, inputsJson } },
          { upsert: version === 0 }
        )
      );
    }
  };
}

export type InsightsCache = ReturnType<typeof createInsightsCache>;
