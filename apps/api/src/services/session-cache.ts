/**
 * The auth service's sign-in sessions kept in memory (services/auth.ts owns the one cache per instance), so a request (autosave's, every second or two) is authenticated without a
 * database read, while a sign-out still holds on every instance the moment it answers.
 *
 * How sign-out stays immediate: each instance reads the recent sign-outs every POLL_MS and trusts its cache only
 * while its last completed read began less than TRUST_MS ago (else it asks the database, as without a cache).
 * Signing out records the revocation and answers only TRUST_MS + SKEW_MS later; by then every instance that
 * still trusts its cache has read the sign-outs after the record was written, so it refuses the cookie.
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
  clock: () => number;
}

const defaults: SessionCacheOptions = {
  pollMs: 100,
  trustMs: 300,
  skewMs: 50,
  maxAgeMs: 60_000,
  maxEntries: 50_000,
  idleMs: 5_000,
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
  const { pollMs, trustMs, skewMs, maxAgeMs, maxEntries, idleMs, clock } = {
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

  async function poll(): Promise<void> {
    const started = clock();
    try {
      // Every sign-out that a cached entry could predate; the collection holds little more than these.
      for (const doc of await revocations.since(new Date(started - maxAgeMs - trustMs))) {
        revoked.set(doc._id, doc.at.getTime());
        entries.delete(doc._id);
      }
      freshSince = started;
      for (const [hash, at] of revoked) if (at < started - maxAgeMs - trustMs) revoked.delete(hash);
      if (started - lastForget > maxAgeMs) {
        lastForget = started;
        await revocations.forgetBefore(new Date(started - 2 * maxAgeMs));
      }
    } catch {
      // The database did not answer: the cache goes stale by itself and requests read the database.
    }
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
      if (!timer) {
        // The first request after a pause reads the sign-outs before it may use the cache.
        schedule();
      }
      if (revoked.has(hash)) return null;
      const hit = entries.get(hash);
      if (hit && now - freshSince < trustMs && now - hit.loadedAt < maxAgeMs && hit.expiresAt > now) return hit.user;
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
    }
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
