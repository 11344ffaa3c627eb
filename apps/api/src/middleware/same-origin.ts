/** Refuses state-changing requests sent from another site (a CSRF defence that does not rely on SameSite alone). */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { requestHost } from '../proxy-trust.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Compares the browser's Origin with the host the request was sent to (`requestHost`: a proxy's
 * X-Forwarded-Host counts only when that proxy is trusted). Requests without an Origin
 * (curl, server-to-server) pass unless the browser marks them cross-site via Sec-Fetch-Site.
 *
 * @example
 * app.use('/api/*', sameOrigin());
 */
export function sameOrigin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const host = requestHost(c);
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
