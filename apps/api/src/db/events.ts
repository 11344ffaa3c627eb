/**
 * The database as the live room's bus. Each session numbers its events 1, 2, 3…; an event is stored under
 * "<session>:<seq>", so every read is a lookup by exact `_id` (the one lookup the embedded server answers from an
 * index, and a plain one on MongoDB). A number is taken by storing the event under it: the unique `_id` decides
 * between two writers, and the loser takes the next. So an event costs a share of one write (see `waiting`), and no
 * writer waits on a counter every other session's writers also update (the embedded server runs those updates one
 * at a time, and under busy rooms that queue was seconds long). The session's counter document follows behind (`$max`, at most
 * one update in flight per session and instance): where the numbers stand is the counter, then the events stored
 * past it. Events are kept for a few minutes only: long enough for a dropped client to resume, short enough that
 * the collection stays small whatever the traffic.
 */
import { MongoBulkWriteError, type ObjectId } from 'mongodb';
import type { Database, EventDoc } from './client.ts';
import { isDuplicateKey } from './duplicate-key.ts';

export const EVENT_RETENTION_MS = 10 * 60_000;
/** Sessions whose last number this instance remembers (a hint to start numbering from; forgotten past this). */
const KNOWN_SESSIONS = 10_000;
/**
 * How long that hint is trusted: well inside the retention window, so a number another instance used after ours
 * is never pruned while our hint still points below it (which would hand that number out twice).
 */
const KNOWN_FOR_MS = 60_000;

export interface StoredEvent {
  seq: number;
  at: Date;
  audience: EventDoc['audience'];
  event: unknown;
}

const eventId = (sessionId: ObjectId, seq: number) => `${sessionId.toHexString()}:${seq}`;

/** The most events one write carries. */
const BATCH = 500;

/** A write error for one document of a batch: its code (11000: that `_id` was taken). */
const takenInBatch = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;

