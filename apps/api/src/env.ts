/** What every route handler can reach: the services, and the signed-in user once `session()` has run. */
import type { Database, SignedInUser } from './db/client.ts';
import type { AuthService } from './services/auth.ts';
import type { Catalog } from './services/catalog.ts';
import type { ProfileService } from './services/profile.ts';
import type { InterviewerRecords } from './services/interviewer-records.ts';
import type { LoopService } from './services/loops/index.ts';
import type { PartnerService } from './services/partners/index.ts';
import type { ReviewService } from './services/reviews.ts';
import type { SessionService } from './services/sessions/index.ts';
import type { RecordingService } from './services/recordings/index.ts';
import type { StoryService } from './services/stories.ts';
import type { UserDataService } from './services/user-data.ts';
import type { PlanService } from './services/plans.ts';
import type { EventHub } from './services/live/event-hub.ts';
import type { OwnedDataService } from './services/owned-data.ts';
import type { StreamLimits } from './services/live/stream-limits.ts';
import type { RoomService } from './services/live/room.ts';
import type { CallService } from './services/live/call.ts';

export type { SignedInUser };

/** The embedded server's supervisor as requests see it: while it restarts a crashed database, they get 503. */
export interface DatabaseStatus {
  readonly available: boolean;
  retryAfterSeconds(): number;
}

export interface Services {
  db: Database;
  auth: AuthService;
  profiles: ProfileService;
  catalog: Catalog;
  sessions: SessionService;
  reviews: ReviewService;
  /** Feedback on feedback and each interviewer's record. */
  interviewers: InterviewerRecords;
  loops: LoopService;
  /** Practice partners: slots, matching, bookings and the pair's two halves. */
  partners: PartnerService;
  stories: StoryService;
  recordings: RecordingService;
  /** Deleting a session or an account, with everything kept for it. */
  owned: OwnedDataService;
  userData: UserDataService;
  plans: PlanService;
  /** The live room of a session, and this instance's readers of its events. */
  room: RoomService;
  call: CallService;
  hub: EventHub;
  /** How many event streams one person may hold open on this instance. */
  streams: StreamLimits;
  now: () => Date;
  /** Trust X-Forwarded-For / X-Forwarded-Proto (set when a proxy we control sits in front). */
  trustProxy: boolean;
  /** The embedded server's supervisor, when MockLoop runs one. */
  databaseStatus?: DatabaseStatus;
}

export interface AppEnv {
  Variables: {
    services: Services;
    user: SignedInUser | null;
  };
}
