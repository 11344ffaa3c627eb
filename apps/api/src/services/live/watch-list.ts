/**
 * Which sessions have an interviewer in the room, as this instance last looked: autosave's hot path asks it on
 * every save, and it answers from memory. One query over the open streams (every session at once) refreshes it,
 * in the background once it is `freshMs` old, and awaited only once it is `staleMs` old (the first save after a
 * quiet spell), so a save costs no presence read however many sessions are saving. An interviewer who joins
 * through this instance counts at once; one who joins elsewhere counts within `staleMs`.
 */
import type { ObjectId } from 'mongodb';
import type { RoomRepository } from '../../db/room.ts';

export interface WatchListOptions {
  freshMs?: number;
  staleMs?: number;
}

export function createWatchList(
  room: Pick<RoomRepository, 'watchedSessions'>,
  now: () => Date,
  { freshMs = 1000, staleMs = 2000 }: WatchListOptions = {}
) {
  let watched = new Set<string>();
  let lookedAt = -Infinity;
  let looking: Promise<void> | null = null;

  function look(): Promise<void> {
    looking ??= (async () => {
      const at = now().getTime();
      try {
        watched = await room.watchedSessions(now());
        lookedAt = at;
      } finally {
        looking = null;
      }
    })();
    return looking;
  }

  return {
    /** Whether anyone but the candidate has the session's room open, on any instance. */
    async has(sessionId: ObjectId): Promise<boolean> {
      const age = now().getTime() - lookedAt;
      if (age >= staleMs) await look();
      // A failed background look leaves the last answer standing; the next save tries again.
      else if (age >= freshMs) look().catch(() => {});
      return watched.has(sessionId.toHexString());
    },

    /**
     * Whether an interviewer has the room open, looking again first when the answer would be no and the list is
     * older than `maxAgeMs` (one look however many ask at once): for a write worth nothing unless someone watches,
     * sent right as an interviewer joins through another instance.
     */
    async watching(sessionId: ObjectId, maxAgeMs: number): Promise<boolean> {
      const key = sessionId.toHexString();
      if (watched.has(key) && now().getTime() - lookedAt < staleMs) return true;
      if (now().getTime() - lookedAt >= maxAgeMs) await look();
      return watched.has(key);
    },

    /** An interviewer joined through this instance: they see the next save, not one a second later. */
    joined(sessionId: ObjectId): void {
      watched.add(sessionId.toHexString());
    },

    /** Someone left through this instance: look again before the next save trusts the list. */
    left(): void {
      lookedAt = Math.min(lookedAt, now().getTime() - freshMs);
    }
  };
}

export type WatchList = ReturnType<typeof createWatchList>;
