/**
 * What this instance tells the others of its rooms, in one document per tick at most: for each room an interviewer
 * watches through another instance, its latest draft and save (what the candidate typed, and the revision stored),
 * and which rooms it stored events for that someone elsewhere is in. Every instance reads the others' documents in
 * order, each tick: it passes the drafts and saves to its streams and tells the pollers of the rooms written to look
 * now. So a keystroke or a save costs no event write when everyone in its room is on the instance that took it, and
 * a share of one tick's write (and of one read on each other instance) when someone is elsewhere, however many rooms
 * type at once; and an instance looks at a busy room when it is written, not every 75 ms in case.
 *
 * The documents are one stream of the event bus (db/events.ts) under a reserved id: numbered by storing, each read by
 * `_id`, pruned with the rest. Drafts and saves are not kept: a reader that misses a document (the database did not
 * answer) misses them, a late screen until the next one (the interviewer's page reads the session on reconnecting).
 */
import type { DesignNotes, DraftBody } from '@mockloop/contracts';
import { ObjectId } from 'mongodb';
import type { EventRepository } from '../../db/events.ts';
import type { EventHub } from './event-hub.ts';
import { mergeDrafts } from './merge-drafts.ts';
import type { Elsewhere } from './watch-list.ts';

/** A save, as the interviewers are told of it: the revision stored and the notes it carried. */
export interface SavedNotice {
  revision: number;
  notes: DesignNotes;
}

/** What a room's interviewers elsewhere are handed: its drafts of the tick merged, and its last save. */
interface Passing {
  draft?: DraftBody;
  saved?: SavedNotice;
}

/** A room's part of the next tick, and when the oldest of it arrived (who is elsewhere is asked as of then). */
interface Pending extends Passing {
  sessionId: ObjectId;
  since: number;
  written: boolean;
}

/** `earlier` then `later` as one: the drafts merged, the last save with every field saved, written if either was. */
function mergePending(earlier: Pending, later: Pending): Pending {
  const merged: Pending = { ...later, since: earlier.since, written: earlier.written || later.written };
  const draft = earlier.draft && later.draft ? mergeDrafts(earlier.draft, later.draft) : (later.draft ?? earlier.draft);
  const saved = later.saved
    ? { revision: later.saved.revision, notes: { ...earlier.saved?.notes, ...later.saved.notes } }
    : earlier.saved;
  if (draft) merged.draft = draft;
  if (saved) merged.saved = saved;
  return merged;
}

/** One instance's tick: what passes to each room's interviewers, and the rooms written, since its last. */
export interface Tick {
  type: 'tick';
  /** The instance that wrote it (it reads past its own). */
  from: string;
  passing: ({ sessionId: string } & Passing)[];
  written: string[];
}

/** The ticks of every instance, in order. */
export interface TickStream {
  /** Stores the tick past `after` (the last number this instance read), which other instances took. */
  append(tick: Tick, after: number): Promise<number>;
  read(seq: number): Promise<Tick | null>;
  /** The last number stored. */
  head(): Promise<number>;
  /** The stream's counter: at most the last number stored (see EventRepository.counted). */
  counted(): Promise<number>;
}

/** The stream's reserved id: no session has it (an ObjectId's first bytes are its time). */
export const RELAY_STREAM = new ObjectId('000000000000000000000000');

/** The relay's ticks as a stream of the event bus. */
export function tickStream(events: EventRepository, now: () => Date): TickStream {
  return {
    append: (tick, after) => events.append(RELAY_STREAM, 'all', tick, now(), after),
    read: async (seq) => ((await events.read(RELAY_STREAM, seq))?.event as Tick | undefined) ?? null,
    head: () => events.head(RELAY_STREAM),
    counted: () => events.counted(RELAY_STREAM)
  };
}

export interface RelayOptions {
  /** The least time between two of this instance's ticks, and how often it reads the others'. */
  tickMs?: number;
  /** How long a missing number may stay missing (its writer still storing it) before the reader skips it. */
  gapMs?: number;
}

const defaults = { tickMs: 50, gapMs: 2000 } satisfies Required<RelayOptions>;

export interface RelayDeps {
  /** This instance's name, as its streams' presence records it. */
  instance: string;
  stream: TickStream;
  /**
   * Who is in the room through another instance, as seen by a look begun at `since` or later (null: none yet, ask
   * again at the next tick). Asked for each room of a tick, when it is written.
   */
  elsewhere: (sessionId: ObjectId, since: number) => Promise<Elsewhere | null>;
  hub: Pick<EventHub, 'pass' | 'nudge' | 'listening' | 'closed' | 'noticed'>;
}

/**
 * @example
 * const relay = createRelay({ instance, stream: tickStream(events, now), elsewhere, hub });
 * relay.draft(sessionId, body); // with this tick's other drafts, to instances where an interviewer watches
 * relay.written(sessionId); // after storing an event: the pollers elsewhere look now
 */
