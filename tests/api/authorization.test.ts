/**
 * Every route in /api/openapi.json against every kind of caller: anonymous, the owner, an invited reviewer,
 * a stranger, a reviewer whose invite was revoked, and the holder of an expired invite. Each gets exactly its
 * row's status. A route without a row fails this test, so new routes must say who may call them.
 */
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, expect, it, onTestFinished, vi } from 'vitest';
import { behavioralFixture, codingFixture, codingFixtureTwo, designFixture } from '../support/fixtures.ts';
import { CALLERS, MATRIX, type Caller, type World } from './authorization-matrix.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';
import { lastEventOf, openEvents, passed } from '../support/sse.ts';
import { liveEventSchema, type LiveEventType } from '@mockloop/contracts';

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
  if (caller !== 'anonymous') await answer(c.api.auth.signin.$post({ json: { email: email(caller), password } }));
  if (!fresh) clients.set(caller, c);
  return c;
}

async function buildWorld(submitted: boolean, coding = false): Promise<World> {
  const owner = await signedInAs('owner');
  const questionId = coding ? codingFixture.id : designFixture.id;
  const { session } = await answer(owner.api.sessions.$post({ json: { questionId } }), 201);
  const param = { id: session.id };
  const ofSession = owner.api.sessions[':id'];
  if (coding) await answer(ofSession.submissions.$post({ param, json: { language: 'python', code: 'x' } }), 201);
  const chunk = { segment: 0, seq: 0, startMs: 0, durationMs: 1000, data: 'AAAA' };
  await answer(ofSession.recording.chunks.$post({ param, json: chunk }));
  const newInvite = async () => answer(ofSession.invites.$post({ param, json: {} }), 201);
  const accept = async (caller: Caller, token: string) =>
    reply((await signedInAs(caller)).api.invites.accept.$post({ json: { token } }));
  const reviewerInvite = await newInvite();
  await accept('reviewer', reviewerInvite.token);
  const revoked = await newInvite();
  await accept('revoked', revoked.token);
  await answer(owner.api.invites[':id'].$delete({ param: { id: revoked.invite.id } }));
  const expired = await newInvite();
  await server.database.invites.updateOne(
    { _id: new ObjectId(expired.invite.id) },
    { $set: { expiresAt: new Date(Date.now() - 1000) } }
  );
  expect((await accept('expired', expired.token)).status).toBe(410);
  const open = await newInvite();
  const { story } = await answer(owner.api.stories.$post({ json: { title: 'The owner’s story' } }), 201);
  const { loop } = await answer(owner.api.loops.$post({ json: { templateId: 'senior' } }), 201);
  if (submitted) await answer(ofSession.submit.$post({ param }));
  return {
    sessionId: session.id,
    revision: session.revision,
    criteria: session.rubric.criteria.map((c) => c.id),
    openInviteId: open.invite.id,
    openToken: open.token,
    reviewerInviteId: reviewerInvite.invite.id,
    storyId: story.id,
    loopId: loop.id
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
async function openStream(cookie: string, url: URL) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, signal: controller.signal });
  const json = response.ok ? null : await response.json();
  if (response.ok) expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  controller.abort();
  return { status: response.status, json, text: JSON.stringify(json) };
}

it('has a row for every documented route, and no row for a route that is gone', async () => {
  // The published document is served beside the routes, not one of them: the untyped client.
  const doc = (await client(server.url).request('GET', '/api/openapi.json')).json;
  const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)
  );
  expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
});

/** A row's key as a pattern of the requests it names: `PUT /api/stories/{id}` matches `PUT /api/stories/<any id>`. */
const requestsOf = (route: string) => new RegExp(`^${route.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`);