export function createEventRepository(db: Database) {
  /** The last number this instance stored per session: where its next event is tried first. */
  const known = new Map<string, { seq: number; at: number }>();
  /** This instance's appends per session, one after another: its own events never race each other. */
  const queues = new Map<string, Promise<number>>();
  /** Counter updates per session: the highest number to record, and whether an update is on its way. */
  const counting = new Map<string, { target: number; running: boolean }>();
  /**
   * Events waiting for the write in flight: each write stores all that came meanwhile, from every session, in one
   * insert (one transaction: the embedded server commits, and syncs its log to disk, once for all of them). A quiet
   * bus writes each event at once; a busy one stores as many events a second as it has rooms writing.
   */
  const waiting: { doc: EventDoc; stored: () => void; failed: (error: unknown) => void }[] = [];
  let writing = false;

  async function writeWaiting(): Promise<void> {
    writing = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting.splice(0, BATCH);
        try {
          await db.events.insertMany(
            batch.map((w) => w.doc),
            { ordered: false }
          );
          for (const w of batch) w.stored();
        } catch (error) {
          const failedAt = new Map(
            error instanceof MongoBulkWriteError ? [error.writeErrors].flat().map((e) => [e.index, e] as const) : []
          );
          batch.forEach((w, i) => {
            if (!(error instanceof MongoBulkWriteError)) w.failed(error);
            else if (failedAt.has(i)) w.failed(failedAt.get(i));
            else w.stored();
          });
        }
      }
    } finally {
      writing = false;
    }
  }

  function insert(doc: EventDoc): Promise<void> {
    return new Promise<void>((stored, failed) => {
      waiting.push({ doc, stored, failed });
      if (!writing) void writeWaiting();
    });
  }

  async function counted(sessionId: ObjectId): Promise<number> {
    return (await db.eventSequences.findOne({ _id: sessionId }))?.seq ?? 0;
  }

  /** The last number stored: the counter, then past it while events are stored there. */
  async function head(sessionId: ObjectId, from = 0): Promise<number> {
    let seq = Math.max(from, await counted(sessionId));
    while (await db.events.findOne({ _id: eventId(sessionId, seq + 1) }, { projection: { _id: 1 } })) seq += 1;
    return seq;
  }

  /** Moves the counter up to `seq`, in the background; several numbers in a row cost one update. */
  function count(sessionId: ObjectId, seq: number): void {
    const key = sessionId.toHexString();
    const entry = counting.get(key);
    if (entry) {
      entry.target = Math.max(entry.target, seq);
      if (entry.running) return;
    }
    const state = entry ?? { target: seq, running: false };
    counting.set(key, state);
    state.running = true;
    void (async () => {
      try {
        for (let written = 0, collisions = 0; written < state.target;) {
          written = state.target;
          try {
            await db.eventSequences.updateOne({ _id: sessionId }, { $max: { seq: written } }, { upsert: true });
          } catch (error) {
            // Two first upserts collide: the document exists now, so the same update again moves it.
            if (!isDuplicateKey(error) || ++collisions > 3) throw error;
            written = 0;
          }
        }
      } catch {
        // The database did not answer: readers look past the counter, and the session's next event moves it.
      } finally {
        counting.delete(key);
      }
    })();
  }

  async function store(
    sessionId: ObjectId,
    audience: EventDoc['audience'],
    eventJson: string,
    at: Date,
    after: number
  ) {
    const key = sessionId.toHexString();
    const hint = known.get(key);
    let seq = Math.max(after, hint && Date.now() - hint.at < KNOWN_FOR_MS ? hint.seq : await head(sessionId, after));
    for (let attempt = 0; ; attempt++) {
      try {
        await insert({
          _id: eventId(sessionId, seq + 1),
          sessionId,
          seq: seq + 1,
          at,
          audience,
          eventJson
        });
        seq += 1;
        break;
      } catch (error) {
        if (!(isDuplicateKey(error) || takenInBatch(error)) || attempt >= 20) throw error;
        // Another instance wrote there first: catch up with it.
        seq = await head(sessionId, seq + 1);
      }
    }
    if (known.size >= KNOWN_SESSIONS && !known.has(key)) known.clear();
    known.set(key, { seq, at: Date.now() });
    count(sessionId, seq);
    return seq;
  }

  return {
    /**
     * Numbers the event and stores it; returns its number. `after`: a number the caller knows is stored (a reader of
     * the stream that other instances write to as well), tried past first, so it seldom collides with theirs.
     */
    append(sessionId: ObjectId, audience: EventDoc['audience'], event: unknown, at: Date, after = 0): Promise<number> {
      const key = sessionId.toHexString();
      const eventJson = JSON.stringify(event);
      const before = queues.get(key);
      const mine = (before ?? Promise.resolve(0)).then(
        () => store(sessionId, audience, eventJson, at, after),
        () => store(sessionId, audience, eventJson, at, after)
      );
      queues.set(key, mine);
      const forget = () => {
        if (queues.get(key) === mine) queues.delete(key);
      };
      mine.then(forget, forget);
      return mine;
    },

    /** The last number stored (0 before the first event). */
    head: (sessionId: ObjectId) => head(sessionId),

    /**
     * The session's counter alone: at most the last number stored, possibly behind it. A reader that finds no
     * event at its next number asks this to tell "nothing new" from a number that will never be stored.
     */
    counted,

    /** One event by number; null when none is stored there (yet), or once it has been pruned. */
    async read(sessionId: ObjectId, seq: number): Promise<StoredEvent | null> {
      const doc = await db.events.findOne({ _id: eventId(sessionId, seq) });
      return doc ? { seq: doc.seq, at: doc.at, audience: doc.audience, event: JSON.parse(doc.eventJson) } : null;
    },

    /** Drops events older than the retention window; safe on every instance at once. */
    async prune(now: Date): Promise<number> {
      const result = await db.events.deleteMany({ at: { $lt: new Date(now.getTime() - EVENT_RETENTION_MS) } });
      return result.deletedCount;
    }
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
