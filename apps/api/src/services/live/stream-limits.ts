/**
 * How many event streams one person may hold open on this instance: a few per session (two tabs of the same
 * person, each with a reconnect overlapping its old stream, fit under 4) and 16 across sessions (an interviewer
 * in a loop's rounds, a candidate with a loop open beside a round). A stream past either limit is refused with
 * 429 TOO_MANY_STREAMS before it opens, so one account cannot hold hundreds of streams and slow everyone's saves.
 * Counted per instance: behind a load balancer each instance holds its own count.
 *
 * @example
 * const streams = createStreamLimits();
 * const release = streams.acquire(userId, sessionId); // throws 429 past a limit
 * try { await runConnection(…) } finally { release(); }
 */
import { ApiError } from '../../errors.ts';

export interface StreamLimitOptions {
  /** Streams one user may hold on one session. */
  perSession: number;
  /** Streams one user may hold across every session. */
  perUser: number;
}

export const defaultStreamLimits: StreamLimitOptions = { perSession: 4, perUser: 16 };

export function createStreamLimits(options: Partial<StreamLimitOptions> = {}) {
  const { perSession, perUser } = { ...defaultStreamLimits, ...options };
  /** user → session → open streams */
  const open = new Map<string, Map<string, number>>();
  const total = (sessions: Map<string, number> | undefined) =>
    sessions ? [...sessions.values()].reduce((sum, n) => sum + n, 0) : 0;

  return {
    /** Takes a place for one stream, or throws 429; the function returned gives the place back (once). */
    acquire(userId: string, sessionId: string): () => void {
      const sessions = open.get(userId) ?? new Map<string, number>();
      const here = sessions.get(sessionId) ?? 0;
      if (here >= perSession || total(sessions) >= perUser) {
        throw new ApiError(
          429,
          'TOO_MANY_STREAMS',
          here >= perSession
            ? `You already have ${here} live connections to this session open. Close a tab of it and try again.`
            : `You already have ${perUser} live connections open. Close some tabs of MockLoop and try again.`
        );
      }
      sessions.set(sessionId, here + 1);
      open.set(userId, sessions);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (sessions.get(sessionId) ?? 1) - 1;
        if (left > 0) sessions.set(sessionId, left);
        else sessions.delete(sessionId);
        if (sessions.size === 0) open.delete(userId);
      };
    },

    /** The streams a user holds on this instance. */
    count(userId: string): number {
      return total(open.get(userId));
    }
  };
}

export type StreamLimits = ReturnType<typeof createStreamLimits>;
