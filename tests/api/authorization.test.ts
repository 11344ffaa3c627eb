/**
 * Every route in /api/openapi.json against every kind of caller: anonymous, the owner, an invited reviewer,
 * a stranger, a reviewer whose invite was revoked, and the holder of an expired invite. Each gets exactly its
 * row's status. A route without a row fails this test, so new routes must say who may call them.
 */
import { randomBytes } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { behavioralFixture, codingFixture, codingFixtureTwo, designFixture } from '../support/fixtures.ts';
import { client, startTestServer } from '../support/server.ts';
import { openEvents } from '../support/sse.ts';
import { liveEventSchema, type LiveEventType } from '@mockloop/contracts';

type Caller = 'anonymous' | 'owner' | 'reviewer' | 'stranger' | 'revoked' | 'expired';
/** The owner goes last: within one world, only the owner's successes change what others would get. */
const CALLERS: Caller[] = ['anonymous', 'stranger', 'expired', 'revoked', 'reviewer', 'owner'];

/** One session seen from every side: built fresh for each request, so no call changes another's outcome. */
interface World {
  sessionId: string;
  revision: number;
  criteria: string[];
  openInviteId: string;
  openToken: string;
  reviewerInviteId: string;
  /** A story of the owner's story bank. */
  storyId: string;
}

interface Row {
  /** A session already submitted (scoring rows). */
  submitted?: boolean;
  /** A fresh world for each caller, when one caller's success would change the next caller's answer. */
  isolate?: boolean;
  /** A coding session instead of a design one. */
  coding?: boolean;
  /** A fresh sign-in for each caller, when the call ends or replaces the caller's session. */
  freshSignIn?: boolean;
  /** A server-sent events stream: only its status is read, then the connection is dropped. */
  stream?: boolean;
  path: (world: World) => string;
  body?: (world: World) => unknown;
  expect: Record<Caller, number>;
}

const everyone = (status: number) => Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const ownerOnly = (status: number) => ({ ...everyone(404), anonymous: 401, owner: status });
const readers = (status: number) => ({ ...ownerOnly(status), reviewer: status });
const all = (world: World, rating: number) => Object.fromEntries(world.criteria.map((id) => [id, rating]));

