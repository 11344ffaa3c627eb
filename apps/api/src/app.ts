/** The MockLoop API as a Hono app: middleware, routes, the OpenAPI document and the one error shape. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Database } from './db/client.ts';
import { isDatabaseDown } from './db/down.ts';
import { createRepositories } from './db/repositories.ts';
import type { AppEnv, DatabaseStatus, Services } from './env.ts';
import { ApiError } from './errors.ts';
import { sameOrigin } from './middleware/same-origin.ts';
import { session } from './middleware/session.ts';
import { MAX_SCENE_BYTES } from '@mockloop/contracts';
import { apiRoutes } from './routes/index.ts';
import { createCatalog, type VersionedQuestion } from './services/catalog.ts';
import { createEventBus } from './services/events.ts';
import { insightsFollower } from './services/insights-fold.ts';
import { createLoopService } from './services/loops/index.ts';
import { createPartnerService } from './services/partners/index.ts';
import { createReviewService } from './services/reviews.ts';
import { createInterviewerRecords } from './services/interviewer-records.ts';
import { createSessionService } from './services/sessions/index.ts';
import { createRecordingService } from './services/recordings/index.ts';
import { createStoryService } from './services/stories.ts';
import { createUserDataService } from './services/user-data.ts';
import { createPlanService } from './services/plans.ts';
import { createCallService } from './services/live/call.ts';
import { iceServersFrom } from './services/live/ice-servers.ts';
import type { IceServer } from '@mockloop/contracts';
import { createEventHub, type EventHubOptions } from './services/live/event-hub.ts';
import { createOwnedDataService } from './services/owned-data.ts';
import { createStreamLimits, type StreamLimitOptions } from './services/live/stream-limits.ts';
import { createRoomService } from './services/live/room.ts';
import { createAuthService, type AuthLimits } from './services/auth.ts';
import { createProfileService } from './services/profile.ts';
import { createRateLimiter, type RateLimitRule } from './services/rate-limit.ts';

export interface AppOptions {
  db: Database;
  /** The question bank, loaded once at start-up. */
  questions: VersionedQuestion[];
  /** Allow design sessions shorter than 45 minutes (deadline tests); refused in production. */
  allowShortSessions?: boolean;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  limits?: Partial<AuthLimits>;
  trustProxy?: boolean;
  /** The embedded server's supervisor: while it restarts a crashed database, requests get 503 at once. */
  databaseStatus?: DatabaseStatus;
  now?: () => Date;
  /** The live room's pollers (tests shorten the gap a missing event may stay missing). */
  hub?: EventHubOptions;
  /** The most a session's voice recording may hold, in bytes (tests lower it). */
  recordingLimitBytes?: number;
  /** The most one person's recordings may hold together (tests lower it). */
  userRecordingLimitBytes?: number;
  /** Sessions one person may start in a UTC day (tests raise or lower it). */
  sessionsPerDay?: number;
  /** Chat messages one person may send to one room per window (services/live/room.ts DEFAULT_CHAT_LIMIT). */
  chatLimit?: RateLimitRule;
  /** Event streams per person (a few per session); tests lower them. */
  streamLimits?: Partial<StreamLimitOptions>;
  /** STUN/TURN servers for the room's voice call; MOCKLOOP_ICE_SERVERS (JSON) by default, none when unset. */
  iceServers?: IceServer[];
}

const defaults = {
  maxBodyBytes: 1024 * 1024,
  allowShortSessions: false,
  trustProxy: false,
  now: () => new Date()
};

const defaultLimits: AuthLimits = {
  signInPerAddressAndEmail: { limit: 10, windowMs: 15 * 60_000 },
  signInPerAddress: { limit: 100, windowMs: 15 * 60_000 },
  signUpPerAddress: { limit: 10, windowMs: 60 * 60_000 }
};

/**
 * Builds the API; it serves every route under `/api`.
 *
 * @example
 * const app = createApp({ db: await connectDatabase(uri) });
 * serve({ fetch: app.fetch, port: 3000 });
 */
