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

  it('while its reads of the sign-outs are slow, waits for the next one instead of reading the session', async () => {
    // Polling slower than the trust window: the cache alone is never safe to use.
    const instance = cache(sharedRevocations(), { pollMs: 60 });
    const load = loader();
    // The first request after a pause reads the session: nothing is reading the sign-outs yet.
    await instance.userForToken('t1', load);
    expect(load.reads).toBe(1);
    const answers = await Promise.all([1, 2, 3].map(() => instance.userForToken('t1', load)));
    expect(answers).toEqual([user, user, user]);
    expect(load.reads).toBe(1);
  });

  it('refuses a token signed out while a request waited, by a read begun after the request', async () => {
    const revocations = sharedRevocations();
    // The first read of the sign-outs is slow: it answers what it found when it began, long after.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    const slowFirst: AuthRevocationsRepo = {
      ...revocations,
      since: async (since) => {
        const found = await revocations.since(since);
        if (++reads === 1) await gate;
        return found;
      }
    };
    const instance = cache(slowFirst, { pollMs: 10 });
    const load = loader();
    await instance.userForToken('t1', load);
    await wait(60); // the first read began and hangs: the cache may not be trusted any more
    const waiting = instance.userForToken('t1', load);
    await revocations.record('t1', new Date());
    release(); // the read begun before the request answers without the sign-out: not enough
    expect(await waiting).toBeNull();
    expect(load.reads).toBe(1);
    expect(reads).toBeGreaterThanOrEqual(2);
  });

  it('reads the session when the sign-outs stop answering, after waiting at most waitMs', async () => {
    const revocations = sharedRevocations();
    let calls = 0;
    const hanging: AuthRevocationsRepo = {
      ...revocations,
      since: async (since) => (++calls === 1 ? revocations.since(since) : new Promise<never>(() => {}))
    };
    const instance = cache(hanging, { pollMs: 10, waitMs: 50 });
    const load = loader();
    await instance.userForToken('t1', load);
    await wait(60); // the second read hangs: the cache may not be trusted
    expect(await instance.userForToken('t1', load)).toEqual(user);
    expect(load.reads).toBe(2);
  });

  it('reads the session when the sign-outs cannot be read', async () => {
    const revocations = sharedRevocations();
    let failing = false;
    const flaky: AuthRevocationsRepo = {
      ...revocations,
      since: async (since) => {
        if (failing) throw new Error('database paused');
        return revocations.since(since);
      }
    };
    const instance = cache(flaky, { pollMs: 60 });
    const load = loader();
    await instance.userForToken('t1', load);
    failing = true;
    await wait(70);
    expect(await instance.userForToken('t1', load)).toEqual(user);
    expect(load.reads).toBe(2);
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
