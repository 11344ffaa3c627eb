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
      db.users.findOne({ _id }, { projection: { passwordHash: 0, passwordReset: 0 } }),

    /** Keeps one reset link per account: a new one replaces any earlier. */
    async setPasswordReset(_id: ObjectId, reset: NonNullable<UserDoc['passwordReset']>): Promise<void> {
      await db.users.updateOne({ _id }, { $set: { passwordReset: reset } });
    },

    /** The account's password hash, to confirm a destructive step (read by `_id`). */
    async passwordHashOf(_id: ObjectId): Promise<string | null> {
      return (await db.users.findOne({ _id }, { projection: { passwordHash: 1 } }))?.passwordHash ?? null;
    },

    /** The account a reset link names, with its pending reset (read by `_id`). */
    findForReset: (_id: ObjectId) => db.users.findOne({ _id }, { projection: { email: 1, name: 1, passwordReset: 1 } }),

    /**
     * Sets the new password if the reset is still the one given and unexpired, and uses it up, in one write:
     * two tabs with the same link cannot both reset. False when it was not.
     */
    async completePasswordReset(_id: ObjectId, secretHash: string, passwordHash: string, at: Date): Promise<boolean> {
      const result = await db.users.updateOne(
        { _id, 'passwordReset.secretHash': secretHash, 'passwordReset.expiresAt': { $gt: at } },
        { $set: { passwordHash }, $unset: { passwordReset: '' } }
      );
      return result.modifiedCount === 1;
    },

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
