/** Fixed-window counters kept in the database, so every instance behind a load balancer shares them. */
import type { Repositories } from '../db/repositories.ts';
import { ApiError } from '../errors.ts';

export interface RateLimitRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

/** A counted attempt; `release()` gives it back (a sign-in that turned out to be correct). */
export interface Attempt {
  release(): Promise<void>;
}

export function createRateLimiter({ rateLimits }: Repositories, now: () => Date = () => new Date()) {
  /** Windows that have ended are dropped now and then, so the collection stays as small as the live counters. */
  let lastSweep = 0;
  function sweep(at: Date): void {
    if (at.getTime() - lastSweep < 60_000) return;
    lastSweep = at.getTime();
    rateLimits.deleteEnded(at).catch(() => {});
  }

  return {
    /**
     * Counts one attempt under `key` and throws 429 (with Retry-After) once the window's limit is passed.
     * An attempt over the limit is counted too, so hammering never reopens the window early.
     *
     * @example
     * const attempt = await limiter.hit(`signin:${address}:${email}`, { limit: 10, windowMs: 15 * 60_000 });
     * if (passwordIsRight) await attempt.release();
     */
    async hit(key: string, rule: RateLimitRule): Promise<Attempt> {
      const at = now();
      const window = Math.floor(at.getTime() / rule.windowMs);
      const resetAt = new Date((window + 1) * rule.windowMs);
      const id = `${key}@${window}`;
      const count = await rateLimits.increment(id, resetAt);
      if (count === 1) sweep(at);
      if (count > rule.limit) {
        const retryAfter = Math.max(1, Math.ceil((resetAt.getTime() - at.getTime()) / 1000));
        throw new ApiError(429, 'RATE_LIMITED', `Too many attempts. Try again in ${retryAfter} seconds.`, undefined, {
          'Retry-After': String(retryAfter)
        });
      }
      return { release: () => rateLimits.decrement(id) };
    }
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
