/**
 * The auth service's sign-in sessions kept in memory (services/auth.ts owns the one cache per instance), so a request (autosave's, every second or two) is authenticated without a
 * database read, while a sign-out still holds on every instance the moment it answers.
 *
 * How sign-out stays immediate: each instance reads the recent sign-outs every POLL_MS and trusts its cache only
 * while its last completed read began less than TRUST_MS ago. Signing out records the revocation and answers only
 * TRUST_MS + SKEW_MS later; by then every instance that still trusts its cache has read the sign-outs after the
 * record was written, so it refuses the cookie.
 * A request whose session is cached while the instance is reading the sign-outs, but has not completed a read that
 * recently (the reads slowed down with the database), waits for the next read begun after it arrived, which sees every sign-out answered before
 * it, instead of reading its own session: under load one read of the sign-outs answers every waiting request, where
 * a read per request made each read slower still (two instances of 100 live rooms spent most of their database
 * calls on sign-ins). Only a session not in memory, a read of the sign-outs that failed, or one that kept the request
 * waiting over WAIT_MS (a database that stopped answering) sends the request to the database.
 * An instance with no requests for IDLE_MS stops reading, and its next request goes to the database.
 */
import type { AuthRevocationsRepo } from '../db/auth-revocations-repo.ts';
import type { SignedInUser } from '../db/client.ts';

export interface SessionCacheOptions {
  /** How often an instance reads the recent sign-outs. */
  pollMs: number;
  /** How old an instance's last read of the sign-outs may be for its cache to be used. */
  trustMs: number;
  /** How far two instances' clocks may disagree. */
  skewMs: number;
  /** A session is read from the database again after this long, whatever happens. */
  maxAgeMs: number;
  maxEntries: number;
  idleMs: number;
  /** How long a request waits for the next read of the sign-outs before it reads its own session instead. */
  waitMs: number;
  clock: () => number;
}

const defaults: SessionCacheOptions = {
  pollMs: 100,
  trustMs: 300,
  skewMs: 50,
  maxAgeMs: 60_000,
  maxEntries: 50_000,
  idleMs: 5_000,
  waitMs: 1_000,
  clock: Date.now
};

export interface LoadedSession {
  user: SignedInUser;
  expiresAt: Date;
}

interface Entry {
  user: SignedInUser;
  expiresAt: number;
  loadedAt: number;
}

/**
 * @example
 * const cache = createSessionCache(repos.authRevocations);
 * const user = await cache.userForToken(hashToken(token), () => loadSession(token));
 * await cache.revoke(hashToken(token)); // after deleting the session: every instance now refuses it
 */
export function createSessionCache(revocations: AuthRevocationsRepo, options: Partial<SessionCacheOptions> = {}) {
  const { pollMs, trustMs, skewMs, maxAgeMs, maxEntries, idleMs, waitMs, clock } = {
    ...defaults,
    ...options
  } satisfies SessionCacheOptions;
  const entries = new Map<string, Entry>();
  /** Token hashes signed out within the last maxAgeMs (an entry loaded before a sign-out could still arrive). */
  const revoked = new Map<string, number>();
  let freshSince = -Infinity;
  let lastUse = -Infinity;
  let timer: NodeJS.Timeout | null = null;
  let lastForget = -Infinity;
  /** Requests waiting for a read of the sign-outs begun at or after `after`: told whether one completed. */
  let waiting: { after: number; done: (read: boolean) => void }[] = [];

  function settle(started: number, read: boolean): void {
    const due = waiting.filter((w) => w.after <= started);
    waiting = waiting.filter((w) => w.after > started);
    for (const w of due) w.done(read);
  }

  /**
   * Resolves once a read of the sign-outs begun at or after `after` has completed (true), or failed or kept the
   * request waiting longer than `waitMs` (false: a database that stopped answering is the session read's to report).
   */
  function nextRead(after: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter = {
        after,
        done: (read: boolean) => {
          clearTimeout(timeout);
          waiting = waiting.filter((w) => w !== waiter);
          resolve(read);
        }
      };
      const timeout = setTimeout(() => waiter.done(false), waitMs);
      timeout.unref();
      waiting.push(waiter);
    });
  }

  async function poll(): Promise<void> {
    const started = clock();
    let read = false;
    try {
      // Every sign-out that a cached entry could predate; the collection holds little more than these.
      for (const doc of await revocations.since(new Date(started - maxAgeMs - trustMs))) {
        revoked.set(doc._id, doc.at.getTime());
        entries.delete(doc._id);
      }
      freshSince = started;
      read = true;
      for (const [hash, at] of revoked) if (at < started - maxAgeMs - trustMs) revoked.delete(hash);
      if (started - lastForget > maxAgeMs) {
        lastForget = started;
        await revocations.forgetBefore(new Date(started - 2 * maxAgeMs));
      }
    } catch {
      // The database did not answer: the cache goes stale by itself and requests read the database.
    }
    settle(started, read);
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(async () => {
      await poll();
      timer = null;
      if (clock() - lastUse < idleMs) schedule();
    }, pollMs);
    timer.unref();
  }

  function remember(hash: string, entry: Entry): void {
    entries.delete(hash);
    entries.set(hash, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  return {
    /** The signed-in user for a token's hash: from memory when that is safe, else from `load`. */
    async userForToken(hash: string, load: () => Promise<LoadedSession | null>): Promise<SignedInUser | null> {
      const now = clock();
      lastUse = now;
      const polling = timer !== null;
      if (!timer) {
        // The first request after a pause reads the sign-outs before it may use the cache.
        schedule();
      }
      if (revoked.has(hash)) return null;
      const hit = entries.get(hash);
      const usable = (at: number) => !!hit && at - hit.loadedAt < maxAgeMs && hit.expiresAt > at;
      if (hit && usable(now)) {
        if (now - freshSince < trustMs) return hit.user;
        // The sign-outs are being read, only slowly: one read begun after this request arrived says whether the
        // session still holds. (After a pause nothing is reading them yet: the session is read, as it is quicker.)
        if (polling && (await nextRead(now))) {
          if (revoked.has(hash)) return null;
          if (entries.get(hash) === hit && usable(clock())) return hit.user;
        }
      }
      const loaded = await load();
      if (!loaded) {
        entries.delete(hash);
        return null;
      }
      if (!revoked.has(hash))
        remember(hash, { user: loaded.user, expiresAt: loaded.expiresAt.getTime(), loadedAt: now });
      return loaded.user;
    },

    /** Call after the session is deleted: answers once no instance will accept the token any more. */
    async revoke(hash: string): Promise<void> {
      entries.delete(hash);
      revoked.set(hash, clock());
      await revocations.record(hash, new Date(clock()));
      await new Promise((resolve) => setTimeout(resolve, trustMs + skewMs));
    },

    stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      lastUse = -Infinity;
      // Nothing will read the sign-outs for them: the waiting requests read their sessions.
      settle(Infinity, false);
    }
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
