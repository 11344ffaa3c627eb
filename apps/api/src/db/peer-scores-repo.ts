/** `peer_scores`: one reviewer's score of one session, a draft until submitted. */
import type { ObjectId } from 'mongodb';
import type { Database, PeerScoreDoc } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';
import { newId } from './ids.ts';

export type PeerScoreFields = Omit<PeerScoreDoc, '_id' | 'sessionId' | 'reviewerId'>;

export function createPeerScoresRepo(db: Database) {
  return {
    find: (sessionId: ObjectId, reviewerId: ObjectId) => db.peerScores.findOne({ sessionId, reviewerId }),

    /** Writes the reviewer's draft (creating it the first time); false when it was submitted meanwhile. */
    async saveDraft(sessionId: ObjectId, reviewerId: ObjectId, fields: PeerScoreFields): Promise<boolean> {
      const collided = await collidesOnKey(
        db.peerScores.updateOne(
          { sessionId, reviewerId, submittedAt: null },
          { $set: fields, $setOnInsert: { _id: newId(), sessionId, reviewerId } },
          { upsert: true }
        )
      );
      return !collided;
    },

    /** The submitted scores of a session, oldest change first. */
    submittedFor: (sessionId: ObjectId) =>
      db.peerScores
        .find({ sessionId, submittedAt: { $ne: null } })
        .sort({ updatedAt: 1 })
        .toArray(),

    /** One reviewer's scores of a session (draft or submitted). */
    byReviewer: (sessionId: ObjectId, reviewerId: ObjectId) =>
      db.peerScores.find({ sessionId, reviewerId }).sort({ updatedAt: 1 }).toArray(),

    byId: (_id: ObjectId) => db.peerScores.findOne({ _id }),

    /** The submitted scores of many sessions. */
    submittedForSessions(sessionIds: ObjectId[]) {
      if (sessionIds.length === 0) return Promise.resolve([]);
      return db.peerScores.find({ sessionId: { $in: sessionIds }, submittedAt: { $ne: null } }).toArray();
    }
  };
}

export type PeerScoresRepo = ReturnType<typeof createPeerScoresRepo>;
