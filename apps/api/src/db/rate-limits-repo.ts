/** `rate_limits`: fixed-window counters, shared by every instance behind a load balancer. */
import type { Database, RateLimitDoc } from './client.ts';

export function createRateLimitsRepo(db: Database) {
  return {
    /** Counts one hit in the window still open at `at`; null when there is none (a single-document update). */
    countInWindow: (key: string, at: Date) =>
      db.rateLimits.findOneAndUpdate(
        { _id: key, resetAt: { $gt: at } },
        { $inc: { count: 1 } },
        { returnDocument: 'after' }
      ),

    /** Opens a new window with this first hit. */
    async startWindow(key: string, resetAt: Date): Promise<RateLimitDoc> {
      await db.rateLimits.updateOne({ _id: key }, { $set: { count: 1, resetAt } }, { upsert: true });
      return { _id: key, count: 1, resetAt };
    }
  };
}

export type RateLimitsRepo = ReturnType<typeof createRateLimitsRepo>;
