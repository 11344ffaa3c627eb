/**
 * How many sessions one person may start in a UTC day (`MAX_SESSIONS_PER_DAY` unless the server sets its own):
 * counted in one document per person and day, read by `_id`, before a session is stored. Past it the start is
 * refused with 429 and when the count starts again; nothing is stored.
 */
import type { SignedInUser } from '../../db/client.ts';
import { ApiError } from '../../errors.ts';
import type { SessionContext } from './context.ts';

/** The allowance's key for `at`'s UTC day. */
export const sessionsKey = (user: SignedInUser, at: Date) =>
  `${user._id.toHexString()}:sessions:${at.toISOString().slice(0, 10)}`;

/** Counts `count` session starts for today, or throws 429 RATE_LIMITED when they would pass the day's limit. */
export async function admitSessionStarts(ctx: SessionContext, user: SignedInUser, count: number): Promise<void> {
  const now = ctx.now();
  const used = await ctx.repos.usage.reserve(sessionsKey(user, now), count, ctx.sessionsPerDay);
  if (used !== null) return;
  const midnight = new Date(now);
  midnight.setUTCHours(24, 0, 0, 0);
  const retryAfter = Math.max(1, Math.ceil((midnight.getTime() - now.getTime()) / 1000));
  throw new ApiError(
    429,
    'RATE_LIMITED',
    `You have started ${ctx.sessionsPerDay} sessions today, the most a day allows. You can start more after midnight UTC.`,
    undefined,
    { 'retry-after': String(retryAfter) }
  );
}
