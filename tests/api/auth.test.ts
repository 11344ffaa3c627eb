/** Accounts over real HTTP against the embedded FerretDB: sign-up, sign-in and sessions (bad input: requests.test.ts). */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, client, reply, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer({ app: { limits: { signInPerAddressAndEmail: { limit: 3, windowMs: 60_000 } } } });
});
afterAll(() => server.close());

const ada = { email: 'Ada@Example.com', password: 'correct horse battery', name: 'Ada Lovelace' };

type Client = ReturnType<typeof client>;
/** Sign-up, sign-in, sign-out and who is signed in, as `c` calls them (whatever the answer). */
const signUp = (c: Client, json: typeof ada) => reply(c.api.auth.signup.$post({ json }));
const signIn = (c: Client, json: { email: string; password: string }, headers?: Record<string, string>) =>
  reply(c.api.auth.signin.$post({ json }, headers ? { headers } : {}));
const signOut = (c: Client) => reply(c.api.auth.signout.$post());
const me = (c: Client) => reply(c.api.me.$get());

describe('sign-up', () => {
  it('creates the account; signing in sets an HttpOnly SameSite=Lax cookie, and /api/me returns the user', async () => {
    const c = client(server.url);
    const res = await signUp(c, ada);
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ accepted: true, message: expect.any(String) });
    expect(res.setCookie).toBeNull();
    const signedIn = await signIn(c, { email: ada.email, password: ada.password });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.user).toMatchObject({ email: ada.email, name: ada.name });
    expect(signedIn.setCookie).toMatch(/^mockloop_session=[\w-]{40,};/);
    expect(signedIn.setCookie).toMatch(/HttpOnly/);
    expect(signedIn.setCookie).toMatch(/SameSite=Lax/);
    expect(signedIn.setCookie).not.toMatch(/Secure/);
    const current = await answer(c.api.me.$get(), 200);
    expect(current.user.email).toBe(ada.email);
  });

  it('answers a registered e-mail (any case) exactly like a free one, and changes nothing about the account', async () => {
    const taken = await signUp(client(server.url), {
      ...ada,
      email: 'ada@EXAMPLE.com',
      password: 'an intruder password',
      name: 'Intruder'
    });
    const free = await signUp(client(server.url), { ...ada, email: 'free@example.com' });
    expect(taken.status).toBe(202);
    expect(taken.json).toEqual(free.json);
    expect(taken.setCookie).toBe(free.setCookie);
    expect(await server.database.users.countDocuments({ emailKey: 'ada@example.com' })).toBe(1);
    const intruder = await signIn(client(server.url), { email: 'ada@example.com', password: 'an intruder password' });
    expect(intruder.status).toBe(401);
    const owner = await signIn(client(server.url), { email: 'ada@example.com', password: ada.password });
    expect(owner.json.user.name).toBe(ada.name);
  });

  it('limits sign-ups per address: 30 at once with a limit of 10 make 10 accounts, the rest get 429', async () => {
    const limited = await startTestServer({ app: { limits: { signUpPerAddress: { limit: 10, windowMs: 60_000 } } } });
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => signUp(client(limited.url), { ...ada, email: `burst${i}@example.com` }))
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 202)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
      for (const res of results.filter((r) => r.status === 429)) {
        expect(res.json.error.code).toBe('RATE_LIMITED');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(await limited.database.users.countDocuments()).toBe(10);
    } finally {
      await limited.close();
    }
  });

  it('stores the password only as an argon2id hash and the session token only as its SHA-256', async () => {
    const c = client(server.url);
    const email = 'hash-check@example.com';
    await c.signUp({ ...ada, email });
    const user = await server.database.users.findOne({ emailKey: email });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(user)).not.toContain(ada.password);
    const token = c.cookie.split('=')[1] ?? '';
    expect(await server.database.authSessions.findOne({ _id: token })).toBeNull();
    const hashed = createHash('sha256').update(token).digest('hex');
    const stored = await server.database.authSessions.findOne({ _id: hashed });
    expect(stored).toMatchObject({ userId: user?._id });
    // The session carries the account for one-read authentication, never its password hash.
    expect(stored?.user).toEqual({ email, emailKey: email, name: ada.name, createdAt: user?.createdAt });
    expect(JSON.stringify(stored)).not.toContain('argon2');
  });

  it('still authenticates a session stored without the account copy (opened by an older version)', async () => {
    const c = client(server.url);
    const email = 'older-session@example.com';
    await c.signUp({ ...ada, email });
    const hashed = createHash('sha256')
      .update(c.cookie.split('=')[1] ?? '')
      .digest('hex');
    await server.database.authSessions.updateOne({ _id: hashed }, { $unset: { user: '' } });
    const current = await me(c);
    expect(current.status).toBe(200);
    expect(current.json).toMatchObject({ user: { email, name: ada.name } });
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const proxied = await startTestServer({ dbName: server.dbName, app: { trustProxy: true } });
    try {
      const c = client(proxied.url);
      await c.signUp({ ...ada, email: 'secure@example.com' });
      const res = await signIn(
        c,
        { email: 'secure@example.com', password: ada.password },
        { 'x-forwarded-proto': 'https' }
      );
      expect(res.status).toBe(200);
      expect(res.setCookie).toMatch(/Secure/);
      // Without a trusted proxy the same header is a claim anyone can make.
      const direct = await signIn(
        client(server.url),
        { email: 'secure@example.com', password: ada.password },
        { 'x-forwarded-proto': 'https' }
      );
      expect(direct.setCookie).not.toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with any e-mail case, and a wrong password gets 401 INVALID_CREDENTIALS', async () => {
    const c = client(server.url);
    const wrong = await signIn(c, { email: 'ada@example.com', password: 'nope nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('INVALID_CREDENTIALS');
    const unknown = await signIn(c, { email: 'ghost@example.com', password: 'whatever1' });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.message).toBe(wrong.json.error.message);
    const ok = await signIn(c, { email: 'ADA@example.com', password: ada.password });
    expect(ok.status).toBe(200);
    expect((await me(c)).status).toBe(200);
  });

  it('revokes the session on sign-out, even if the old cookie is replayed', async () => {
    const c = client(server.url);
    await answer(c.api.auth.signin.$post({ json: { email: 'hash-check@example.com', password: ada.password } }));
    const stolen = c.cookie;
    const out = await signOut(c);
    expect(out.status).toBe(200);
    expect(out.setCookie).toMatch(/mockloop_session=;/);
    c.cookie = stolen;
    const replayed = await me(c);
    expect(replayed.status).toBe(401);
    expect(replayed.json.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired session', async () => {
    const c = client(server.url);
    await answer(c.api.auth.signin.$post({ json: { email: 'secure@example.com', password: ada.password } }));
    const token = c.cookie.split('=')[1] ?? '';
    await server.database.authSessions.updateOne(
      { _id: createHash('sha256').update(token).digest('hex') },
      { $set: { expiresAt: new Date(Date.now() - 1000) } }
    );
    expect((await me(c)).status).toBe(401);
  });

  it('rate-limits wrong passwords per address and e-mail with 429 and Retry-After', async () => {
    const c = client(server.url);
    const attempt = () => signIn(c, { email: 'limited@example.com', password: 'guess1234' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('40 parallel wrong sign-ins: no 5xx, and at most the limit (10) reach a password check', async () => {
    const limited = await startTestServer({
      app: { limits: { signInPerAddressAndEmail: { limit: 10, windowMs: 60_000 } } }
    });
    try {
      const victim = { ...ada, email: 'victim@example.com' };
      await answer(client(limited.url).api.auth.signup.$post({ json: victim }), 202);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          signIn(client(limited.url), { email: victim.email, password: `wrong-${i}-pw` })
        )
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      // 401 is the answer of a password check; 429 is refused before any check.
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
      expect(statuses.filter((s) => s === 401 || s === 429)).toHaveLength(40);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    } finally {
      await limited.close();
    }
  });

  it('does not count a correct password, and a stranger at another address cannot lock the owner out', async () => {
    const proxied = await startTestServer({
      app: { trustProxy: true, limits: { signInPerAddressAndEmail: { limit: 3, windowMs: 60_000 } } }
    });
    try {
      const owner = { ...ada, email: 'owner@example.com' };
      await answer(client(proxied.url).api.auth.signup.$post({ json: owner }), 202);
      const from = (address: string, password: string) =>
        signIn(client(proxied.url), { email: owner.email, password }, { 'x-forwarded-for': address });
      expect((await from('198.51.100.1', 'wrong-password')).status).toBe(401);
      expect((await from('198.51.100.1', 'wrong-password')).status).toBe(401);
      for (let i = 0; i < 5; i++) expect((await from('198.51.100.1', owner.password)).status).toBe(200);
      expect((await from('198.51.100.1', 'wrong-password')).status).toBe(401);
      expect((await from('198.51.100.1', 'wrong-password')).status).toBe(429);
      // The stranger is locked out; the owner, elsewhere, is not.
      expect((await from('203.0.113.50', owner.password)).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('rate-limits per address across e-mails, and the counters are shared by every instance', async () => {
    const first = await startTestServer({ app: { limits: { signInPerAddress: { limit: 4, windowMs: 60_000 } } } });
    const second = await startTestServer({
      dbName: first.dbName,
      app: { limits: { signInPerAddress: { limit: 4, windowMs: 60_000 } } }
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const target = i % 2 === 0 ? first : second;
        const res = await signIn(client(target.url), { email: `spray${i}@example.com`, password: 'guess1234' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('shares sessions between instances on one database', async () => {
    const second = await startTestServer({ dbName: server.dbName });
    try {
      const c = client(server.url);
      await c.signUp({ ...ada, email: 'two-instances@example.com' });
      const other = client(second.url);
      other.cookie = c.cookie;
      expect((await answer(other.api.me.$get())).user.email).toBe('two-instances@example.com');
    } finally {
      await second.close();
    }
  });

  it('refuses a signed-out cookie at once on another instance that had the session in memory', async () => {
    const second = await startTestServer({ dbName: server.dbName });
    try {
      const a = client(server.url);
      await a.signUp({ ...ada, email: 'sign-out-everywhere@example.com' });
      const b = client(second.url);
      b.cookie = a.cookie;
      // Instance B reads the session once, then keeps it (autosave's requests are answered from memory).
      for (let i = 0; i < 3; i++) {
        expect((await me(b)).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect((await signOut(a)).status).toBe(200);
      const after = await me(b);
      expect(after.status).toBe(401);
      expect(after.json.error.code).toBe('UNAUTHENTICATED');
    } finally {
      await second.close();
    }
  });
});
