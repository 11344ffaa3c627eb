/** Requests as such over real HTTP: every bad input, cross-origin refusals, who is signed in and the onboarding goal,
 * health and the API document (accounts themselves: auth.test.ts). */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, client, reply, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const ada = { email: 'Ada@Example.com', password: 'correct horse battery', name: 'Ada Lovelace' };

beforeAll(async () => {
  server = await startTestServer({ app: { limits: { signInPerAddressAndEmail: { limit: 3, windowMs: 60_000 } } } });
  // The account the same-origin sign-in below signs in to.
  await client(server.url).signUp(ada);
});
afterAll(() => server.close());

describe('bad input', () => {
  const cases: Array<{ name: string; body: unknown; status: number; code: string; fields?: string[] }> = [
    {
      name: 'every field missing',
      body: {},
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: ['email', 'password', 'name']
    },
    {
      name: 'a bad e-mail and a short password',
      body: { email: 'not-an-email', password: 'short', name: 'X' },
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: ['email', 'password']
    },
    {
      name: 'wrong types',
      body: { email: 5, password: [], name: {} },
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: ['email', 'password', 'name']
    },
    {
      name: 'an operator object instead of a string',
      body: { email: { $gt: '' }, password: 'whatever1', name: 'X' },
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: ['email']
    },
    ...['12345678', 'password', ' '.repeat(8)].map((password) => ({
      name: `an easily guessed password (${JSON.stringify(password)})`,
      body: { email: 'weak@example.com', password, name: 'Weak' },
      status: 400,
      code: 'WEAK_PASSWORD',
      fields: ['password']
    })),
    { name: 'malformed JSON', body: '{"email": ', status: 400, code: 'MALFORMED_JSON' },
    { name: 'a JSON array', body: [], status: 400, code: 'VALIDATION_FAILED' }
  ];

  it.each(cases)('sign-up with $name → $status $code', async ({ body, status, code, fields }) => {
    const before = await server.database.users.countDocuments();
    // Bad bodies on purpose (missing fields, wrong types, malformed JSON, an array): the untyped client.
    const res = await client(server.url).request('POST', '/api/auth/signup', body);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message).toEqual(expect.any(String));
    if (fields) expect(Object.keys(res.json.error.fields).sort()).toEqual([...fields].sort());
    if (code === 'WEAK_PASSWORD') {
      expect(res.json.error.message).toMatch(/^This password is too easy to guess\. .+\./);
      expect(res.json.error.fields.password).toBe(res.json.error.message);
    }
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
    expect(await server.database.users.countDocuments()).toBe(before);
  });

  it('refuses a body that is not JSON with 415', async () => {
    // A form body on purpose: the untyped client.
    const res = await client(server.url).request('POST', '/api/auth/signin', 'email=a', {
      'content-type': 'application/x-www-form-urlencoded'
    });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an oversized body with 413', async () => {
    // An oversized body on purpose: the untyped client.
    const res = await client(server.url).request('POST', '/api/auth/signup', {
      ...ada,
      name: 'x'.repeat(2 * 1024 * 1024)
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  // A body with no Content-Length (chunked) is counted as it arrives; one with a length is judged by its header.
  const chunked = (body: string) =>
    new Promise<{ status: number; json: { error: { code: string } } }>((resolve, reject) => {
      const request = http.request(
        `${server.url}/api/auth/signup`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (response) => {
          let text = '';
          response.on('data', (part: Buffer) => (text += part.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }));
        }
      );
      request.on('error', reject);
      // Written in pieces, with no length declared: Node sends it chunked.
      for (let at = 0; at < body.length; at += 64 * 1024) request.write(body.slice(at, at + 64 * 1024));
      request.end();
    });

  it('refuses an oversized chunked body with 413, and reads a small chunked one', async () => {
    const big = await chunked(JSON.stringify({ ...ada, name: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    const small = await chunked(JSON.stringify({ email: 'not an e-mail' }));
    expect(small.status).toBe(400);
    expect(small.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    // A route that does not exist cannot be named by the typed client.
    const res = await client(server.url).request('GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('NOT_FOUND');
  });
});

/** Origin and Fetch Metadata headers set by hand, on purpose: the untyped client. */
describe('cross-origin requests', () => {
  it('refuses a state-changing request from another Origin with 403', async () => {
    const res = await client(server.url).request(
      'POST',
      '/api/auth/signin',
      { email: 'ada@example.com', password: ada.password },
      { origin: 'https://evil.example' }
    );
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('CROSS_ORIGIN_REQUEST');
  });

  it('refuses a request the browser marks cross-site, and accepts our own Origin', async () => {
    const c = client(server.url);
    const crossSite = await c.request('POST', '/api/auth/signout', undefined, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await c.request(
      'POST',
      '/api/auth/signin',
      { email: 'ada@example.com', password: ada.password },
      { origin: server.url }
    );
    expect(sameOrigin.status).toBe(200);
  });
});

describe('who is signed in, and the onboarding goal', () => {
  it('answers /api/auth/session with null for nobody and the user once signed in, never 401', async () => {
    const c = client(server.url);
    expect(await reply(c.api.auth.session.$get())).toMatchObject({ status: 200, json: { user: null } });
    await c.signUp({ ...ada, email: 'session-check@example.com' });
    const res = await reply(c.api.auth.session.$get());
    expect(res.status).toBe(200);
    expect(res.json.user.email).toBe('session-check@example.com');
  });

  it('keeps the target level and date on the account, for this user only', async () => {
    const owner = client(server.url);
    await owner.signUp({ ...ada, email: 'goal-owner@example.com' });
    expect(await answer(owner.api.me.profile.$get())).toEqual({ profile: null });
    const put = await reply(owner.api.me.profile.$put({ json: { targetLevel: 'staff', targetDate: '2027-03-01' } }));
    expect(put.status).toBe(200);
    expect(await answer(owner.api.me.profile.$get())).toEqual({
      profile: { targetLevel: 'staff', targetDate: '2027-03-01' }
    });
    const other = client(server.url);
    await other.signUp({ ...ada, email: 'goal-other@example.com' });
    expect(await answer(other.api.me.profile.$get())).toEqual({ profile: null });
  });

  it('refuses a bad goal with 400 naming each field, and leaves the saved one as it was', async () => {
    const c = client(server.url);
    await c.signUp({ ...ada, email: 'goal-bad@example.com' });
    await answer(c.api.me.profile.$put({ json: { targetLevel: 'senior', targetDate: null } }));
    // A level the contract lacks and a day no calendar has, on purpose: the untyped client.
    const bad = await c.request('PUT', '/api/me/profile', { targetLevel: 'intern', targetDate: '2027-13-45' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { targetLevel: expect.any(String), targetDate: expect.any(String) }
    });
    expect((await answer(c.api.me.profile.$get())).profile).toEqual({
      targetLevel: 'senior',
      targetDate: null
    });
    const anonymous = client(server.url);
    expect((await reply(anonymous.api.me.profile.$put({ json: { targetLevel: 'staff' } }))).status).toBe(401);
  });
});

describe('health and the API document', () => {
  it('names the database that answered', async () => {
    const res = await reply(client(server.url).api.health.$get());
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, db: { ok: true, server: expect.stringMatching(/^FerretDB v1\.24\.\d+$/) } });
  });

  it('documents every route in /api/openapi.json', async () => {
    // The published document is served beside the routes, not one of them: the untyped client.
    const res = await client(server.url).request('GET', '/api/openapi.json');
    const routes = Object.entries(res.json.paths as Record<string, object>).flatMap(([p, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`)
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/signup',
        'POST /api/auth/signin',
        'POST /api/auth/signout',
        'GET /api/me'
      ])
    );
  });
});
