/**
 * Property-based fuzzing of every route in /api/openapi.json: whatever a client sends as path, query or body,
 * the answer is 2xx or a 4xx in the error shape, never a 5xx or a stack trace.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let user: ReturnType<typeof client>;
let sessionId: string;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  const unlimited = { limit: 1_000_000, windowMs: 60_000 };
  server = await startTestServer({
    questions: [designFixture],
    app: { limits: { signInPerAddressAndEmail: unlimited, signInPerAddress: unlimited } }
  });
  user = client(server.url);
  await user.signUp({
    email: 'fuzz@example.com',
    password: 'fuzz-password-1',
    name: 'Fuzz'
  });
  sessionId = (await answer(user.api.sessions.$post({ json: { questionId: designFixture.id } }), 201)).session.id;
  // The published document is served beside the routes, not one of them: the untyped client.
  const doc = (await user.request('GET', '/api/openapi.json')).json;
  // A stream of server-sent events never ends, so it cannot be read whole; tests/api/live.test.ts covers it.
  const streams = (op: { responses?: Record<string, { content?: object }> }) =>
    Object.values(op.responses ?? {}).some((r) => 'text/event-stream' in (r.content ?? {}));
  routes = Object.entries(doc.paths as Record<string, Record<string, object>>).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => !streams(op))
      .map(([method]) => ({ method: method.toUpperCase(), path }))
  );
});
afterAll(() => server.close());

/** Hostile values: operator objects, prototype keys, deep nesting, huge and odd strings. */
const hostile = fc.oneof(
  fc.constantFrom(
    { $gt: '' },
    { $ne: null },
    { $where: 'sleep(1000)' },
    { __proto__: { admin: true } },
    { constructor: { prototype: { x: 1 } } }
  ),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  // Long but under the body limit: oversized bodies have their own tests (413).
  fc.constant('x'.repeat(20_000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200)) as unknown)
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom(
      'email',
      'password',
      'name',
      'questionId',
      'revision',
      'notes',
      'scene',
      'ratings',
      'token',
      'phaseId',
      'submit',
      '__proto__',
      '$set'
    ),
    hostile
  ),
  hostile
);
const pathParam = fc.oneof(
  fc.constant('SESSION'),
  fc.stringMatching(/^[0-9a-f]{24}$/),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.constant('%00'),
  fc.constant('..%2f..%2fetc%2fpasswd')
);
const query = fc.dictionary(
  fc.constantFrom('kind', 'level', 'q', 'limit', 'offset', 'format', 'status', 'from', 'to', 'tag'),
  fc.string({ maxLength: 20 })
);

it('never answers a 5xx or leaks a stack trace, whatever the input', { timeout: 240_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat(), pathParam, query, body, async (routeIndex, param, q, payload) => {
      const route = routes[routeIndex % routes.length]!;
      if (route.path === '/api/auth/signout') return; // would end the fuzzing user's session
      // Would delete the session every reader is checked on afterwards (other ids are fuzzed as any other route's).
      if (route.method === 'DELETE' && route.path === '/api/sessions/{id}' && param === 'SESSION') return;
      const path = route.path.replace('{id}', param === 'SESSION' ? sessionId : param);
      const search = new URLSearchParams(q as Record<string, string>).toString();
      const sent = route.method === 'GET' || route.method === 'DELETE' ? undefined : JSON.stringify(payload);
      // Hostile input on purpose, to every documented path: the untyped client.
      const res = await user.request(route.method, `${path}${search ? `?${search}` : ''}`, sent);
      expect(res.status, `${route.method} ${path} → ${res.text.slice(0, 300)}`).toBeLessThan(500);
      expect(res.text).not.toMatch(/\bat \S+\.(ts|js):\d+/);
      if (res.status >= 400) {
        expect(res.json?.error?.code).toEqual(expect.any(String));
        expect(res.json?.error?.message).toEqual(expect.any(String));
      }
    }),
    { numRuns: 800, seed: Number(process.env.FUZZ_SEED ?? 20261122) }
  );
  // The fuzzing user is still who they were: no input changed their account or leaked another's.
  expect((await answer(user.api.me.$get())).user.email).toBe('fuzz@example.com');
  // Nothing half-written: everything the fuzzing stored reads back whole, through every reader of it.
  const sessions = (await answer(user.api.sessions.$get({ query: { limit: '200' } }))).items;
  expect(sessions.map((s) => s.id)).toContain(sessionId);
  for (const { id } of sessions) {
    const read = await reply(user.api.sessions[':id'].$get({ param: { id } }));
    expect(read.status, `GET /api/sessions/${id} → ${read.text.slice(0, 300)}`).toBe(200);
    expect(read.json.session.work.notes).toEqual(expect.any(Object));
    expect(Number.isInteger(read.json.session.revision)).toBe(true);
  }
  const readers = {
    '/api/insights': () => user.api.insights.$get({ query: {} }),
    '/api/export?format=json': () => user.api.export.$get({ query: { format: 'json' } }),
    '/api/export?format=csv': () => user.api.export.$get({ query: { format: 'csv' } })
  };
  for (const [path, call] of Object.entries(readers)) {
    const read = await reply(call());
    expect(read.status, `GET ${path} → ${read.text.slice(0, 300)}`).toBe(200);
  }
});

it.each([
  {
    name: 'a JSON body sent as text/plain',
    type: 'text/plain',
    body: '{"email":"a@b.c","password":"12345678"}',
    status: 415
  },
  {
    name: 'invalid UTF-8',
    type: 'application/json',
    body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    status: 400
  },
  { name: 'an empty body', type: 'application/json', body: '', status: 400 }
])('sign-in with $name → $status', async ({ type, body, status }) => {
  const res = await fetch(`${server.url}/api/auth/signin`, { method: 'POST', headers: { 'content-type': type }, body });
  expect(res.status).toBe(status);
  expect((await res.json()).error.code).toEqual(expect.any(String));
});
