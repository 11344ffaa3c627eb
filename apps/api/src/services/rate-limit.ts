/** Fixed-window counters kept in the database, so every instance behind a load balancer shares them. */
import type { Repositories } from '../db/repositories.ts';
import { ApiError } from '../errors.ts';

export interface RateLimitRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export function createRateLimiter({ rateLimits }: Repositories, now: () => Date = () => new Date()) {
  return {
    /**
     * Counts one attempt under `key` and throws 429 (with Retry-After) once the window's limit is passed.
     *
     * @example
     * await limiter.hit(`signin:email:${email}`, { limit: 10, windowMs: 15 * 60_000 });
     */
    async hit(key: string, rule: RateLimitRule): Promise<void> {
      const at = now();
      // Count inside the current window; a single-document update, so concurrent hits cannot lose counts.
      const doc =
        (await rateLimits.countInWindow(key, at)) ??
        (await rateLimits.startWindow(key, new Date(at.getTime() + rule.windowMs)));
      if (doc.count > rule.limit) {
        const retryAfter = Math.max(1, Math.ceil((doc.resetAt.getTime() - at.getTime()) / 1000));
        throw new ApiError(429, 'RATE_LIMITED', `Too many attempts. Try again in ${retryAfter} seconds.`, undefined, {
          'Retry-After': String(retryAfter)
        });
      }
    }
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
