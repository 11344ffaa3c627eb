/**
 * `plans`: one study plan per user, stored under the user's id so every read is an `_id` lookup (the dashboard's
 * "today" reads it on each visit). The layout (slots are arrays of arrays, which the embedded server cannot keep)
 * is stored as JSON text.
 */
import type { ObjectId } from 'mongodb';
import type { Database } from './client.ts';

export interface PlanDoc {
  /** The user's id. */
  _id: ObjectId;
  roadmap: string;
  level: string;
  timeZone: string;
  start: string;
  interview: string | null;
  /** `{ slots: string[][], skipped: string[], rechecks: … }` as JSON. */
  layoutJson: string;
  ticks: { task: string; on: string }[];
  /** Scheduled mock id → the session it was started as. */
  mocks: { id: string; sessionId: string; at: Date }[];
  ledger: { goals: string[]; oops: { on: string; text: string }[]; log: { on: string; text: string }[] };
  createdAt: Date;
  updatedAt: Date;
}

export function createPlansRepo(db: Database) {
  const plans = db.db.collection<PlanDoc>('plans');
  return {
    find: (userId: ObjectId) => plans.findOne({ _id: userId }),

    /** Replaces the user's plan (a new plan starts over: ticks and mocks go with the old one; the ledger stays). */
    async replace(doc: PlanDoc): Promise<void> {
      await plans.replaceOne({ _id: doc._id }, doc, { upsert: true });
    },

    async setLayout(userId: ObjectId, layoutJson: string, at: Date): Promise<boolean> {
      const result = await plans.updateOne({ _id: userId }, { $set: { layoutJson, updatedAt: at } });
      return result.matchedCount > 0;
    },

    /** Ticks or unticks a task (a daily task on its day); false when the user has no plan. */
    async tick(userId: ObjectId, tick: { task: string; on: string }, done: boolean, at: Date): Promise<boolean> {
      const change = done ? { $addToSet: { ticks: tick } } : { $pull: { ticks: tick } };
      const result = await plans.updateOne({ _id: userId }, { ...change, $set: { updatedAt: at } });
      return result.matchedCount > 0;
    },

    /** Records the session a scheduled mock was started as, unless one already was. */
    async startedMock(userId: ObjectId, mock: PlanDoc['mocks'][number]): Promise<boolean> {
      const result = await plans.updateOne(
        { _id: userId, 'mocks.id': { $ne: mock.id } },
        { $push: { mocks: mock }, $set: { updatedAt: mock.at } }
      );
      return result.matchedCount > 0;
    },

    async setLedger(userId: ObjectId, ledger: PlanDoc['ledger'], at: Date): Promise<boolean> {
      const result = await plans.updateOne({ _id: userId }, { $set: { ledger, updatedAt: at } });
      return result.matchedCount > 0;
    },

    async remove(userId: ObjectId): Promise<void> {
      await plans.deleteOne({ _id: userId });
    }
  };
}

export type PlansRepo = ReturnType<typeof createPlansRepo>;
