/** `recaps`: a week's recap as the user edited it, keyed by user and the week's Monday. */
import type { ObjectId } from 'mongodb';
import type { Database } from './client.ts';

const weekKey = (userId: ObjectId, weekStart: string) => `${userId.toHexString()}:${weekStart}`;

export function createRecapsRepo(db: Database) {
  return {
    find: (userId: ObjectId, weekStart: string) => db.recaps.findOne({ _id: weekKey(userId, weekStart) }),

    async save(userId: ObjectId, weekStart: string, markdown: string, savedAt: Date): Promise<void> {
      await db.recaps.updateOne(
        { _id: weekKey(userId, weekStart) },
        { $set: { userId, weekStart, markdown, savedAt } },
        { upsert: true }
      );
    }
  };
}

export type RecapsRepo = ReturnType<typeof createRecapsRepo>;
