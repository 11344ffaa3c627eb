/**
 * `submissions`: code a candidate submitted on a coding session's hidden tests and the result the candidate's
 * browser reported (self-run); `submission_confirmations`: reviewers' runs on the held-back tests (peer-confirmed).
 */
import type { ObjectId } from 'mongodb';
import type { ConfirmationDoc, Database, SubmissionDoc } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';
import { newId } from './ids.ts';

export function createSubmissionsRepo(db: Database) {
  return {
    async insert(fields: Omit<SubmissionDoc, '_id'>): Promise<void> {
      await db.submissions.insertOne({ _id: newId(), ...fields });
    },

    findByNumber: (sessionId: ObjectId, n: number) => db.submissions.findOne({ sessionId, n }),

    async exists(sessionId: ObjectId, n: number): Promise<boolean> {
      return (await db.submissions.findOne({ sessionId, n }, { projection: { _id: 1 } })) !== null;
    },

    /** Records the candidate's result once: false when one is already recorded (results are immutable). */
    async recordResults(
      _id: ObjectId,
      results: NonNullable<SubmissionDoc['results']>,
      passed: number
    ): Promise<boolean> {
      const written = await db.submissions.updateOne({ _id, passed: null }, { $set: { results, passed } });
      return written.matchedCount === 1;
    },

    /** Records a reviewer's confirmation once: false when this reviewer already confirmed this submission. */
    async recordConfirmation(fields: Omit<ConfirmationDoc, '_id'>): Promise<boolean> {
      return !(await collidesOnKey(db.confirmations.insertOne({ _id: newId(), ...fields })));
    },

    /** A session's confirmations, oldest first. */
    confirmationsOf: (sessionId: ObjectId) => db.confirmations.find({ sessionId }).sort({ at: 1 }).toArray(),

    /** The confirmations of many sessions' submissions, without per-test results (insights and export count them). */
    confirmationsFor(sessionIds: ObjectId[]) {
      if (sessionIds.length === 0) return Promise.resolve([]);
      return db.confirmations.find({ sessionId: { $in: sessionIds } }, { projection: { results: 0 } }).toArray();
    },

    /** The last submission whose result was reported, or null. */
    async latestJudged(sessionId: ObjectId): Promise<SubmissionDoc | null> {
      const latest = await db.submissions
        .find({ sessionId, passed: { $ne: null } })
        .sort({ n: -1 })
        .limit(1)
        .toArray();
      return latest[0] ?? null;
    },

    /** In order of submission. */
    list: (sessionId: ObjectId) => db.submissions.find({ sessionId }).sort({ n: 1 }).toArray(),

    /** One submission without its code and results, by `_id`. */
    summary: (_id: ObjectId) => db.submissions.findOne({ _id }, { projection: { code: 0, results: 0 } }),

    /** The judged submissions of many sessions, without code and results (insights count them only). */
    judgedFor(sessionIds: ObjectId[]) {
      if (sessionIds.length === 0) return Promise.resolve([]);
      return db.submissions
        .find({ sessionId: { $in: sessionIds }, passed: { $ne: null } }, { projection: { code: 0, results: 0 } })
        .sort({ n: 1 })
        .toArray();
    }
  };
}

export type SubmissionsRepo = ReturnType<typeof createSubmissionsRepo>;
