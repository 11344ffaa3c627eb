/**
 * `loops`: a candidate's interview loops, each read and written whole by `_id` (the embedded server indexes only
 * `_id`). Every write names the revision it read, so two writes never interleave: the loser reads again.
 */
import type { ObjectId } from 'mongodb';
import type { Database, LoopDoc } from './client.ts';

/** What a write may change of a loop (never its owner, template or creation). */
export type LoopChange = Partial<Pick<LoopDoc, 'rounds' | 'prediction' | 'committeeRounds' | 'votes' | 'decidedAt'>>;

export function createLoopsRepo(db: Database) {
  return {
    async insert(doc: LoopDoc): Promise<void> {
      await db.loops.insertOne(doc);
    },

    findById: (_id: ObjectId) => db.loops.findOne({ _id }),

    /** The candidate's loops, newest first, without their feedback (a list never shows it). */
    listForUser: (userId: ObjectId) =>
      db.loops
        .find({ userId }, { projection: { votes: 0 } })
        .sort({ createdAt: -1 })
        .limit(100)
        .toArray(),

    /** Applies `change` if the loop is still at `revision`; the loop as it now stands, or null when it moved on. */
    update: (_id: ObjectId, revision: number, change: LoopChange, at: Date) =>
      db.loops.findOneAndUpdate(
        { _id, revision },
        { $set: { ...change, updatedAt: at }, $inc: { revision: 1 } },
        { returnDocument: 'after' }
      )
  };
}

export type LoopsRepo = ReturnType<typeof createLoopsRepo>;
