/** The one module that knows the MongoDB client, the collections and their indexes. */
import { MongoClient, type Collection, type Db } from 'mongodb';
import type {
  UserDoc,
  AuthSessionDoc,
  InsightsCacheDoc,
  InsightsSessionDoc,
  InsightsAggregateDoc,
  RecapDoc,
  RateLimitDoc,
  StoredSessionDoc,
  StoryDoc,
  ConfirmationDoc,
  SubmissionDoc,
  ContentVersionDoc,
  SnapshotDoc,
  InviteDoc,
  LoopDoc,
  PeerScoreDoc,
  SceneDoc,
  EventDoc,
  EventSequenceDoc,
  RoomItemDoc,
  RoomLogDoc,
  RoomLogBlockDoc,
  RoomHeadDoc,
  PresenceDoc,
  RecordingChunkDoc,
  RecordingDoc,
  CallConsentDoc,
  UsageDoc,
  UserLoopsDoc,
  UserSessionsDoc,
  InterviewerRecordDoc,
  RubricCalibrationDoc
} from './documents.ts';

export type * from './documents.ts';

export interface Collections {
  users: Collection<UserDoc>;
  sessions: Collection<StoredSessionDoc>;
  contentVersions: Collection<ContentVersionDoc>;
  sessionScenes: Collection<SceneDoc>;
  snapshots: Collection<SnapshotDoc>;
  invites: Collection<InviteDoc>;
  loops: Collection<LoopDoc>;
  userLoops: Collection<UserLoopsDoc>;
  submissions: Collection<SubmissionDoc>;
  confirmations: Collection<ConfirmationDoc>;
  peerScores: Collection<PeerScoreDoc>;
  authSessions: Collection<AuthSessionDoc>;
  rateLimits: Collection<RateLimitDoc>;
  recaps: Collection<RecapDoc>;
  insightsCache: Collection<InsightsCacheDoc>;
  insightsSessions: Collection<InsightsSessionDoc>;
  insightsAggregates: Collection<InsightsAggregateDoc>;
  events: Collection<EventDoc>;
  eventSequences: Collection<EventSequenceDoc>;
  roomItems: Collection<RoomItemDoc>;
  roomLog: Collection<RoomLogDoc>;
  roomLogBlocks: Collection<RoomLogBlockDoc>;
  roomHeads: Collection<RoomHeadDoc>;
  presence: Collection<PresenceDoc>;
  stories: Collection<StoryDoc>;
  recordings: Collection<RecordingDoc>;
  recordingChunks: Collection<RecordingChunkDoc>;
  callConsents: Collection<CallConsentDoc>;
  usage: Collection<UsageDoc>;
  userSessions: Collection<UserSessionsDoc>;
  interviewerRecords: Collection<InterviewerRecordDoc>;
  rubricCalibration: Collection<RubricCalibrationDoc>;
}

export interface Database extends Collections {
  client: MongoClient;
  db: Db;
  /** What answered, e.g. "FerretDB v1.24.2" or "MongoDB 7.0.14". */
  serverName(): Promise<string>;
  close(): Promise<void>;
}

/**
 * How soon a database that stops answering (a paused process, a dead host: the socket stays open) is declared
 * down, so requests get 503 rather than wait. The driver checks the server every 500 ms on its own connection and
 * gives a check (a `hello`, answered without touching storage) 1.5 s; a check that times out marks the server
 * unknown and interrupts the operations waiting on it, whose one retry then gives up after 1.5 s of finding no
 * server: 503 within about 3.5 s (tests/api/database-paused.test.ts), instead of the driver's defaults (10 s
 * between checks, 30 s per check: 34–45 s measured). With 1 s / 2 s / 3 s it was 5.1–5.3 s; with a 2 s selection
 * 4 s idle and 5.2 s under a full suite's load.
 */
export const HANG_DETECTION = {
  heartbeatFrequencyMS: 500,
  connectTimeoutMS: 1500,
  serverSelectionTimeoutMS: 1500
} as const;

/**
 * Connects, creates every index the app's queries need (idempotent), and returns the collections.
 *
 * @example
 * const database = await connectDatabase(process.env.MONGODB_URI!, 'mockloop');
 */
