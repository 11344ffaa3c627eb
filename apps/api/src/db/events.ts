/**
 * The database as the live room's bus. Each session numbers its events 1, 2, 3… with a counter document; an
 * event is stored under "<session>:<seq>", so every read is a lookup by exact `_id` (the one lookup the embedded
 * server answers from an index, and a plain one on MongoDB). Events are kept for a few minutes only: long enough
 * for a dropped client to resume, short enough that the collection stays small whatever the traffic.
 */
import type { ObjectId } from 'mongodb';
import type { Database, EventDoc } from './client.ts';
import { isDuplicateKey } from './duplicate-key.ts';

export const EVENT_RETENTION_MS = 10 * 60_000;

export interface StoredEvent {
  seq: number;
  at: Date;
  audience: EventDoc['audience'];
  event: unknown;
}

const eventId = (sessionId: ObjectId, seq: number) => `${sessionId.toHexString()}:${seq}`;

export function createEventRepository(db: Database) {
  return {
    /**
     * Numbers the event and stores it; returns its number. The embedded server may hand two concurrent writers
     * the same number (its find-and-modify is not atomic), so the unique `_id` decides: the loser takes the next.
     */
    async append(sessionId: ObjectId, audience: EventDoc['audience'], event: unknown, at: Date): Promise<number> {
      const eventJson = JSON.stringify(event);
      for (let attempt = 0; ; attempt++) {
        try {
          const counter = await db.eventSequences.findOneAndUpdate(
            { _id: sessionId },
            { $inc: { seq: 1 } },
            { upsert: true, returnDocument: 'after' }
          );
          const seq = counter!.seq;
          await db.events.insertOne({ _id: eventId(sessionId, seq), sessionId, seq, at, audience, eventJson });
          return seq;
        } catch (error) {
          // Two first events racing to create the counter collide the same way.
          if (!isDuplicateKey(error) || attempt >= 20) throw error;
        }
      }
    },

    /** The last number handed out (0 before the first event). */
    async head(sessionId: ObjectId): Promise<number> {
      return (await db.eventSequences.findOne({ _id: sessionId }))?.seq ?? 0;
    },

    /** One event by number; null while its writer is still storing it, or once it has been pruned. */
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
