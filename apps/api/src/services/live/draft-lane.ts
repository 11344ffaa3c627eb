/**
 * The candidate's drafts on their way to the room, one session at a time: while one is being stored, the drafts
 * that arrive meanwhile wait as one, merged, and go next. Under a light load every draft goes out as it came; under
 * a heavy one a session stores one event per store's time rather than one per draft, and the interviewer sees the
 * latest text sooner instead of every step of it later.
 *
 * @example
 * const lane = createDraftLane((sessionId, body) => publish(sessionId, 'interviewers', { type: 'draft', ...body }));
 * await lane.send(sessionId, body); // resolves once it (or a merge holding it) is stored
 */
import type { DraftBody } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';

type Element = NonNullable<DraftBody['elements']>[number];

/** One draft saying what `earlier` then `later` said: later fields and shapes win; a shape removed later is gone. */
export function mergeDrafts(earlier: DraftBody, later: DraftBody): DraftBody {
  const merged: DraftBody = {};
  if (earlier.notes || later.notes) merged.notes = { ...earlier.notes, ...later.notes };
  const removedLater = new Set(later.removedIds ?? []);
  const elements = new Map<string, Element>();
  for (const element of earlier.elements ?? []) if (!removedLater.has(element.id)) elements.set(element.id, element);
  for (const element of later.elements ?? []) elements.set(element.id, element);
  if (earlier.elements || later.elements) merged.elements = [...elements.values()];
  if (earlier.removedIds || later.removedIds) {
    merged.removedIds = [...new Set([...(earlier.removedIds ?? []), ...(later.removedIds ?? [])])];
  }
  return merged;
}

interface Waiting {
  body: DraftBody;
  sent: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createDraftLane(store: (sessionId: ObjectId, body: DraftBody) => Promise<unknown>) {
  const lanes = new Map<string, { waiting: Waiting | null }>();

  async function drain(key: string, sessionId: ObjectId, lane: { waiting: Waiting | null }): Promise<void> {
    while (lane.waiting) {
      const next = lane.waiting;
      lane.waiting = null;
      await store(sessionId, next.body).then(next.resolve, next.reject);
    }
    lanes.delete(key);
  }

  return {
    /** Stores the draft, merged with any others of its session that wait for the one being stored. */
    send(sessionId: ObjectId, body: DraftBody): Promise<void> {
      const key = sessionId.toHexString();
      const busy = lanes.get(key);
      if (busy?.waiting) {
        busy.waiting.body = mergeDrafts(busy.waiting.body, body);
        return busy.waiting.sent;
      }
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const sent = new Promise<void>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      const waiting = { body, sent, resolve, reject };
      if (busy) busy.waiting = waiting;
      else {
        const lane = { waiting: waiting as Waiting | null };
        lanes.set(key, lane);
        void drain(key, sessionId, lane);
      }
      return sent;
    }
  };
}

export type DraftLane = ReturnType<typeof createDraftLane>;