export async function connectDatabase(uri: string, dbName = databaseInUri(uri) ?? 'mockloop'): Promise<Database> {
  const client = new MongoClient(uri, { ...HANG_DETECTION, appName: 'mockloop' });
  await client.connect();
  const db = client.db(dbName);
  const collections: Collections = {
    users: db.collection<UserDoc>('users'),
    sessions: db.collection<StoredSessionDoc>('sessions'),
    contentVersions: db.collection<ContentVersionDoc>('content_versions'),
    sessionScenes: db.collection<SceneDoc>('session_scenes'),
    snapshots: db.collection<SnapshotDoc>('session_snapshots'),
    invites: db.collection<InviteDoc>('invites'),
    loops: db.collection<LoopDoc>('loops'),
    userLoops: db.collection<UserLoopsDoc>('user_loops'),
    submissions: db.collection<SubmissionDoc>('submissions'),
    confirmations: db.collection<ConfirmationDoc>('submission_confirmations'),
    peerScores: db.collection<PeerScoreDoc>('peer_scores'),
    authSessions: db.collection<AuthSessionDoc>('auth_sessions'),
    rateLimits: db.collection<RateLimitDoc>('rate_limits'),
    recaps: db.collection<RecapDoc>('recaps'),
    insightsCache: db.collection<InsightsCacheDoc>('insights_cache'),
    insightsSessions: db.collection<InsightsSessionDoc>('insights_sessions'),
    insightsAggregates: db.collection<InsightsAggregateDoc>('insights_aggregates'),
    events: db.collection<EventDoc>('events'),
    eventSequences: db.collection<EventSequenceDoc>('event_sequences'),
    roomItems: db.collection<RoomItemDoc>('room_items'),
    roomLog: db.collection<RoomLogDoc>('room_log'),
    roomLogBlocks: db.collection<RoomLogBlockDoc>('room_log_blocks'),
    roomHeads: db.collection<RoomHeadDoc>('room_heads'),
    presence: db.collection<PresenceDoc>('room_presence'),
    stories: db.collection<StoryDoc>('stories'),
    recordings: db.collection<RecordingDoc>('recordings'),
    recordingChunks: db.collection<RecordingChunkDoc>('recording_chunks'),
    callConsents: db.collection<CallConsentDoc>('call_consents'),
    usage: db.collection<UsageDoc>('usage'),
    userSessions: db.collection<UserSessionsDoc>('user_sessions'),
    interviewerRecords: db.collection<InterviewerRecordDoc>('interviewer_records'),
    rubricCalibration: db.collection<RubricCalibrationDoc>('rubric_calibration')
  };
  await ensureIndexes(collections);
  return {
    client,
    db,
    ...collections,
    serverName: async () => {
      const info = await db.admin().command({ buildInfo: 1 });
      return typeof info.ferretdbVersion === 'string'
        ? `FerretDB ${info.ferretdbVersion}`
        : `MongoDB ${String(info.version)}`;
    },
    close: () => client.close()
  };
}

/** The database named in the URI's path (mongodb://host/NAME?...), if any. */
export function databaseInUri(uri: string): string | null {
  const name = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
  return name ? decodeURIComponent(name) : null;
}

async function ensureIndexes({
  users,
  rateLimits,
  authSessions,
  sessions,
  snapshots,
  invites,
  peerScores,
  submissions,
  confirmations,
  events,
  roomItems,
  presence,
  stories,
  recordingChunks,
  callConsents
}: Collections): Promise<void> {
  await users.createIndex({ emailKey: 1 }, { unique: true, name: 'emailKey_unique' });
  await authSessions.createIndex({ userId: 1 }, { name: 'userId' });
  await authSessions.createIndex({ expiresAt: 1 }, { name: 'expiresAt' });
  await rateLimits.createIndex({ resetAt: 1 }, { name: 'resetAt' });
  // The history list (newest first per user) and the deadline sweeper.
  await sessions.createIndex({ userId: 1, startedAt: -1 }, { name: 'userId_startedAt' });
  await sessions.createIndex({ status: 1, deadline: 1 }, { name: 'status_deadline' });
  await sessions.createIndex({ 'assessment.id': 1 }, { name: 'assessment_id' });
  await snapshots.createIndex({ sessionId: 1, at: 1 }, { name: 'sessionId_at' });
  await invites.createIndex({ tokenHash: 1 }, { unique: true, name: 'tokenHash_unique' });
  await invites.createIndex({ sessionId: 1, acceptedBy: 1 }, { name: 'sessionId_acceptedBy' });
  await submissions.createIndex({ sessionId: 1, n: 1 }, { unique: true, name: 'sessionId_n_unique' });
  // One confirmation per reviewer and submission; a session's confirmations together.
  await confirmations.createIndex(
    { submissionId: 1, reviewerId: 1 },
    { unique: true, name: 'submissionId_reviewerId_unique' }
  );
  await confirmations.createIndex({ sessionId: 1 }, { name: 'sessionId' });
  await peerScores.createIndex({ sessionId: 1, reviewerId: 1 }, { unique: true, name: 'sessionId_reviewerId_unique' });
  // The live room: pruning old events, a session's chat and notes in order, who is in a room.
  await events.createIndex({ at: 1 }, { name: 'at' });
  await roomItems.createIndex({ sessionId: 1, at: 1 }, { name: 'sessionId_at' });
  await presence.createIndex({ sessionId: 1 }, { name: 'sessionId' });
  // The story bank, newest first per user.
  await stories.createIndex({ userId: 1, updatedAt: -1 }, { name: 'userId_updatedAt' });
  // A recording's chunks in order; a retried chunk collides instead of being stored twice.
  await recordingChunks.createIndex(
    { sessionId: 1, segment: 1, seq: 1 },
    { unique: true, name: 'sessionId_segment_seq_unique' }
  );
  await callConsents.createIndex({ sessionId: 1 }, { name: 'sessionId' });
}
