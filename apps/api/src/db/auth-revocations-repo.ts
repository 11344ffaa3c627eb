/**
 * Sign-outs, recorded for the instances that keep sign-in sessions in memory (services/session-cache.ts):
 * each instance reads the recent ones every few hundred milliseconds. Kept only as long as a cached session
 * could live, so each read scans a handful of documents.
 */
import type { Database } from './client.ts';

export interface AuthRevocationDoc {
  /** The revoked token's hash (the auth session's `_id`). */
  _id: string;
  at: Date;
}

export function createAuthRevocationsRepo(db: Pick<Database, 'db'>) {
  const revocations = db.db.collection<AuthRevocationDoc>('auth_revocations');
  return {
    async record(tokenHash: string, at: Date): Promise<void> {
      await revocations.updateOne({ _id: tokenHash }, { $set: { at } }, { upsert: true });
    },

    /** Hashes revoked at or after `since`. */
    async since(since: Date): Promise<AuthRevocationDoc[]> {
      return revocations.find({ at: { $gte: since } }).toArray();
    },

    async forgetBefore(before: Date): Promise<void> {
      await revocations.deleteMany({ at: { $lt: before } });
    }
  };
}

export type AuthRevocationsRepo = ReturnType<typeof createAuthRevocationsRepo>;
