/** `users`: accounts, unique by lower-cased e-mail. */
import type { Profile } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { Database, SignedInUser, UserDoc } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';

export function createUsersRepo(db: Database) {
  return {
    /** False when the e-mail is already registered. */
    async insert(doc: UserDoc): Promise<boolean> {
      return !(await collidesOnKey(db.users.insertOne(doc)));
    },

    findByEmail: (email: string) => db.users.findOne({ emailKey: email.toLowerCase() }),

    /** The account without its password hash. */
    findById: (_id: ObjectId): Promise<SignedInUser | null> =>
      db.users.findOne({ _id }, { projection: { passwordHash: 0 } }),

    /** The onboarding goal, or null before one is set. */
    async findProfile(_id: ObjectId): Promise<Profile | null> {
      const doc = await db.users.findOne({ _id }, { projection: { profile: 1 } });
      if (!doc?.profile) return null;
      const { targetLevel, targetDate } = doc.profile;
      return { targetLevel, targetDate };
    },

    async setProfile(_id: ObjectId, profile: Profile, at: Date): Promise<void> {
      await db.users.updateOne({ _id }, { $set: { profile: { ...profile, updatedAt: at } } });
    }
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
