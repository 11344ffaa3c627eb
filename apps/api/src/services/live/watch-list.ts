/**
 * Who is in each room through another instance, as this instance last looked (the relay asks for each room of each
 * tick, so it answers from memory). One query over the open streams (every session at once) refreshes it, in the
 * background once it is `freshMs` old, and awaited only once it is `staleMs` old (the first tick after a quiet spell),
 * so a tick costs no presence read however many rooms it carries. Someone who joins elsewhere counts within
 * `staleMs`, and for what the relay would otherwise keep to itself, as soon as a look begun after it arrived says.
 */
import type { ObjectId } from 'mongodb';
import type { RoomRepository } from '../../db/room.ts';

export interface WatchListOptions {
  freshMs?: number;
  staleMs?: number;
}

/** Whether a room has an interviewer, or anyone at all, in it through another instance. */
export interface Elsewhere {
  interviewer: boolean;
  member: boolean;
}

export function createWatchList(
  room: Pick<RoomRepository, 'openStreams'>,
  now: () => Date,
  instance: string,
  { freshMs = 1000, staleMs = 2000 }: WatchListOptions = {}
) {
  let interviewerElsewhere = new Set<string>();
  let memberElsewhere = new Set<string>();
  let lookedAt = -Infinity;
  let looking: Promise<void> | null = null;

  function look(): Promise<void> {
    looking ??= (async () => {
      const at = now().getTime();
      try {
        const open = await room.openStreams(now());
        // A stream that does not say where it is open counts as elsewhere: telling it costs a write, missing it a room.
        const away = open.filter((s) => s.instance !== instance);
        memberElsewhere = new Set(away.map((s) => s.sessionId));
        interviewerElsewhere = new Set(away.filter((s) => s.role === 'interviewer').map((s) => s.sessionId));
        lookedAt = at;
      } finally {
        looking = null;
      }
    })();
    return looking;
  }

  /** Looks again in the background once the list is `freshMs` old, awaited once it is `staleMs` old. */
  async function current(): Promise<void> {
    const age = now().getTime() - lookedAt;
    if (age >= staleMs) await look();
    // A failed background look leaves the last answer standing; the next question tries again.
    else if (age >= freshMs) look().catch(() => {});
  }

  return {
    /**
     * Who is in the room through another instance, as a look that began at `since` or later saw it: for what is
     * worth telling other instances only while someone there is in the room, arrived at `since` (someone who joined
     * before then is seen). Null when the list is older than that and was looked at less than `everyMs` ago (ask
     * again shortly); looks at most once in `everyMs` however many ask.
     */
    async elsewhere(sessionId: ObjectId, since: number, everyMs: number): Promise<Elsewhere | null> {
      const key = sessionId.toHexString();
      const known = (): Elsewhere => ({ interviewer: interviewerElsewhere.has(key), member: memberElsewhere.has(key) });
      await current();
      const first = known();
      if ((first.interviewer && first.member) || lookedAt >= since) return first;
      if (now().getTime() - lookedAt < everyMs) return null;
      await look();
      return known();
    }
  };
}

export type WatchList = ReturnType<typeof createWatchList>;
