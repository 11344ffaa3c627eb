/**
 * `interviewer_records`: each interviewer's scored interviews and the candidates' ratings of that feedback, and
 * `rubric_calibration`: each rubric's rating totals per interviewer. Both are read by `_id` (the embedded server
 * indexes nothing else); the searches here (an interviewer's peer scores, every peer score) run once, to count in
 * feedback submitted before these documents existed.
 */
import type { ObjectId } from 'mongodb';
import type { CriterionTotals, Database, FeedbackRatingDoc, RecordEntry } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';

/** The fields of an entry its feedback sets (never the candidate's rating, which is theirs). */
function entryFields(hex: string, entry: Omit<RecordEntry, 'rating'>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).map(([key, value]) => [`scored.${hex}.${key}`, value]));
}

export function createInterviewerRecordsRepo(db: Database) {
  const { interviewerRecords: records, rubricCalibration: calibration } = db;

  /** Applies an update to an interviewer's record, creating it the first time; bumps its revision. */
  async function update(userId: ObjectId, set: Record<string, unknown>, unset: Record<string, ''> = {}) {
    const change = {
      $inc: { revision: 1 },
      ...(Object.keys(set).length ? { $set: set } : {}),
      ...(Object.keys(unset).length ? { $unset: unset } : {})
    };
    if (await collidesOnKey(records.updateOne({ _id: userId }, change, { upsert: true }))) {
      await records.updateOne({ _id: userId }, change);
    }
  }

  return {
    find: (userId: ObjectId) => records.findOne({ _id: userId }),

    /** Writes the summary of an interviewer's submitted feedback on a session (again: the same values). */
    putEntry: (userId: ObjectId, sessionId: ObjectId, entry: Omit<RecordEntry, 'rating'>) =>
      update(userId, entryFields(sessionId.toHexString(), entry)),

    /** Writes feedback found by the one-time scan, and marks the record complete. */
    markBuilt(userId: ObjectId, entries: { sessionId: ObjectId; entry: Omit<RecordEntry, 'rating'> }[]) {
      const set = Object.assign(
        { built: true },
        ...entries.map((e) => entryFields(e.sessionId.toHexString(), e.entry))
      );
      return update(userId, set);
    },

    /** The candidate's rating of the feedback; false when the record has no such interview. */
    async setRating(userId: ObjectId, sessionId: ObjectId, rating: FeedbackRatingDoc): Promise<boolean> {
      const hex = sessionId.toHexString();
      const result = await records.updateOne(
        { _id: userId, [`scored.${hex}.submittedAt`]: { $exists: true } },
        { $set: { [`scored.${hex}.rating`]: rating }, $inc: { revision: 1 } }
      );
      return result.matchedCount > 0;
    },

    /** Takes a deleted session's interview off the record. */
    dropEntry: (userId: ObjectId, sessionId: ObjectId) =>
      update(userId, {}, { [`scored.${sessionId.toHexString()}`]: '' }),

    drop: (userId: ObjectId) => records.deleteOne({ _id: userId }),

    /** The one-time scan: every session an interviewer submitted feedback on. */
    async submittedBy(reviewerId: ObjectId) {
      return db.peerScores
        .find({ reviewerId, submittedAt: { $ne: null } }, { projection: { _id: 1, sessionId: 1 } })
        .toArray();
    },

    /** The one-time scan of the instance: everyone who ever submitted feedback. */
    async everyInterviewer(): Promise<ObjectId[]> {
      const docs = await db.peerScores
        .find({ submittedAt: { $ne: null } }, { projection: { reviewerId: 1 } })
        .toArray();
      return [...new Map(docs.map((d) => [d.reviewerId.toHexString(), d.reviewerId])).values()];
    },

    calibrationOf: (rubricId: string) => calibration.findOne({ _id: rubricId }),

    /**
     * Writes an interviewer's totals on a rubric as computed from their record at `revision`; a write computed from
     * an older revision than the one stored changes nothing, so racing writes settle on the newest.
     */
    async putTotals(rubricId: string, userHex: string, revision: number, criteria: CriterionTotals): Promise<void> {
      await collidesOnKey(
        calibration.updateOne({ _id: rubricId }, { $setOnInsert: { built: false } }, { upsert: true })
      );
      const key = `interviewers.${userHex}`;
      await calibration.updateOne(
        { _id: rubricId, $or: [{ [key]: { $exists: false } }, { [`${key}.revision`]: { $lt: revision } }] },
        { $set: { [key]: { revision, criteria } } }
      );
    },

    /** Takes an interviewer (a deleted account) off a rubric's totals. */
    removeTotals: (rubricId: string, userHex: string) =>
      calibration.updateOne({ _id: rubricId }, { $unset: { [`interviewers.${userHex}`]: '' } }),

    markRubricBuilt: (rubricId: string) =>
      collidesOnKey(calibration.updateOne({ _id: rubricId }, { $set: { built: true } }, { upsert: true }))
  };
}

export type InterviewerRecordsRepo = ReturnType<typeof createInterviewerRecordsRepo>;
