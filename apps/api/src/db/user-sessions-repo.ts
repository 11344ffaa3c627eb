/**
 * `user_sessions`: each person's sessions as candidate (`taken`) and as interviewer (`given`), read by the user's
 * `_id`, so the history list and the export never search every user's sessions (the embedded server indexes only
 * `_id`). Each session is one key set or unset on its own: two starts at once both land (a single-document update
 * is atomic), and a key set twice is set once. People who had sessions before this document existed are listed by
 * one scan on their first read (`ensureBuilt`), which adds keys the same way and so keeps a start that races it.
 */
import type { ObjectId } from 'mongodb';
import type { Database, GivenEntry, HistoryEntry, StoredSessionDoc, UserSessionsDoc } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';

/** A history entry as it is kept: what the list sorts and filters on without reading the session. */
export const historyEntryOf = (session: Pick<StoredSessionDoc, 'startedAt' | 'kind'>): HistoryEntry => ({
  startedAt: session.startedAt,
  kind: session.kind
});

export function createUserSessionsRepo(db: Database) {
  /** Sets keys of a person's document, creating it the first time (two first writes racing: the loser sets again). */
  async function set(userId: ObjectId, fields: Record<string, unknown>): Promise<void> {
    const update = { $set: fields };
    if (await collidesOnKey(db.userSessions.updateOne({ _id: userId }, update, { upsert: true }))) {
      await db.userSessions.updateOne({ _id: userId }, update);
    }
  }

  return {
    /** Lists a session under its candidate: called before the session is stored, so a crash leaves no session unlisted. */
    addTaken: (userId: ObjectId, sessionId: ObjectId, entry: HistoryEntry) =>
      set(userId, { [`taken.${sessionId.toHexString()}`]: entry }),

    /** Lists a session under an interviewer its invite admitted. */
    async addGiven(userId: ObjectId, sessionId: ObjectId, inviteId: ObjectId): Promise<void> {
      const session = await db.sessions.findOne({ _id: sessionId }, { projection: { startedAt: 1, kind: 1 } });
      if (!session) return;
      const entry: GivenEntry = { ...historyEntryOf(session), inviteId };
      await set(userId, { [`given.${sessionId.toHexString()}`]: entry });
    },

    /** Takes a session off a person's lists (either side). */
    async remove(userId: ObjectId, sessionId: ObjectId): Promise<void> {
      const hex = sessionId.toHexString();
      await db.userSessions.updateOne({ _id: userId }, { $unset: { [`taken.${hex}`]: '', [`given.${hex}`]: '' } });
    },

    find: (userId: ObjectId) => db.userSessions.findOne({ _id: userId }),

    /**
     * The person's document, complete: on the first read, one scan of the sessions they started and of the invites
     * they accepted lists everything stored before the document existed, then marks it built. Concurrent starts
     * set their own keys meanwhile and are kept; a session deleted during the scan may come back as a key whose
     * session is gone, which readers skip.
     */
    async ensureBuilt(userId: ObjectId): Promise<UserSessionsDoc> {
      const found = await db.userSessions.findOne({ _id: userId });
      if (found?.built) return found;
      const [own, accepted] = await Promise.all([
        db.sessions.find({ userId }, { projection: { startedAt: 1, kind: 1 } }).toArray(),
        db.invites.find({ acceptedBy: userId }, { projection: { sessionId: 1 } }).toArray()
      ]);
      const fields: Record<string, unknown> = { built: true };
      for (const s of own) fields[`taken.${s._id.toHexString()}`] = historyEntryOf(s);
      for (const invite of accepted) {
        const s = await db.sessions.findOne({ _id: invite.sessionId }, { projection: { startedAt: 1, kind: 1 } });
        if (s) fields[`given.${s._id.toHexString()}`] = { ...historyEntryOf(s), inviteId: invite._id };
      }
      await set(userId, fields);
      return (await db.userSessions.findOne({ _id: userId }))!;
    },

    drop: (userId: ObjectId) => db.userSessions.deleteOne({ _id: userId })
  };
}

export type UserSessionsRepo = ReturnType<typeof createUserSessionsRepo>;
