/**
 * Reads the session cookie into `c.var.user`, and sets or clears that cookie. Who a token belongs to is the auth
 * service's to say (services/auth.ts keeps the cache and the sign-outs); this only carries the cookie.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, SignedInUser } from '../env.ts';
import { ApiError } from '../errors.ts';
import { isHttps } from '../proxy-trust.ts';

export const SESSION_COOKIE = 'mockloop_session';

export function session(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('user', token ? await c.var.services.auth.userForToken(token) : null);
    await next();
  };
}

/** Ends a sign-in session on every instance: when this resolves, none of them accepts the token. */
export async function endSession(c: Context<AppEnv>, token: string): Promise<void> {
  await c.var.services.auth.signOut(token);
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
