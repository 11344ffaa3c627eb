/** Refuses state-changing requests sent from another site (a CSRF defence that does not rely on SameSite alone). */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Compares the browser's Origin with the host the request was sent to. Requests without an Origin
 * (curl, server-to-server) pass unless the browser marks them cross-site via Sec-Fetch-Site.
 *
 * @example
 * app.use('/api/*', sameOrigin());
 */
export function sameOrigin(): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
    const crossSite = origin ? originHost(origin) !== host : c.req.header('sec-fetch-site') === 'cross-site';
    if (crossSite) {
      throw new ApiError(403, 'CROSS_ORIGIN_REQUEST', 'This request came from another site and was refused.');
    }
    return next();
  };
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
