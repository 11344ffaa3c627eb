import { afterEach, describe, expect, it } from 'vitest';
import type { AuthRevocationDoc } from '../db/auth-revocations-repo.ts';
import type { AuthSessionDoc, UserDoc } from '../db/client.ts';
import { createAuthService, hashToken, type AuthServiceOptions } from './auth.ts';

/**
 * The collections the auth service reads, in memory, as two instances share them (tests/api/auth.test.ts runs the
 * same on the real database). `reads` counts the sign-in sessions read from "the database".
 */
function sharedDatabase() {
  const users = new Map<string, UserDoc>();
  const sessions = new Map<string, AuthSessionDoc>();
  const revoked = new Map<string, AuthRevocationDoc>();
  const db = {
    reads: 0,
    sessions,
    repos: {
      users: {
        insert: async (doc: UserDoc) => !users.has(doc.emailKey) && !!users.set(doc.emailKey, doc),
        findByEmail: async (email: string) => users.get(email.toLowerCase()) ?? null,
        findById: async (id: UserDoc['_id']) => [...users.values()].find((u) => u._id.equals(id)) ?? null
      },
      authSessions: {
        insert: async (doc: AuthSessionDoc) => void sessions.set(doc._id, doc),
        findByHash: async (hash: string) => {
          db.reads++;
          return sessions.get(hash) ?? null;
        },
        delete: async (hash: string) => void sessions.delete(hash)
      },
      authRevocations: {
        record: async (hash: string, at: Date) => void revoked.set(hash, { _id: hash, at }),
        since: async (since: Date) => [...revoked.values()].filter((d) => d.at >= since),
        forgetBefore: async (before: Date) => {
          for (const [hash, doc] of revoked) if (doc.at < before) revoked.delete(hash);
        }
      }
    } as unknown as AuthServiceOptions['repos']
  };
  return db;
}

const open = { limit: 1_000, windowMs: 60_000 };
const limits = { signInPerAddressAndEmail: open, signInPerAddress: open, signUpPerAddress: open };
const rateLimiter = { hit: async () => ({ release: async () => {} }) };
const cacheTimings = { pollMs: 10, trustMs: 40, skewMs: 5 };

const started: ReturnType<typeof createAuthService>[] = [];
afterEach(() => started.splice(0).forEach((auth) => auth.stop()));

/** One instance's auth service over the shared database. */
function instance(db: ReturnType<typeof sharedDatabase>, now?: () => Date) {
  const auth = createAuthService({
    repos: db.repos,
    rateLimiter,
    limits,
    sessionCache: cacheTimings,
    ...(now ? { now } : {})
  });
  started.push(auth);
  return auth;
}

const ada = { email: 'Ada@example.com', password: 'correct horse battery', name: 'Ada' };

async function signedIn(db: ReturnType<typeof sharedDatabase>) {
  const auth = instance(db);
  await auth.signUp(ada, '127.0.0.1');
  return { auth, ...(await auth.signIn(ada, '127.0.0.1')) };
}

/** Resolves once `check` holds, polling every few milliseconds (fails after a second). */
async function until(check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 1_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met within a second');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the auth service: the one owner of who is signed in', () => {
  it('knows the user a token opened, and stores only the token’s hash', async () => {
    const db = sharedDatabase();
    const { auth, token, user } = await signedIn(db);
    expect([...db.sessions.keys()]).toEqual([hashToken(token)]);
    expect((await auth.userForToken(token))?.email).toBe(user.email);
    expect(await auth.userForToken('not-a-token')).toBeNull();
  });

  it('answers repeated requests from its cache while the sign-outs it read are fresh', async () => {
    const db = sharedDatabase();
    const { auth, token } = await signedIn(db);
    await auth.userForToken(token);
    // The first read of the sign-outs happens after the first request; from then on the cache holds.
    await until(async () => {
      const before = db.reads;
      await auth.userForToken(token);
      return db.reads === before;
    });
    const before = db.reads;
    for (let i = 0; i < 5; i++) expect(await auth.userForToken(token)).not.toBeNull();
    expect(db.reads).toBe(before);
  });

  it('refuses the token on every instance once sign-out answers, even one that had it cached', async () => {
    const db = sharedDatabase();
    const { auth: a, token } = await signedIn(db);
    const b = instance(db);
    await until(async () => {
      const before = db.reads;
      const user = await b.userForToken(token);
      return user !== null && db.reads === before;
    });
    await a.signOut(token);
    expect(db.sessions.size).toBe(0);
    expect(await b.userForToken(token)).toBeNull();
    expect(await a.userForToken(token)).toBeNull();
  });

  it('forgets an expired session and deletes it', async () => {
    const db = sharedDatabase();
    let clock = Date.now();
    const auth = instance(db, () => new Date(clock));
    await auth.signUp(ada, '127.0.0.1');
    const { token } = await auth.signIn(ada, '127.0.0.1');
    clock += 31 * 24 * 60 * 60 * 1000;
    expect(await auth.userForToken(token)).toBeNull();
    expect(db.sessions.size).toBe(0);
  });

  it('refuses a wrong password without saying whether the e-mail has an account', async () => {
    const db = sharedDatabase();
    const { auth } = await signedIn(db);
    const wrong = await auth.signIn({ ...ada, password: 'wrong password!' }, '127.0.0.1').catch((e: unknown) => e);
    const unknown = await auth.signIn({ ...ada, email: 'nobody@example.com' }, '127.0.0.1').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(unknown).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', message: (wrong as Error).message });
  });
});
