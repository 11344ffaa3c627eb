/**
 * `loops`: a candidate's interview loops, each read and written whole by `_id` (the embedded server indexes only
 * `_id`), and `user_loops`: each candidate's list of them. Every write names the revision it read, so two writes
 * never interleave: the loser reads again.
 */
import type { ObjectId } from 'mongodb';
import type { Database, LoopDoc } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';

/** What a write may change of a loop (never its owner, template or creation). */
export type LoopChange = Partial<Pick<LoopDoc, 'rounds' | 'prediction' | 'committeeRounds' | 'votes' | 'decidedAt'>>;

export function createLoopsRepo(db: Database) {
  return {
    /** Stores a loop and lists it under its candidate (two first loops racing on the upsert collide once). */
    async insert(doc: LoopDoc): Promise<void> {
      await db.loops.insertOne(doc);
      const listed = { $push: { loopIds: doc._id } };
      if (await collidesOnKey(db.userLoops.updateOne({ _id: doc.userId }, listed, { upsert: true }))) {
        await db.userLoops.updateOne({ _id: doc.userId }, listed);
      }
    },

    findById: (_id: ObjectId) => db.loops.findOne({ _id }),

    /**
     * The candidate's 100 newest loops, without the votes (a list never shows them): their ids from the candidate's
     * list, each loop by `_id`. The embedded server's `$push` is not atomic, so an id listed twice is read once.
     */
    async listForUser(userId: ObjectId): Promise<LoopDoc[]> {
      const ids = (await db.userLoops.findOne({ _id: userId }))?.loopIds ?? [];
      const newest = [...new Map(ids.map((id) => [id.toHexString(), id])).values()].slice(-100).reverse();
      const docs = await Promise.all(newest.map((_id) => db.loops.findOne({ _id }, { projection: { votes: 0 } })));
      return docs.filter((doc): doc is LoopDoc => doc !== null);
    },

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