export function createApp(options: AppOptions) {
  const { db, maxBodyBytes, trustProxy, now, allowShortSessions } = { ...defaults, ...options };
  if (allowShortSessions && process.env.NODE_ENV === 'production') {
    throw new Error('allowShortSessions is for tests and cannot be used in production');
  }
  const catalog = createCatalog(options.questions);
  const repos = createRepositories(db);
  // Use cases emit what each write changed; insights and the live room follow (subscribed below, in that order).
  const events = createEventBus();
  const reviews = createReviewService(repos, now, { emit: events.emit });
  const interviewers = createInterviewerRecords(repos, now);
  const sessions = createSessionService({
    repos,
    catalog,
    now,
    allowShortSessions,
    isReviewer: reviews.isReviewer,
    interviewerRecord: interviewers.ensureBuilt,
    emit: events.emit,
    ...(options.sessionsPerDay ? { sessionsPerDay: options.sessionsPerDay } : {})
  });
  const hub = createEventHub(repos.events, options.hub);
  const rateLimiter = createRateLimiter(repos, now);
  const room = createRoomService({
    sessions,
    events: repos.events,
    room: repos.room,
    hub,
    now,
    rateLimiter,
    ...(options.chatLimit ? { chatLimit: options.chatLimit } : {})
  });
  events.subscribe(insightsFollower(repos.insightsCache));
  events.subscribe(room.hear);
  events.subscribe(interviewers.hear);
  const call = createCallService({
    sessions,
    room: repos.room,
    emit: events.emit,
    iceServers: options.iceServers ?? iceServersFrom(process.env.MOCKLOOP_ICE_SERVERS),
    now
  });
  const limits = { ...defaultLimits, ...options.limits };
  const userData = createUserDataService(repos, catalog, now);
  const auth = createAuthService({ repos, rateLimiter, limits, now });
  const recordings = createRecordingService({
    repos,
    sessions,
    callRecordingAllowed: call.recordingAllowed,
    now,
    ...(options.recordingLimitBytes ? { limitBytes: options.recordingLimitBytes } : {}),
    ...(options.userRecordingLimitBytes ? { userLimitBytes: options.userRecordingLimitBytes } : {})
  });
  const services: Services = {
    db,
    auth,
    profiles: createProfileService(repos, now),
    catalog,
    sessions,
    reviews,
    interviewers,
    loops: createLoopService({ repos, catalog, sessions, reviews, now, allowShortSessions, emit: events.emit }),
    room,
    call,
    hub,
    streams: createStreamLimits(options.streamLimits),
    now,
    stories: createStoryService(repos, now),
    recordings,
    partners: createPartnerService({
      repos,
      partners: repos.partners,
      catalog,
      sessions,
      reviews,
      now,
      allowShortSessions
    }),
    owned: createOwnedDataService({ repos, sessions, recordings, auth, records: interviewers, emit: events.emit }),
    userData,
    plans: createPlanService({ repos, sessions, userData, catalog, now }),
    trustProxy,
    ...(options.databaseStatus ? { databaseStatus: options.databaseStatus } : {})
  };

  const app = new OpenAPIHono<AppEnv>().basePath('/api');
  app.use('*', async (c, next) => {
    c.set('services', services);
    c.header('Cache-Control', 'no-store');
    // JSON is never a document: nothing may run or be framed from it.
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    await next();
  });
  // Autosave carries the whiteboard (images included); every other body is small.
  const smallBodies = limitBody(maxBodyBytes, 'The request body');
  const workBodies = limitBody(MAX_SCENE_BYTES + 1024 * 1024, 'The whiteboard');
  app.use('*', (c, next) => (c.req.path.endsWith('/work') ? workBodies(c, next) : smallBodies(c, next)));
  app.use('*', sameOrigin());
  const { databaseStatus } = options;
  if (databaseStatus) {
    app.use('*', async (c, next) => {
      if (!databaseStatus.available && c.req.path !== '/api/health') {
        throw databaseUnavailable(databaseStatus.retryAfterSeconds());
      }
      await next();
    });
  }
  app.use('*', session());

  app.route('/', apiRoutes);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'MockLoop API', version: '0.1.0' }
  });

  app.notFound((c) =>
    c.json(new ApiError(404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}.`).toBody(), 404)
  );
  app.onError((error, c) => {
    // Whatever failed while the supervisor knows the database is down failed because of it.
    const apiError =
      databaseStatus && !databaseStatus.available && !(error instanceof ApiError)
        ? databaseUnavailable(databaseStatus.retryAfterSeconds())
        : toApiError(error);
    // A database that is down is reported once by its supervisor, not on every refused request.
    if (apiError.status >= 500 && apiError.code !== 'DATABASE_UNAVAILABLE') console.error(error);
    for (const [name, value] of Object.entries(apiError.headers ?? {})) c.header(name, value);
    return c.json(apiError.toBody(), apiError.status);
  });
  return Object.assign(app, { services });
}

export type App = ReturnType<typeof createApp>;

function limitBody(maxSize: number, what: string): MiddlewareHandler {
  const tooLarge = (): never => {
    // The rest of the body is never read, so the connection cannot carry another request.
    throw new ApiError(
      413,
      'PAYLOAD_TOO_LARGE',
      `${what} is larger than ${Math.round(maxSize / 1024 / 1024)} MB. Nothing was saved from this request.`,
      undefined,
      { Connection: 'close' }
    );
  };
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    // A declared length is judged by its header, and a request with neither header has no body (HTTP/1.1). Only a
    // chunked body is counted as it streams: asking for the body turns @hono/node-server's lightweight request
    // into a full Request with a web stream, which autosave would otherwise pay on every save.
    if (!chunked) return length !== undefined && Number.parseInt(length, 10) > maxSize ? tooLarge() : next();
    return streamed(c, next);
  };
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400 && /JSON/i.test(error.message)) {
      return new ApiError(400, 'MALFORMED_JSON', 'The request body is not valid JSON.');
    }
    if (error.status === 415) {
      return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON (Content-Type: application/json).');
    }
    if (error.status === 413) {
      return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    }
  }
  if (isDatabaseDown(error)) return databaseUnavailable(2);
  return new ApiError(500, 'INTERNAL', 'Something went wrong on our side. Try again.');
}

export function databaseUnavailable(retryAfterSeconds: number): ApiError {
  return new ApiError(
    503,
    'DATABASE_UNAVAILABLE',
    'The database is not answering. Your work is kept; try again shortly.',
    undefined,
    { 'Retry-After': String(retryAfterSeconds) }
  );
}
