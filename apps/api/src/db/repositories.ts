/**
 * Every collection's repository, built once per database. Services take these and never a collection: the
 * queries live here, the rules in services.
 *
 * @example
 * const repos = createRepositories(await connectDatabase(uri));
 * await repos.sessions.findOwned(sessionId, user._id);
 */
import { createAuthRevocationsRepo } from './auth-revocations-repo.ts';
import { createAuthSessionsRepo } from './auth-sessions-repo.ts';
import type { Database } from './client.ts';
import { createContentVersionsRepo } from './content-versions-repo.ts';
import { createInsightsCache } from './insights-cache-repo.ts';
import { createInvitesRepo } from './invites-repo.ts';
import { createLoopsRepo } from './loops-repo.ts';
import { createPartnersRepo } from './partners-repo.ts';
import { createPeerScoresRepo } from './peer-scores-repo.ts';
import { createPlansRepo } from './plans-repo.ts';
import { createRateLimitsRepo } from './rate-limits-repo.ts';
import { createRecapsRepo } from './recaps-repo.ts';
import { createRecordingsRepo } from './recordings-repo.ts';
import { createScenesRepo } from './scenes-repo.ts';
import { createSessionsRepo } from './sessions-repo.ts';
import { createSnapshotsRepo } from './snapshots-repo.ts';
import { createUsageRepo } from './usage-repo.ts';
import { createOwnedDataRepo } from './owned-data-repo.ts';
import { createStoriesRepo } from './stories-repo.ts';
import { createSubmissionsRepo } from './submissions-repo.ts';
import { createUsersRepo } from './users-repo.ts';
import { createUserSessionsRepo } from './user-sessions-repo.ts';
import { createInterviewerRecordsRepo } from './interviewer-records-repo.ts';
import { createEventRepository } from './events.ts';
import { createRoomRepository } from './room.ts';

export function createRepositories(db: Database) {
  const content = createContentVersionsRepo(db);
  const userSessions = createUserSessionsRepo(db);
  return {
    content,
    userSessions,
    interviewerRecords: createInterviewerRecordsRepo(db),
    sessions: createSessionsRepo(db, content, userSessions),
    scenes: createScenesRepo(db),
    snapshots: createSnapshotsRepo(db),
    submissions: createSubmissionsRepo(db),
    users: createUsersRepo(db),
    authSessions: createAuthSessionsRepo(db),
    authRevocations: createAuthRevocationsRepo(db),
    invites: createInvitesRepo(db),
    loops: createLoopsRepo(db),
    partners: createPartnersRepo(db),
    peerScores: createPeerScoresRepo(db),
    plans: createPlansRepo(db),
    recaps: createRecapsRepo(db),
    rateLimits: createRateLimitsRepo(db),
    insightsCache: createInsightsCache(db),
    events: createEventRepository(db),
    room: createRoomRepository(db),
    stories: createStoriesRepo(db),
    recordings: createRecordingsRepo(db),
    usage: createUsageRepo(db),
    owned: createOwnedDataRepo(db)
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
