/** Queries of the live room: its chat, notes and reveals, and who has a stream open to it. */
import type { ObjectId } from 'mongodb';
import type { CallConsentDoc, Database, PresenceDoc, RoomItemDoc } from './client.ts';
import { isDuplicateKey } from './duplicate-key.ts';

/** A stream whose heartbeat is older than this has gone (its instance stopped without closing it). */
export const PRESENCE_STALE_MS = 45_000;

export function createRoomRepository(db: Database) {
  return {
    /** Stores the item; false when an item with its `_id` is already stored (a retried or repeated write). */
    async addItem(doc: RoomItemDoc): Promise<boolean> {
      try {
        await db.roomItems.insertOne(doc);
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async item(id: ObjectId): Promise<RoomItemDoc | null> {
      return db.roomItems.findOne({ _id: id });
    },

    /**
     * The newest `limit` items of these kinds written before `before` (by time, then id), oldest first; one more
     * than `limit` tells the caller there are earlier ones.
     */
    async page(
      sessionId: ObjectId,
      kinds: RoomItemDoc['kind'][],
      before: { at: Date; id: ObjectId } | null,
      limit: number
    ): Promise<RoomItemDoc[]> {
      const earlier = before ? { $or: [{ at: { $lt: before.at } }, { at: before.at, _id: { $lt: before.id } }] } : {};
      const newest = await db.roomItems
        .find({ sessionId, kind: { $in: kinds }, ...earlier })
        .sort({ at: -1, _id: -1 })
        .limit(limit + 1)
        .toArray();
      return newest.reverse();
    },

    async items(sessionId: ObjectId, kinds: RoomItemDoc['kind'][]): Promise<RoomItemDoc[]> {
      return db.roomItems
        .find({ sessionId, kind: { $in: kinds } })
        .sort({ at: 1 })
        .toArray();
    },

    /** Records (or, with `agreed` false, withdraws) a member's consent to record the call. */
    async setCallConsent(doc: CallConsentDoc, agreed: boolean): Promise<void> {
      if (agreed) await db.callConsents.replaceOne({ _id: doc._id }, doc, { upsert: true });
      else await db.callConsents.deleteOne({ _id: doc._id });
    },

    async callConsents(sessionId: ObjectId): Promise<CallConsentDoc[]> {
      return db.callConsents.find({ sessionId }).sort({ at: 1 }).toArray();
    },

    async join(doc: PresenceDoc): Promise<void> {
      await db.presence.replaceOne({ _id: doc._id }, doc, { upsert: true });
    },

    async heartbeat(id: string, at: Date): Promise<void> {
      await db.presence.updateOne({ _id: id }, { $set: { seenAt: at } });
    },

    async leave(id: string): Promise<void> {
      await db.presence.deleteOne({ _id: id });
    },

    async present(sessionId: ObjectId, now: Date): Promise<PresenceDoc[]> {
      return db.presence
        .find({ sessionId, seenAt: { $gt: new Date(now.getTime() - PRESENCE_STALE_MS) } })
        .sort({ seenAt: 1 })
        .toArray();
    },

    /** Every session with an interviewer's stream open (on any instance), as hex ids. */
    async watchedSessions(now: Date): Promise<Set<string>> {
      const open = await db.presence
        .find(
          { role: 'interviewer', seenAt: { $gt: new Date(now.getTime() - PRESENCE_STALE_MS) } },
          { projection: { sessionId: 1 } }
        )
        .toArray();
      return new Set(open.map((p) => p.sessionId.toHexString()));
    },

    async prunePresence(now: Date): Promise<void> {
      await db.presence.deleteMany({ seenAt: { $lt: new Date(now.getTime() - PRESENCE_STALE_MS) } });
    }
  };
}

export type RoomRepository = ReturnType<typeof createRoomRepository>;
