/** `usage`: how much of each per-user allowance is used, one document an allowance, read and counted by `_id`. */
import type { Database } from './client.ts';
import { isDuplicateKey } from './duplicate-key.ts';

export function createUsageRepo(db: Database) {
  return {
    /**
     * Counts `amount` more of the allowance `key` against `limit`: the new total, or null when it would pass the
     * limit (nothing counted). A missing count is created by the upsert; one too full to match the filter makes
     * the upsert collide on `_id` instead.
     */
    async reserve(key: string, amount: number, limit: number): Promise<number | null> {
      try {
        const doc = await db.usage.findOneAndUpdate(
          { _id: key, used: { $lte: limit - amount } },
          { $inc: { used: amount } },
          { upsert: true, returnDocument: 'after' }
        );
        return doc?.used ?? amount;
      } catch (error) {
        if (isDuplicateKey(error)) return null;
        throw error;
      }
    },

    async release(key: string, amount: number): Promise<void> {
      if (amount > 0) await db.usage.updateOne({ _id: key }, { $inc: { used: -amount } });
    }
  };
}

export type UsageRepo = ReturnType<typeof createUsageRepo>;
