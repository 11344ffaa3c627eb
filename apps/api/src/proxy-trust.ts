/**
 * Who the client is and where it thinks it is talking to: the one place that decides whether the proxy's
 * X-Forwarded-* headers are believed. They are, only when MockLoop runs behind a proxy we control
 * (`MOCKLOOP_TRUST_PROXY=1`); otherwise any caller could claim any address, host or scheme.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './env.ts';

function trusted(c: Context<AppEnv>, header: string): string | undefined {
  if (!c.var.services.trustProxy) return undefined;
  // Our proxy appends what it saw; earlier entries came from the client and prove nothing.
  const value = c.req.header(header)?.split(',').at(-1)?.trim();
  return value ? value : undefined;
}

/** The caller's network address, for per-address rate limits. */
export function clientAddress(c: Context<AppEnv>): string {
  const forwarded = trusted(c, 'x-forwarded-for');
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in unit tests has no socket.
    return 'unknown';
  }
}

/** The host the browser sent the request to (the proxy's, when one we trust sits in front). */
export function requestHost(c: Context<AppEnv>): string {
  return trusted(c, 'x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
}

/** Whether the browser's connection is HTTPS (for Secure cookies). */
export function isHttps(c: Context<AppEnv>): boolean {
  return (trusted(c, 'x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

/** The app's own origin as the browser sees it, for links we hand out. */
export function publicOrigin(c: Context<AppEnv>): string {
  return `${isHttps(c) ? 'https' : 'http'}://${requestHost(c)}`;
}
