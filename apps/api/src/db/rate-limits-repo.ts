/** `rate_limits`: fixed-window counters, shared by every instance behind a load balancer. */
import type { Database } from './client.ts';
import { isDuplicateKey } from './duplicate-key.ts';

export function createRateLimitsRepo(db: Database) {
  return {
    /**
     * Counts one hit on a window's counter and returns the count: one atomic upsert (the window is part of the
     * id, so there is no reset to race). Two first hits may both try to insert it; the loser retries its increment
     * on the document the winner created.
     */
    async increment(id: string, resetAt: Date): Promise<number> {
      for (let tries = 0; ; tries++) {
        try {
          const doc = await db.rateLimits.findOneAndUpdate(
            { _id: id },
            { $inc: { count: 1 }, $setOnInsert: { resetAt } },
            { upsert: true, returnDocument: 'after' }
          );
          return doc?.count ?? 1;
        } catch (error) {
          if (!isDuplicateKey(error) || tries >= 3) throw error;
        }
      }
    },

    /** Gives one hit back. */
    async decrement(id: string): Promise<void> {
      await db.rateLimits.updateOne({ _id: id, count: { $gt: 0 } }, { $inc: { count: -1 } });
    },

    /** Drops the counters of windows that have ended. */
    async deleteEnded(at: Date): Promise<void> {
      await db.rateLimits.deleteMany({ resetAt: { $lte: at } });
    }
  };
}

export type RateLimitsRepo = ReturnType<typeof createRateLimitsRepo>;
