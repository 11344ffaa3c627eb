/** `auth_sessions`: sign-in sessions, keyed by the SHA-256 of their cookie's token. */
import type { AuthSessionDoc, Database } from './client.ts';

export function createAuthSessionsRepo(db: Database) {
  return {
    async insert(doc: AuthSessionDoc): Promise<void> {
      await db.authSessions.insertOne(doc);
    },
    findByHash: (tokenHash: string) => db.authSessions.findOne({ _id: tokenHash }),
    async delete(tokenHash: string): Promise<void> {
      await db.authSessions.deleteOne({ _id: tokenHash });
    }
  };
}

export type AuthSessionsRepo = ReturnType<typeof createAuthSessionsRepo>;
