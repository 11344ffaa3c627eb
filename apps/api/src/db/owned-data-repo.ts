/**
 * Deleting what a person owns: one session with everything kept for it, or an account with everything of theirs.
 * Deletions are rare, so the few filters here that are not by `_id` (a session's chunks of the room, an account's
 * sessions) are allowed to search. The session document goes last: a deletion cut short leaves the session in
 * place, and deleting it again finishes the job.
 */
import type { ObjectId } from 'mongodb';
import type { Database } from './client.ts';

export function createOwnedDataRepo(db: Database) {
  return {
    /** Everything kept for one session but its recording (the recordings repo owns that), then the session. */
    async deleteSession(sessionId: ObjectId): Promise<void> {
      const bySession = { sessionId };
      await Promise.all([
        db.sessionScenes.deleteMany({ $or: [{ sessionId }, { _id: sessionId }] }),
        db.snapshots.deleteMany(bySession),
        db.submissions.deleteMany(bySession),
        db.confirmations.deleteMany(bySession),
        db.peerScores.deleteMany(bySession),
        db.invites.deleteMany(bySession),
        db.events.deleteMany(bySession),
        db.roomItems.deleteMany(bySession),
        db.roomLog.deleteMany(bySession),
        db.roomLogBlocks.deleteMany(bySession),
        db.roomHeads.deleteOne({ _id: sessionId }),
        db.presence.deleteMany(bySession),
        db.callConsents.deleteMany(bySession),
        db.eventSequences.deleteOne({ _id: sessionId }),
        db.insightsSessions.deleteOne({ _id: sessionId })
      ]);
      await db.sessions.deleteOne({ _id: sessionId });
    },

    /** The ids of every session a person started. */
    async sessionIdsOf(userId: ObjectId): Promise<ObjectId[]> {
      const docs = await db.sessions.find({ userId }, { projection: { _id: 1 } }).toArray();
      return docs.map((d) => d._id);
    },

    /** Who interviewed a session: the people its invites admitted (read before the invites are deleted). */
    async interviewersOf(sessionId: ObjectId): Promise<ObjectId[]> {
      const docs = await db.invites
        .find({ sessionId, acceptedBy: { $ne: null } }, { projection: { acceptedBy: 1 } })
        .toArray();
      return [...new Map(docs.map((d) => [d.acceptedBy!.toHexString(), d.acceptedBy!])).values()];
    },

    /** The rubric a session was scored with (its interviewers' calibration totals are on it). */
    async rubricOf(sessionId: ObjectId): Promise<string | null> {
      return (await db.sessions.findOne({ _id: sessionId }, { projection: { rubric: 1 } }))?.rubric.id ?? null;
    },

    /** Everything else of an account (its sessions deleted first), then the account itself. */
    async deleteAccount(userId: ObjectId): Promise<void> {
      const hex = userId.toHexString();
      await Promise.all([
        db.stories.deleteMany({ userId }),
        db.recaps.deleteMany({ userId }),
        db.loops.deleteMany({ userId }),
        db.userLoops.deleteOne({ _id: userId }),
        db.db.collection('plans').deleteOne({ _id: userId }),
        db.insightsCache.deleteOne({ _id: userId }),
        db.insightsAggregates.deleteOne({ _id: userId }),
        db.insightsSessions.deleteMany({ userId }),
        db.usage.deleteMany({ _id: { $regex: `^${hex}:` } })
      ]);
      await db.users.deleteOne({ _id: userId });
    }
  };
}

export type OwnedDataRepo = ReturnType<typeof createOwnedDataRepo>;