it.each(Object.entries(MATRIX))('%s answers each caller as its row says', { timeout: 120_000 }, async (route, row) => {
  // The typed call is checked by the compiler; that it is the call its key names is checked here.
  const fetches = vi.spyOn(globalThis, 'fetch');
  onTestFinished(() => fetches.mockRestore());
  const actual: Partial<Record<Caller, number>> = {};
  let world = await buildWorld(row.submitted ?? false, row.coding);
  for (const caller of CALLERS) {
    if (row.isolate && caller !== CALLERS[0]) world = await buildWorld(row.submitted ?? false, row.coding);
    const c = await signedInAs(caller, row.freshSignIn);
    const before = fetches.mock.calls.length;
    const res = row.stream ? await openStream(c.cookie, row.stream(c.api, world)) : await reply(row.call(c.api, world));
    const sent = fetches.mock.calls
      .slice(before)
      .map(([input, init]) => `${(init?.method ?? 'GET').toUpperCase()} ${new URL(String(input)).pathname}`)
      .filter((request) => request !== 'GET /api/openapi.json');
    expect(sent).toEqual([expect.stringMatching(requestsOf(route))]);
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
/** One session's routes as `caller` calls them; each call takes `{ param: { id } }`. */
const as = async (caller: Caller) => (await signedInAs(caller)).api.sessions[':id'];
const param = (w: World) => ({ id: w.sessionId });
const EVENTS: Record<LiveEventType, EventRow> = {
  hello: { trigger: async () => {}, receivers: ['owner', 'reviewer'] },
  presence: { trigger: async () => {}, receivers: ['owner', 'reviewer'] },
  draft: {
    trigger: async (w) => (await as('owner')).drafts.$post({ param: param(w), json: { notes: { design: 'x' } } }),
    receivers: ['reviewer']
  },
  saved: {
    trigger: async (w) =>
      (await as('owner')).work.$patch({ param: param(w), json: { revision: w.revision, notes: { design: 'saved' } } }),
    receivers: ['reviewer']
  },
  phase: {
    trigger: async (w) => (await as('owner')).phases.$post({ param: param(w), json: { phaseId: 'estimation' } }),
    receivers: ['owner', 'reviewer']
  },
  status: {
    trigger: async (w) => (await as('owner')).submit.$post({ param: param(w) }),
    receivers: ['owner', 'reviewer']
  },
  submission: {
    coding: true,
    trigger: async (w) =>
      (await as('owner')).submissions.$post({ param: param(w), json: { language: 'python', code: 'y' } }),
    receivers: ['owner', 'reviewer']
  },
  chat: {
    trigger: async (w) => (await as('reviewer')).chat.$post({ param: param(w), json: { text: 'hi' } }),
    receivers: ['owner', 'reviewer']
  },
  reveal: {
    trigger: async (w) => (await as('reviewer')).reveals.$post({ param: param(w), json: { kind: 'hint', index: 0 } }),
    receivers: ['owner', 'reviewer']
  },
  note: {
    trigger: async (w) => (await as('reviewer'))['interviewer-notes'].$post({ param: param(w), json: { text: 'n' } }),
    receivers: ['reviewer']
  },
  run: {
    coding: true,
    trigger: async (w) =>
      (await as('owner')).runs.$post({
        param: param(w),
        json: { language: 'python', cases: [{ label: 'Example 1', verdict: 'fail', ms: 4, detail: '[0, 2]' }] }
      }),
    receivers: ['reviewer']
  },
  signal: {
    trigger: async (w) => {
      const to = (await answer((await signedInAs('reviewer')).api.me.$get())).user.id;
      return (await as('owner')).call.signals.$post({ param: param(w), json: { to, signal: { kind: 'ready' } } });
    },
    receivers: ['reviewer']
  },
  'call-consent': {
    trigger: async (w) => (await as('reviewer')).call.consent.$put({ param: param(w), json: { record: true } }),
    receivers: ['owner', 'reviewer']
  },
  resync: {
    // Resuming from an event that is no longer kept: the client is told to reload.
    resumeFrom: '0',
    before: async (w) => {
      await answer((await as('reviewer')).chat.$post({ param: param(w), json: { text: 'old' } }), 201);
      await server.database.events.deleteMany({ sessionId: new ObjectId(w.sessionId) });
    },
    trigger: async () => {},
    receivers: ['owner', 'reviewer']
  },
  invite: {
    // The candidate's own: their invite list follows it (here, an open invite's link issued again).
    trigger: async (w) =>
      (await signedInAs('owner')).api.invites[':id'].link.$post({ param: { id: w.openInviteId }, json: {} }),
    receivers: ['owner']
  },
  error: {
    trigger: async (w) => (await signedInAs('owner')).api.invites[':id'].$delete({ param: { id: w.reviewerInviteId } }),
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
    const eventsUrl = `${server.url}/api/sessions/${world.sessionId}/events`;
    const streams = await Promise.all(
      listeners.map(async (caller) =>
        openEvents(
          eventsUrl,
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
      // Those it is not for: once they have passed a later event every member gets (the owner joining once
      // more), they were sent all they will be sent of the trigger's.
      const head = await lastEventOf(server.database, world.sessionId);
      const fence = await openEvents(eventsUrl, (await signedInAs('owner')).cookie);
      try {
        await Promise.all(
          listeners.map((caller, i) => (row.receivers.includes(caller) ? null : passed(streams[i]!, head)))
        );
      } finally {
        fence.close();
      }
      expect(Object.fromEntries(listeners.map((caller, i) => [caller, got(streams[i]!)]))).toEqual(
        Object.fromEntries(listeners.map((caller) => [caller, row.receivers.includes(caller)]))
      );
    } finally {
      for (const s of streams) s.close();
    }
  }
);