const MATRIX: Record<string, Row> = {
  'GET /api/health': { path: () => '/api/health', expect: everyone(200) },
  'POST /api/auth/signup': {
    freshSignIn: true,
    path: () => '/api/auth/signup',
    body: () => ({
      email: `new-${randomBytes(4).toString('hex')}@authz.example`,
      password: 'new-password-1',
      name: 'New'
    }),
    expect: everyone(202)
  },
  'POST /api/auth/signin': {
    path: () => '/api/auth/signin',
    body: () => ({ email: 'nobody@authz.example', password: 'wrong-password' }),
    expect: everyone(401)
  },
  'POST /api/auth/signout': { freshSignIn: true, path: () => '/api/auth/signout', expect: everyone(200) },
  'GET /api/me': { path: () => '/api/me', expect: signedIn(200) },
  'GET /api/auth/session': { path: () => '/api/auth/session', expect: everyone(200) },
  'GET /api/me/profile': { path: () => '/api/me/profile', expect: signedIn(200) },
  'PUT /api/me/profile': {
    path: () => '/api/me/profile',
    body: () => ({ targetLevel: 'staff', targetDate: '2027-03-01' }),
    expect: signedIn(200)
  },
  'GET /api/rubrics': { path: () => '/api/rubrics', expect: everyone(200) },
  'GET /api/rubrics/{id}': { path: () => '/api/rubrics/system-design-mock', expect: everyone(200) },
  'GET /api/questions': { path: () => '/api/questions', expect: everyone(200) },
  'GET /api/questions/{id}': { path: () => `/api/questions/${designFixture.id}`, expect: everyone(200) },
  'POST /api/sessions': {
    path: () => '/api/sessions',
    body: () => ({ questionId: designFixture.id }),
    expect: signedIn(201)
  },
  'POST /api/assessments': {
    path: () => '/api/assessments',
    body: () => ({ questionIds: [codingFixture.id, codingFixtureTwo.id] }),
    expect: signedIn(201)
  },
  'POST /api/behavioral-mocks': {
    path: () => '/api/behavioral-mocks',
    body: () => ({ questionIds: [behavioralFixture.id] }),
    expect: signedIn(201)
  },
  'GET /api/sessions': { path: () => '/api/sessions', expect: signedIn(200) },
  'GET /api/sessions/{id}': { path: (w) => `/api/sessions/${w.sessionId}`, expect: readers(200) },
  'PATCH /api/sessions/{id}/work': {
    path: (w) => `/api/sessions/${w.sessionId}/work`,
    body: (w) => ({ revision: w.revision, notes: { design: 'edit' } }),
    expect: ownerOnly(200)
  },
  'POST /api/sessions/{id}/phases': {
    path: (w) => `/api/sessions/${w.sessionId}/phases`,
    body: () => ({ phaseId: 'estimation' }),
    expect: ownerOnly(200)
  },
  'POST /api/sessions/{id}/submit': { path: (w) => `/api/sessions/${w.sessionId}/submit`, expect: ownerOnly(200) },
  'GET /api/sessions/{id}/snapshots': { path: (w) => `/api/sessions/${w.sessionId}/snapshots`, expect: readers(200) },
  'PUT /api/sessions/{id}/scores/self': {
    submitted: true,
    path: (w) => `/api/sessions/${w.sessionId}/scores/self`,
    body: (w) => ({ ratings: all(w, 3) }),
    expect: ownerOnly(200)
  },
  'POST /api/sessions/{id}/invites': {
    path: (w) => `/api/sessions/${w.sessionId}/invites`,
    body: () => ({}),
    expect: ownerOnly(201)
  },
  'GET /api/sessions/{id}/invites': { path: (w) => `/api/sessions/${w.sessionId}/invites`, expect: ownerOnly(200) },
  'DELETE /api/invites/{id}': { path: (w) => `/api/invites/${w.openInviteId}`, expect: ownerOnly(200) },
  'POST /api/invites/accept': {
    isolate: true,
    path: () => '/api/invites/accept',
    body: (w) => ({ token: w.openToken }),
    // Any signed-in peer may accept an open invite; the owner cannot review their own session.
    expect: { ...signedIn(200), owner: 409 }
  },
  'PUT /api/sessions/{id}/scores/peer': {
    submitted: true,
    path: (w) => `/api/sessions/${w.sessionId}/scores/peer`,
    body: (w) => ({ ratings: all(w, 2) }),
    expect: { ...readers(200), owner: 403 }
  },
  'GET /api/sessions/{id}/scores': { path: (w) => `/api/sessions/${w.sessionId}/scores`, expect: readers(200) },
  'POST /api/sessions/{id}/submissions': {
    coding: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions`,
    body: () => ({ language: 'python', code: 'def two_sum(nums, target):\n    return [0, 1]' }),
    expect: ownerOnly(201)
  },
  'PUT /api/sessions/{id}/submissions/{n}/result': {
    coding: true,
    isolate: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions/1/result`,
    body: () => ({ results: Array.from({ length: 7 }, () => ({ verdict: 'pass', ms: 1 })) }),
    expect: ownerOnly(200)
  },
  // The held-back tests go to reviewers only: the candidate is refused (403), strangers never learn they exist.
  'GET /api/sessions/{id}/submissions/{n}/confirmation-tests': {
    coding: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions/1/confirmation-tests`,
    expect: { ...readers(200), owner: 403 }
  },
  'PUT /api/sessions/{id}/submissions/{n}/confirmation': {
    coding: true,
    isolate: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions/1/confirmation`,
    body: () => ({ outcomes: Array.from({ length: 3 }, () => ({ kind: 'timeout' })) }),
    expect: { ...readers(200), owner: 403 }
  },
  'GET /api/sessions/{id}/submissions': {
    coding: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions`,
    expect: readers(200)
  },
  'GET /api/sessions/{id}/room': { path: (w) => `/api/sessions/${w.sessionId}/room`, expect: readers(200) },
  'GET /api/sessions/{id}/events': {
    stream: true,
    path: (w) => `/api/sessions/${w.sessionId}/events`,
    expect: readers(200)
  },
  'POST /api/sessions/{id}/chat': {
    path: (w) => `/api/sessions/${w.sessionId}/chat`,
    body: () => ({ text: 'hello' }),
    expect: readers(201)
  },
  'POST /api/sessions/{id}/interviewer-notes': {
    path: (w) => `/api/sessions/${w.sessionId}/interviewer-notes`,
    body: () => ({ text: 'asked about caching' }),
    expect: { ...readers(201), owner: 403 }
  },
  'POST /api/sessions/{id}/reveals': {
    path: (w) => `/api/sessions/${w.sessionId}/reveals`,
    body: () => ({ kind: 'hint', index: 0 }),
    expect: { ...readers(201), owner: 403 }
  },
  'POST /api/sessions/{id}/runs': {
    coding: true,
    path: (w) => `/api/sessions/${w.sessionId}/runs`,
    body: () => ({ language: 'python', cases: [{ label: 'Example 1', verdict: 'pass', ms: 3 }] }),
    expect: ownerOnly(201)
  },
  'POST /api/sessions/{id}/drafts': {
    path: (w) => `/api/sessions/${w.sessionId}/drafts`,
    body: () => ({ notes: { design: 'typing' } }),
    expect: ownerOnly(202)
  },
  'GET /api/insights': { path: () => '/api/insights', expect: signedIn(200) },
  'PUT /api/recaps/{weekStart}': {
    path: () => '/api/recaps/2026-11-16',
    body: () => ({ markdown: '### Week of 2026-11-16 Recap' }),
    expect: signedIn(200)
  },
  'GET /api/export': { path: () => '/api/export?format=csv', expect: signedIn(200) },
  // The story bank is the user's own: no invite reaches it, so a session's reviewer gets 404 too.
  'GET /api/stories': { path: () => '/api/stories', expect: signedIn(200) },
  'GET /api/stories/summary': { path: () => '/api/stories/summary', expect: signedIn(200) },
  'POST /api/stories': { path: () => '/api/stories', body: () => ({ title: 'A new story' }), expect: signedIn(201) },
  'GET /api/stories/{id}': { path: (w) => `/api/stories/${w.storyId}`, expect: ownerOnly(200) },
  'PUT /api/stories/{id}': {
    path: (w) => `/api/stories/${w.storyId}`,
    body: () => ({ title: 'Renamed story', themes: ['conflict'] }),
    expect: ownerOnly(200)
  },
  'DELETE /api/stories/{id}': { path: (w) => `/api/stories/${w.storyId}`, expect: ownerOnly(200) }
};

let server: Awaited<ReturnType<typeof startTestServer>>;
const password = 'authz-password-1';
const email = (caller: Caller) => `${caller}@authz.example`;

const clients = new Map<Caller, ReturnType<typeof client>>();

/** A client signed in as `caller` (argon2 makes sign-in slow, so each caller signs in once unless asked). */
async function signedInAs(caller: Caller, fresh = false) {
  const cached = clients.get(caller);
  // Anonymous is never cached: a response could set a cookie on it.
  if (cached && !fresh && caller !== 'anonymous') return cached;
  const c = client(server.url);
  if (caller !== 'anonymous') await c.request('POST', '/api/auth/signin', { email: email(caller), password });
  if (!fresh) clients.set(caller, c);
  return c;
}

async function buildWorld(submitted: boolean, coding = false): Promise<World> {
  const owner = await signedInAs('owner');
  const questionId = coding ? codingFixture.id : designFixture.id;
  const { session } = (await owner.request('POST', '/api/sessions', { questionId })).json;
  if (coding) await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'python', code: 'x' });
  const newInvite = async () => (await owner.request('POST', `/api/sessions/${session.id}/invites`, {})).json;
  const accept = async (caller: Caller, token: string) =>
    (await signedInAs(caller)).request('POST', '/api/invites/accept', { token });
  const reviewerInvite = await newInvite();
  await accept('reviewer', reviewerInvite.token);
  const revoked = await newInvite();
  await accept('revoked', revoked.token);
  await owner.request('DELETE', `/api/invites/${revoked.invite.id}`);
  const expired = await newInvite();
  await server.database.invites.updateOne(
    { _id: new ObjectId(expired.invite.id) },
    { $set: { expiresAt: new Date(Date.now() - 1000) } }
  );
  expect((await accept('expired', expired.token)).status).toBe(410);
  const open = await newInvite();
  const story = (await owner.request('POST', '/api/stories', { title: 'The owner’s story' })).json.story;
  if (submitted) await owner.request('POST', `/api/sessions/${session.id}/submit`);
  return {
    sessionId: session.id,
    revision: session.revision,
    criteria: session.rubric.criteria.map((c: { id: string }) => c.id),
    openInviteId: open.invite.id,
    openToken: open.token,
    reviewerInviteId: reviewerInvite.invite.id,
    storyId: story.id
  };
}

beforeAll(async () => {
  const unlimited = { limit: 100_000, windowMs: 60_000 };
  server = await startTestServer({
    questions: [designFixture, codingFixture, codingFixtureTwo, behavioralFixture],
    app: { limits: { signInPerAddressAndEmail: unlimited, signInPerAddress: unlimited } }
  });
  for (const caller of CALLERS.filter((c) => c !== 'anonymous')) {
    await client(server.url).signUp({ email: email(caller), password, name: caller });
  }
});
afterAll(() => server.close());

/** Opens a stream, reads its status (and the error body of a refusal), and drops it. */
async function openStream(cookie: string, urlPath: string) {
  const controller = new AbortController();
  const response = await fetch(server.url + urlPath, { headers: cookie ? { cookie } : {}, signal: controller.signal });
  const json = response.ok ? null : await response.json();
  if (response.ok) expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  controller.abort();
  return { status: response.status, json, text: JSON.stringify(json) };
}

it('has a row for every documented route, and no row for a route that is gone', async () => {
  const doc = (await client(server.url).request('GET', '/api/openapi.json')).json;
  const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)
  );
  expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
});

it.each(Object.entries(MATRIX))('%s answers each caller as its row says', { timeout: 120_000 }, async (route, row) => {
  const method = route.split(' ')[0]!;
  const actual: Partial<Record<Caller, number>> = {};
  let world = await buildWorld(row.submitted ?? false, row.coding);
  for (const caller of CALLERS) {
    if (row.isolate && caller !== CALLERS[0]) world = await buildWorld(row.submitted ?? false, row.coding);
    const c = await signedInAs(caller, row.freshSignIn);
    const res = row.stream
      ? await openStream(c.cookie, row.path(world))
      : await c.request(method, row.path(world), row.body?.(world));
    actual[caller] = res.status;
    if (res.status >= 400) expect(res.json?.error?.code, `${caller}: ${res.text}`).toEqual(expect.any(String));
  }
  expect(actual).toEqual(row.expect);
});

/**
 * Every event type of the live room against the two callers who may hold a stream (everyone else gets the 404
 * above and no stream): which of them receives it. A new event type without a row fails the first test.
 */
type Listener = 'owner' | 'reviewer';
interface EventRow {
  coding?: boolean;
  /** Connect resuming from this Last-Event-ID instead of from now. */
  resumeFrom?: string;
  /** Runs before the streams open. */
  before?: (world: World) => Promise<void>;
  trigger: (world: World) => Promise<unknown>;
  receivers: Listener[];
}
const as = async (caller: Caller) => signedInAs(caller);
const EVENTS: Record<LiveEventType, EventRow> = {
  hello: { trigger: async () => {}, receivers: ['owner', 'reviewer'] },
  presence: { trigger: async () => {}, receivers: ['owner', 'reviewer'] },
  draft: {
    trigger: async (w) =>
      (await as('owner')).request('POST', `/api/sessions/${w.sessionId}/drafts`, { notes: { design: 'x' } }),
    receivers: ['reviewer']
  },
  saved: {
    trigger: async (w) =>
      (await as('owner')).request('PATCH', `/api/sessions/${w.sessionId}/work`, {
        revision: w.revision,
        notes: { design: 'saved' }
      }),
    receivers: ['reviewer']
  },
  phase: {
    trigger: async (w) =>
      (await as('owner')).request('POST', `/api/sessions/${w.sessionId}/phases`, { phaseId: 'estimation' }),
    receivers: ['owner', 'reviewer']
  },
  status: {
    trigger: async (w) => (await as('owner')).request('POST', `/api/sessions/${w.sessionId}/submit`),
    receivers: ['owner', 'reviewer']
  },
  submission: {
    coding: true,
    trigger: async (w) =>
      (await as('owner')).request('POST', `/api/sessions/${w.sessionId}/submissions`, {
        language: 'python',
        code: 'y'
      }),
    receivers: ['owner', 'reviewer']
  },
  chat: {
    trigger: async (w) => (await as('reviewer')).request('POST', `/api/sessions/${w.sessionId}/chat`, { text: 'hi' }),
    receivers: ['owner', 'reviewer']
  },
  reveal: {
    trigger: async (w) =>
      (await as('reviewer')).request('POST', `/api/sessions/${w.sessionId}/reveals`, { kind: 'hint', index: 0 }),
    receivers: ['owner', 'reviewer']
  },
  note: {
    trigger: async (w) =>
      (await as('reviewer')).request('POST', `/api/sessions/${w.sessionId}/interviewer-notes`, { text: 'n' }),
    receivers: ['reviewer']
  },
  run: {
    coding: true,
    trigger: async (w) =>
      (await as('owner')).request('POST', `/api/sessions/${w.sessionId}/runs`, {
        language: 'python',
        cases: [{ label: 'Example 1', verdict: 'fail', ms: 4, detail: '[0, 2]' }]
      }),
    receivers: ['reviewer']
  },
  resync: {
    // Resuming from an event that is no longer kept: the client is told to reload.
    resumeFrom: '0',
    before: async (w) => {
      await (await as('reviewer')).request('POST', `/api/sessions/${w.sessionId}/chat`, { text: 'old' });
      await server.database.events.deleteMany({ sessionId: new ObjectId(w.sessionId) });
    },
    trigger: async () => {},
    receivers: ['owner', 'reviewer']
  },
  error: {
    trigger: async (w) => (await as('owner')).request('DELETE', `/api/invites/${w.reviewerInviteId}`),
    receivers: ['reviewer']
  }
};

it('has a row for every live event type', () => {
  const types = liveEventSchema.options.map((o) => o.shape.type.value);
  expect(types.sort()).toEqual(Object.keys(EVENTS).sort());
});

it.each(Object.entries(EVENTS))(
  'event %s reaches exactly its row’s listeners',
  { timeout: 60_000 },
  async (type, row) => {
    const world = await buildWorld(false, row.coding);
    await row.before?.(world);
    const listeners = ['owner', 'reviewer'] as const;
    const streams = await Promise.all(
      listeners.map(async (caller) =>
        openEvents(
          `${server.url}/api/sessions/${world.sessionId}/events`,
          (await signedInAs(caller)).cookie,
          row.resumeFrom ? { 'last-event-id': row.resumeFrom } : {}
        )
      )
    );
    try {
      await Promise.all(streams.map((s) => s.next((e) => e.data.type === 'hello')));
      await row.trigger(world);
      const got = (s: (typeof streams)[number]) => s.received.some((e) => e.data.type === type);
      await Promise.all(
        listeners.map((caller, i) =>
          row.receivers.includes(caller) ? streams[i]!.next((e) => e.data.type === type) : null
        )
      );
      // Those it is not for would have had it in the same poll; give them a few more.
      await new Promise((r) => setTimeout(r, 300));
      expect(Object.fromEntries(listeners.map((caller, i) => [caller, got(streams[i]!)]))).toEqual(
        Object.fromEntries(listeners.map((caller) => [caller, row.receivers.includes(caller)]))
      );
    } finally {
      for (const s of streams) s.close();
    }
  }
);
