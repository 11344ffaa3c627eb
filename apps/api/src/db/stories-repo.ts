/** `stories`: every query on the story bank. Each call names the owner: a story is only ever its user's. */
import type { ObjectId } from 'mongodb';
import type { Database, StoryDoc } from './client.ts';

export type StoryContent = Omit<StoryDoc, '_id' | 'userId' | 'createdAt' | 'updatedAt'>;

export function createStoriesRepo(db: Database) {
  return {
    async insert(doc: StoryDoc): Promise<void> {
      await db.stories.insertOne(doc);
    },

    /** The user's stories, most recently edited first. */
    listOwned: (userId: ObjectId) => db.stories.find({ userId }).sort({ updatedAt: -1 }).limit(1000).toArray(),

    findOwned: (_id: ObjectId, userId: ObjectId) => db.stories.findOne({ _id, userId }),

    /** Replaces a story's content; false when the user has no such story. */
    async replaceOwned(_id: ObjectId, userId: ObjectId, content: StoryContent, at: Date): Promise<boolean> {
      const result = await db.stories.updateOne({ _id, userId }, { $set: { ...content, updatedAt: at } });
      return result.matchedCount > 0;
    },

    async deleteOwned(_id: ObjectId, userId: ObjectId): Promise<boolean> {
      return (await db.stories.deleteOne({ _id, userId })).deletedCount > 0;
    },

    /** Every story of a user, for the export and for deleting the account. */
    forExport: (userId: ObjectId) => db.stories.find({ userId }).sort({ createdAt: 1 }).toArray(),
    deleteAll: async (userId: ObjectId) => {
      await db.stories.deleteMany({ userId });
    }
  };
}

export type StoriesRepo = ReturnType<typeof createStoriesRepo>;
