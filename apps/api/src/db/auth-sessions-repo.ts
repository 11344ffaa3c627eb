/** `auth_sessions`: sign-in sessions, keyed by the SHA-256 of their cookie's token. */
import type { ObjectId } from 'mongodb';
import type { AuthSessionDoc, Database } from './client.ts';

export function createAuthSessionsRepo(db: Database) {
  return {
    async insert(doc: AuthSessionDoc): Promise<void> {
      await db.authSessions.insertOne(doc);
    },
    findByHash: (tokenHash: string) => db.authSessions.findOne({ _id: tokenHash }),
    async delete(tokenHash: string): Promise<void> {
      await db.authSessions.deleteOne({ _id: tokenHash });
    },
    /** Ends every sign-in of a user (a password reset); answers the hashes it ended, for the sign-out list. */
    async deleteAllOf(userId: ObjectId): Promise<string[]> {
      const open = await db.authSessions.find({ userId }, { projection: { _id: 1 } }).toArray();
      await db.authSessions.deleteMany({ userId });
      return open.map((s) => s._id);
    }
  };
}

export type AuthSessionsRepo = ReturnType<typeof createAuthSessionsRepo>;
