/** Reads the session cookie into `c.var.user`, and sets or clears that cookie. */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import type { SignedInUser } from '../db/client.ts';

export const SESSION_COOKIE = 'mockloop_session';

export function session(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('user', token ? await c.var.services.auth.userForToken(token) : null);
    await next();
  };
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

function isHttps(c: Context<AppEnv>): boolean {
  if (c.var.services.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}
