/** `invites`: one reviewer's invitation to one session; the link's token is stored only as its SHA-256. */
import type { ObjectId } from 'mongodb';
import type { Database, InviteDoc } from './client.ts';

/** An invite that admits `userId` at `at`: accepted by them, neither revoked nor expired. */
const inForce = (userId: ObjectId, at: Date) => ({ acceptedBy: userId, revokedAt: null, expiresAt: { $gt: at } });

export function createInvitesRepo(db: Database) {
  return {
    async insert(doc: InviteDoc): Promise<void> {
      await db.invites.insertOne(doc);
    },

    /** Newest first. */
    listForSession: (sessionId: ObjectId) => db.invites.find({ sessionId }).sort({ createdAt: -1 }).toArray(),

    /** One invite by `_id` (a loop keeps its rounds' invite ids: its hot reads stay on the index). */
    findById: (_id: ObjectId) => db.invites.findOne({ _id }),

    findByTokenHash: (tokenHash: string) => db.invites.findOne({ tokenHash }),

    /**
     * True when the invite named by `_id` was accepted by `userId` and is neither revoked nor expired at `at` (a
     * person's list of the sessions they interview names the invite that admitted them).
     */
    async admitsBy(_id: ObjectId, userId: ObjectId, at: Date): Promise<boolean> {
      return (await db.invites.findOne({ _id, ...inForce(userId, at) })) !== null;
    },

    /** Whether an invite to the session admits someone at `at` (accepted, neither revoked nor expired). */
    async hasInterviewer(sessionId: ObjectId, at: Date): Promise<boolean> {
      const invite = await db.invites.findOne({
        sessionId,
        acceptedBy: { $ne: null },
        revokedAt: null,
        expiresAt: { $gt: at }
      });
      return invite !== null;
    },

    /** Revokes an invite of `ownerId`'s; the invite as it now stands, or null when it is not theirs. */
    revoke: (_id: ObjectId, ownerId: ObjectId, at: Date) =>
      db.invites.findOneAndUpdate({ _id, ownerId }, { $set: { revokedAt: at } }, { returnDocument: 'after' }),

    /** Gives an invite nobody accepted (nor revoked) a new token and expiry; the invite as it now stands, or null. */
    reissue: (_id: ObjectId, tokenHash: string, expiresAt: Date) =>
      db.invites.findOneAndUpdate(
        { _id, acceptedBy: null, revokedAt: null },
        { $set: { tokenHash, expiresAt } },
        { returnDocument: 'after' }
      ),

    /** Notes when the accepted reviewer submitted their score; the invite as it now stands. */
    markScored: (_id: ObjectId, at: Date) =>
      db.invites.findOneAndUpdate({ _id }, { $set: { scoredAt: at } }, { returnDocument: 'after' }),

    /** Admits the one reviewer, unless someone was admitted or it was revoked meanwhile; true when it did. */
    async accept(_id: ObjectId, userId: ObjectId, at: Date): Promise<boolean> {
      const accepted = await db.invites.updateOne(
        { _id, acceptedBy: null, revokedAt: null },
        { $set: { acceptedBy: userId, acceptedAt: at } }
      );
      return accepted.matchedCount > 0;
    }
  };
}

export type InvitesRepo = ReturnType<typeof createInvitesRepo>;
