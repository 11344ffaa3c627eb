/**
 * What a person owns, theirs to delete: one session with everything kept for it (its recording, scores, invites,
 * submissions, room and replay), or their whole account. Insights follow the `session-deleted` event; deleting the
 * account ends every sign-in, so its open streams end too. Feedback the person wrote on someone else's session is
 * that session's, and stays.
 *
 * @example
 * const owned = createOwnedDataService({ repos, sessions, recordings, auth, emit });
 * await owned.deleteSession(user, sessionId);
 * await owned.deleteAccount(user, password);
 */
import type { ObjectId } from 'mongodb';
import type { SignedInUser } from '../db/client.ts';
import type { Repositories } from '../db/repositories.ts';
import { ApiError } from '../errors.ts';
import type { AuthService } from './auth.ts';
import type { Emit } from './events.ts';
import type { InterviewerRecords } from './interviewer-records.ts';
import type { RecordingService } from './recordings/index.ts';
import type { SessionService } from './sessions/index.ts';

export interface OwnedDataOptions {
  repos: Repositories;
  sessions: Pick<SessionService, 'get'>;
  recordings: Pick<RecordingService, 'removeOf'>;
  auth: Pick<AuthService, 'confirmPassword' | 'endEverySignIn'>;
  records: Pick<InterviewerRecords, 'forgetSession' | 'forgetInterviewer'>;
  emit: Emit;
}

export function createOwnedDataService({ repos, sessions, recordings, auth, records, emit }: OwnedDataOptions) {
  /**
   * Deletes one session of `userId`'s with everything kept for it, and takes it off every history and interviewer
   * record that lists it (its interviewers are known from its invites, so they are read before those go).
   */
  async function deleteOne(userId: ObjectId, sessionId: ObjectId): Promise<void> {
    const [interviewers, rubricId] = await Promise.all([
      repos.owned.interviewersOf(sessionId),
      repos.owned.rubricOf(sessionId)
    ]);
    await recordings.removeOf({ _id: sessionId, userId });
    await repos.owned.deleteSession(sessionId);
    for (const person of [userId, ...interviewers]) await repos.userSessions.remove(person, sessionId);
    if (rubricId) await records.forgetSession(sessionId, rubricId, interviewers);
  }

  return {
    /** Deletes the candidate's own session and everything kept for it; a loop's round stays with its loop. */
    async deleteSession(user: SignedInUser, id: string): Promise<void> {
      const doc = await sessions.get(user, id);
      if (doc.loop) {
        throw new ApiError(409, 'CONFLICT', 'This session is a round of an interview loop: it stays with the loop.');
      }
      await deleteOne(user._id, doc._id);
      await emit({ type: 'session-deleted', userId: user._id, sessionId: doc._id });
    },

    /** Deletes the account and all of its data once its password is confirmed; every sign-in of it ends. */
    async deleteAccount(user: SignedInUser, password: string): Promise<void> {
      await auth.confirmPassword(user._id, password);
      for (const sessionId of await repos.owned.sessionIdsOf(user._id)) await deleteOne(user._id, sessionId);
      await records.forgetInterviewer(user._id);
      await repos.userSessions.drop(user._id);
      // Their slots and standing go; a partner's bookings with them stay in the partner's history.
      await repos.partners.deleteAccount(user._id);
      await repos.owned.deleteAccount(user._id);
      await auth.endEverySignIn(user._id);
    }
  };
}

export type OwnedDataService = ReturnType<typeof createOwnedDataService>;