export function createRelay({ instance, stream, elsewhere, hub }: RelayDeps, options: RelayOptions = {}) {
  const { tickMs, gapMs } = { ...defaults, ...options } satisfies Required<RelayOptions>;
  const pending = new Map<string, Pending>();
  let timer: NodeJS.Timeout | null = null;
  let sending = false;
  let sentAt = -Infinity;
  /** The last tick read (or written by this instance); null until read from the head, and again once no stream is open. */
  let position: number | null = null;
  let gapSince: number | null = null;
  let countedAt = -Infinity;

  function schedule(): void {
    if (timer || sending) return;
    timer = setTimeout(() => void send(), Math.max(0, sentAt + tickMs - Date.now()));
  }

  async function send(): Promise<void> {
    timer = null;
    sending = true;
    sentAt = Date.now();
    const rooms = [...pending.values()];
    pending.clear();
    try {
      const places = await Promise.all(rooms.map((room) => elsewhere(room.sessionId, room.since)));
      const tick: Tick = { type: 'tick', from: instance, passing: [], written: [] };
      rooms.forEach((room, i) => {
        const place = places[i];
        const key = room.sessionId.toHexString();
        // Not known yet whether anyone is elsewhere (the last look began before this arrived): the next tick asks.
        if (!place) {
          const later = pending.get(key);
          pending.set(key, later ? mergePending(room, later) : room);
          return;
        }
        if (place.interviewer && (room.draft || room.saved)) {
          tick.passing.push({
            sessionId: key,
            ...(room.draft ? { draft: room.draft } : {}),
            ...(room.saved ? { saved: room.saved } : {})
          });
        }
        if (place.member && room.written) tick.written.push(key);
      });
      if (tick.passing.length > 0 || tick.written.length > 0) {
        // Past the last tick read: the other instances' ticks up to there are stored, so this one seldom collides.
        const seq = await stream.append(tick, position ?? 0);
        // Our own tick, next in line: read past it without reading it back.
        if (position !== null && seq === position + 1) position = seq;
      }
    } catch {
      // A tick lost: its drafts are a late screen, and the pollers elsewhere look every few seconds anyway.
    } finally {
      sending = false;
      if (pending.size > 0) schedule();
    }
  }

  function hear(tick: Tick): void {
    for (const { sessionId, draft, saved } of tick.passing) {
      const id = new ObjectId(sessionId);
      if (draft) hub.pass(id, { audience: 'interviewers', event: { type: 'draft', ...draft } });
      if (saved) hub.pass(id, { audience: 'interviewers', event: { type: 'saved', ...saved } });
    }
    for (const sessionId of tick.written) hub.nudge(new ObjectId(sessionId));
  }

  async function read(): Promise<void> {
    if (!hub.listening) {
      position = null;
      return;
    }
    try {
      if (position === null) {
        position = await stream.head();
        // What was noticed before this head went unread: every poller looks once.
        hub.nudge();
      }
      // This instance's own ticks move `position` on as they are stored (see send), even while a read is on its
      // way: a number read is taken only if it is still the next, so none is skipped nor read twice.
      for (let n = 0; n < 100 && position !== null; n++) {
        const next: number = position + 1;
        const tick = await stream.read(next);
        if (position === null) break;
        if (tick) {
          gapSince = null;
          if (next > position) {
            position = next;
            if (tick.from !== instance) hear(tick);
          }
          continue;
        }
        // Nothing at the next number: usually nothing new. Now and then the counter says whether a number past
        // ours was taken and never stored (pruned, say), so it is skipped in the end rather than waited for.
        if (gapSince === null && Date.now() - countedAt < gapMs) break;
        countedAt = Date.now();
        const counted = await stream.counted();
        if (position === null) break;
        if (counted <= position) {
          gapSince = null;
          break;
        }
        gapSince ??= Date.now();
        if (Date.now() - gapSince < gapMs) break;
        gapSince = null;
        position = Math.max(position, next);
        // Whatever that tick noticed, every poller looks.
        hub.nudge();
      }
      hub.noticed = true;
    } catch {
      // Unread: the pollers fall back to looking on their own until a read succeeds again.
      hub.noticed = false;
    }
  }

  const reader = (async () => {
    while (!hub.closed) {
      const started = Date.now();
      await read();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + tickMs - Date.now())).unref());
    }
  })();

  /** The room's part of the next tick. */
  function next(sessionId: ObjectId): Pending {
    const key = sessionId.toHexString();
    let room = pending.get(key);
    if (!room) pending.set(key, (room = { sessionId, since: Date.now(), written: false }));
    schedule();
    return room;
  }

  return {
    /** Sends the draft to other instances with this tick's others, merged with any earlier one of its room. */
    draft(sessionId: ObjectId, body: DraftBody): void {
      const room = next(sessionId);
      room.draft = room.draft ? mergeDrafts(room.draft, body) : body;
    },

    /** Sends the save's notice with this tick's others: its revision, and every note field saved in the tick. */
    saved(sessionId: ObjectId, saved: SavedNotice): void {
      const room = next(sessionId);
      room.saved = { revision: saved.revision, notes: { ...room.saved?.notes, ...saved.notes } };
    },

    /** An event of the room was stored: instances where someone is in it look now. */
    written(sessionId: ObjectId): void {
      next(sessionId).written = true;
    },

    /** Resolves once the reader has stopped (after the hub closed). */
    stopped: reader
  };
}

export type Relay = ReturnType<typeof createRelay>;
