/** `submissions`: code a candidate submitted on a coding session's hidden tests, and the results reported. */
import type { ObjectId } from 'mongodb';
import type { Database, SubmissionDoc } from './client.ts';
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

    async setResults(_id: ObjectId, results: NonNullable<SubmissionDoc['results']>, passed: number): Promise<void> {
      await db.submissions.updateOne({ _id }, { $set: { results, passed } });
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
