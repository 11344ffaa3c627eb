/** The candidate's own goal (target level and date), kept on their account so every browser sees the same one. */
import type { Profile } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { Repositories } from '../db/repositories.ts';

export function createProfileService(repos: Repositories, now: () => Date = () => new Date()) {
  return {
    get: (userId: ObjectId): Promise<Profile | null> => repos.users.findProfile(userId),

    async set(userId: ObjectId, profile: Profile): Promise<Profile> {
      await repos.users.setProfile(userId, profile, now());
      return profile;
    }
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
