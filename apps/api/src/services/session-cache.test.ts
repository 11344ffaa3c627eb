import { ObjectId } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthRevocationDoc, AuthRevocationsRepo } from '../db/auth-revocations-repo.ts';
import { createSessionCache, type LoadedSession, type SessionCache } from './session-cache.ts';

/** The revocations collection as two instances share it (tests/api/auth.test.ts runs it on the real database). */
function sharedRevocations(): AuthRevocationsRepo {
  const docs = new Map<string, AuthRevocationDoc>();
  return {
    record: async (hash, at) => void docs.set(hash, { _id: hash, at }),
    since: async (since) => [...docs.values()].filter((d) => d.at >= since),
    forgetBefore: async (before) => {
      for (const [hash, doc] of docs) if (doc.at < before) docs.delete(hash);
    }
  };
}

const user = {
  _id: new ObjectId(),
  email: 'ada@example.com',
  emailKey: 'ada@example.com',
  name: 'Ada',
  createdAt: new Date()
};
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const options = { pollMs: 10, trustMs: 40, skewMs: 5 };

/** A database lookup that counts its reads. */
function loader(session: LoadedSession | null = { user, expiresAt: new Date(Date.now() + 60_000) }) {
  const load = async () => {
    load.reads++;
    return session;
  };
  load.reads = 0;
  return load;
}

const started: SessionCache[] = [];
afterEach(() => started.splice(0).forEach((cache) => cache.stop()));
function cache(revocations: AuthRevocationsRepo, extra: Parameters<typeof createSessionCache>[1] = {}) {
  const created = createSessionCache(revocations, { ...options, ...extra });
  started.push(created);
  return created;
}

describe('session cache', () => {
  it('answers from memory once it has read the sign-outs, without reading the session again', async () => {
    const instance = cache(sharedRevocations());
    const load = loader();
    expect(await instance.userForToken('t1', load)).toEqual(user);
    await wait(20);
    for (let i = 0; i < 5; i++) expect(await instance.userForToken('t1', load)).toEqual(user);
    expect(load.reads).toBe(1);
  });

  it('reads the database while it has not read the sign-outs recently', async () => {
    // Polling slower than the trust window: the cache is never safe to use.
    const instance = cache(sharedRevocations(), { pollMs: 200 });
    const load = loader();
    for (let i = 0; i < 3; i++) await instance.userForToken('t1', load);
    expect(load.reads).toBe(3);
  });

  it('refuses a token signed out on another instance as soon as the sign-out answers', async () => {
    const revocations = sharedRevocations();
    // A trust window wide enough that a busy machine's late timers cannot make B go to the database instead:
    // what this checks is that B refuses from its own read of the sign-outs (the revoke answers a second later).
    const a = cache(revocations, { trustMs: 1000 });
    const b = cache(revocations, { trustMs: 1000 });
    const load = loader();
    await b.userForToken('t1', load);
    await wait(100);
    expect(await b.userForToken('t1', load)).toEqual(user);
    // Instance A deletes the session (the loader would now find nothing) and records the sign-out.
    await a.revoke('t1');
    expect(await b.userForToken('t1', load)).toBeNull();
    expect(load.reads).toBe(1);
  });

  it('keeps refusing a session whose read began before the sign-out and ended after it', async () => {
    const revocations = sharedRevocations();
    const a = cache(revocations);
    const b = cache(revocations);
    let release: () => void = () => {};
    const slow = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { user, expiresAt: new Date(Date.now() + 60_000) };
    };
    const inFlight = b.userForToken('t1', slow);
    await wait(5);
    await a.revoke('t1');
    release();
    await inFlight;
    expect(await b.userForToken('t1', loader())).toBeNull();
  });

  it('does not keep a session past its expiry or an unknown token at all', async () => {
    const instance = cache(sharedRevocations());
    const expiring = loader({ user, expiresAt: new Date(Date.now() + 30) });
    await instance.userForToken('t1', expiring);
    await wait(40);
    await instance.userForToken('t1', expiring);
    expect(expiring.reads).toBe(2);
    const unknown = loader(null);
    expect(await instance.userForToken('t2', unknown)).toBeNull();
    expect(await instance.userForToken('t2', unknown)).toBeNull();
    expect(unknown.reads).toBe(2);
  });
});
