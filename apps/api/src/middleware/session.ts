/** Reads the session cookie into `c.var.user`, and sets or clears that cookie. */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { createAuthRevocationsRepo } from '../db/auth-revocations-repo.ts';
import type { Database, SignedInUser } from '../db/client.ts';
import { hashToken } from '../services/auth.ts';
import { createSessionCache, type SessionCache } from './session-cache.ts';
import { isHttps } from '../proxy-trust.ts';

export const SESSION_COOKIE = 'mockloop_session';

/** One cache per database connection, i.e. per instance (session-cache.ts says how sign-out stays immediate). */
const caches = new WeakMap<Database, SessionCache>();
function cacheFor(db: Database): SessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createSessionCache(createAuthRevocationsRepo(db))));
  return cache;
}

export function session(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const { auth, db } = c.var.services;
    c.set('user', token ? await cacheFor(db).userForToken(hashToken(token), () => auth.sessionForToken(token)) : null);
    await next();
  };
}

/** Ends a sign-in session on every instance: when this resolves, none of them accepts the token. */
export async function endSession(c: Context<AppEnv>, token: string): Promise<void> {
  const { auth, db } = c.var.services;
  await auth.signOut(token);
  await cacheFor(db).revoke(hashToken(token));
}

/** Refuses anonymous callers before any body is read or validated, so they always get 401. */
export function signedIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireUser(c);
    await next();
  };
}

/** The signed-in user, or a 401 the client can act on. */
export function requireUser(c: Context<AppEnv>): SignedInUser {
  const user = c.var.user;
  if (!user) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in to continue.');
  return user;
}

export function setSessionCookie(c: Context<AppEnv>, token: string, expires: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    expires
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}
