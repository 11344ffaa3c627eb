/**
 * Queries of the live room: its chat, notes and reveals, and who has a stream open to it.
 *
 * An item is stored once under the `_id` its write derives (a repeat collides), and listed in the room's log under
 * "<session>:<seq>", numbered by the room's head document; full runs of fifty entries are copied into one block
 * document. So a page of the room is the head, a few blocks and the newest entries, each read by exact `_id` (the
 * one lookup the embedded server answers from an index), however many rooms the database holds. A room stored
 * before the log is listed the first time it is read or written: its items numbered in the order they were written,
 * the same numbers on every instance, so two instances listing it at once write the same entries.
 */
import { createHash } from 'node:crypto';
import { ObjectId } from 'mongodb';
import type { CallConsentDoc, Database, PresenceDoc, RoomHeadDoc, RoomItemDoc } from './client.ts';
import { collidesOnKey, isDuplicateKey } from './duplicate-key.ts';

/** A stream whose heartbeat is older than this has gone (its instance stopped without closing it). */
export const PRESENCE_STALE_MS = 45_000;
/** Log entries per block document. */
export const LOG_BLOCK = 50;
/** A stored item still unlisted this long after it was written lost its writer: a retry of the write lists it. */
const UNLISTED_GRACE_MS = 10_000;
/** Log entries read at once while walking back through a room. */
const READ_AHEAD = 25;

/**
 * An item's `_id` derived from what makes it one item (a session, its author and the browser's client id; a
 * session and the follow-up revealed): a repeat of the write finds it taken, by the one index the embedded server
 * has, and stores nothing twice however many arrive at once.
 */
export function itemIdFor(...parts: string[]): ObjectId {
  return new ObjectId(createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24));
}

/** A listed item and its number in the room's log. */
export type LoggedItem = RoomItemDoc & { seq: number };

/** Where a page ends: before a log number, or (a cursor handed out before the log) before a time and id. */
export type PageCursor = { seq: number } | { at: Date; id: ObjectId };

const entryId = (sessionId: ObjectId, seq: number) => `${sessionId.toHexString()}:${seq}`;
const blockId = (sessionId: ObjectId, block: number) => `${sessionId.toHexString()}:b${block}`;

export function createRoomRepository(db: Database) {
  /** Rooms this instance knows are listed (listing is for good, so the answer never goes stale). */
  const listedRooms = new Set<string>();
  const rememberListed = (key: string) => {
    if (listedRooms.size >= 50_000) listedRooms.clear();
    listedRooms.add(key);
  };

  async function nextSeq(sessionId: ObjectId): Promise<number> {
    const head = await db.roomHeads.findOneAndUpdate(
      { _id: sessionId },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' }
    );
    return head!.seq;
  }

  /** Lists the item under the room's next number; returns the number. */
  async function list(item: RoomItemDoc): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const seq = await nextSeq(item.sessionId);
        await db.roomLog.insertOne({ _id: entryId(item.sessionId, seq), sessionId: item.sessionId, seq, item });
        await db.roomItems.updateOne({ _id: item._id }, { $set: { seq } });
        return seq;
      } catch (error) {
        // Two writers handed one number (or two first writes creating the head) collide on `_id`: take the next.
        if (!isDuplicateKey(error) || attempt >= 20) throw error;
      }
    }
  }

  /**
   * The room's head, its items stored before the log listed first (a rare path: one search of the room's items,
   * once per room stored before the log; a room started since has a listed head from its start).
   */
  async function head(sessionId: ObjectId): Promise<RoomHeadDoc> {
    const key = sessionId.toHexString();
    const stored = await db.roomHeads.findOne({ _id: sessionId });
    if (stored?.listed || listedRooms.has(key)) {
      rememberListed(key);
      return stored ?? { _id: sessionId, seq: 0 };
    }
    const legacy = await db.roomItems
      .find({ sessionId, logged: { $exists: false } })
      .sort({ at: 1, _id: 1 })
      .toArray();
    const reveals = legacy.filter((item) => item.kind === 'reveal').map((item) => item._id);
    const listed = legacy.filter((item) => item.kind !== 'reveal');
    // Numbered 1…n in the order written: every instance listing the room writes the same entries, and the same
    // blocks for its whole runs of fifty (so its first page reads them, not their entries).
    for (let from = 0; from < listed.length; from += LOG_BLOCK) {
      const entries = listed.slice(from, from + LOG_BLOCK).map((item, i) => ({ seq: from + i + 1, item }));
      await Promise.all(
        entries.map(({ seq, item }) =>
          collidesOnKey(db.roomLog.insertOne({ _id: entryId(sessionId, seq), sessionId, seq, item: { ...item, seq } }))
        )
      );
      if (entries.length === LOG_BLOCK) {
        await collidesOnKey(
          db.roomLogBlocks.insertOne({
            _id: blockId(sessionId, from / LOG_BLOCK),
            sessionId,
            entries: entries.map(({ seq, item }) => ({ seq, item: { ...item, seq } }))
          })
        );
      }
    }
    await db.roomHeads.updateOne(
      { _id: sessionId },
      {
        $max: { seq: listed.length },
        $set: { listed: true },
        ...(reveals.length ? { $addToSet: { reveals: { $each: reveals } } } : {})
      },
      { upsert: true }
    );
    rememberListed(key);
    return (await db.roomHeads.findOne({ _id: sessionId })) ?? { _id: sessionId, seq: 0, listed: true };
  }

  /** The entries numbered `from` down to `to` (inclusive), present ones only, newest first. */
  async function entries(sessionId: ObjectId, from: number, to: number): Promise<LoggedItem[]> {
    const seqs = Array.from({ length: Math.max(0, from - to + 1) }, (_, i) => from - i);
    const docs = await Promise.all(seqs.map((seq) => db.roomLog.findOne({ _id: entryId(sessionId, seq) })));
    return docs.flatMap((doc) => (doc ? [{ ...doc.item, seq: doc.seq }] : []));
  }

  /** Block `block`'s entries, newest first: from its block document, or from its entries (then sealed, when whole). */
  async function block(sessionId: ObjectId, block: number): Promise<LoggedItem[]> {
    const sealed = await db.roomLogBlocks.findOne({ _id: blockId(sessionId, block) });
    if (sealed) return sealed.entries.map((e) => ({ ...e.item, seq: e.seq })).reverse();
    const found = await entries(sessionId, (block + 1) * LOG_BLOCK, block * LOG_BLOCK + 1);
    // A number whose writer failed is never stored: that block stays in single entries.
    if (found.length === LOG_BLOCK) {
      const oldestFirst = [...found].reverse().map(({ seq, ...item }) => ({ seq, item: { ...item, seq } }));
      await collidesOnKey(
        db.roomLogBlocks.insertOne({ _id: blockId(sessionId, block), sessionId, entries: oldestFirst })
      );
    }
    return found;
  }

  return {
    /** A new room: nothing stored before the log, so its first read searches nothing. */
    async open(sessionId: ObjectId): Promise<void> {
      await collidesOnKey(db.roomHeads.insertOne({ _id: sessionId, seq: 0, listed: true }));
    },

    /**
     * Stores the item and lists it in its room (a reveal joins the room's reveals instead). `fresh` is false when
     * an item with its `_id` was already stored (a retried or repeated write): `stored` is then the one stored first.
     */
    async addItem(doc: RoomItemDoc): Promise<{ fresh: boolean; stored: RoomItemDoc }> {
      if (!listedRooms.has(doc.sessionId.toHexString())) await head(doc.sessionId);
      const item: RoomItemDoc = { ...doc, logged: true };
      if (await collidesOnKey(db.roomItems.insertOne(item))) {
        const stored = (await db.roomItems.findOne({ _id: doc._id })) ?? item;
        // Its writer stopped between storing and listing it: this retry lists it.
        const lost = stored.logged && stored.seq === undefined && stored.kind !== 'reveal';
        if (lost && Date.now() - stored.at.getTime() > UNLISTED_GRACE_MS) await list(stored);
        return { fresh: false, stored };
      }
      if (item.kind === 'reveal') {
        await db.roomHeads.updateOne({ _id: doc.sessionId }, { $addToSet: { reveals: doc._id } }, { upsert: true });
      } else {
        item.seq = await list(item);
      }
      return { fresh: true, stored: item };
    },

    async item(id: ObjectId): Promise<RoomItemDoc | null> {
      return db.roomItems.findOne({ _id: id });
    },

    /**
     * The newest `limit` items of these kinds before `before` (or the newest of all), oldest first, and whether
     * there are earlier ones; with the room's reveals when asked (the first page shows them all).
     */
    async page(
      sessionId: ObjectId,
      kinds: RoomItemDoc['kind'][],
      before: PageCursor | null,
      limit: number,
      withReveals: boolean
    ): Promise<{ items: LoggedItem[]; more: boolean; reveals: RoomItemDoc[] }> {
      const room = await head(sessionId);
      const wanted = new Set(kinds);
      const earlierThan = (item: LoggedItem) =>
        !before ||
        ('seq' in before
          ? item.seq < before.seq
          : item.at < before.at ||
            (item.at.getTime() === before.at.getTime() && item._id.toHexString() < before.id.toHexString()));
      const seen = new Set<string>();
      const picked: LoggedItem[] = [];
      let next = before && 'seq' in before ? Math.min(room.seq, before.seq - 1) : room.seq;
      // Walking back: whole blocks from their block document, the newest (open) block entry by entry.
      while (next >= 1 && picked.length <= limit) {
        const b = Math.floor((next - 1) / LOG_BLOCK);
        const whole = (b + 1) * LOG_BLOCK <= room.seq;
        const from = next;
        const to = whole ? b * LOG_BLOCK + 1 : Math.max(b * LOG_BLOCK + 1, next - READ_AHEAD + 1);
        const found = whole
          ? (await block(sessionId, b)).filter((item) => item.seq <= from)
          : await entries(sessionId, from, to);
        next = to - 1;
        for (const item of found) {
          const id = item._id.toHexString();
          if (seen.has(id) || !wanted.has(item.kind) || !earlierThan(item)) continue;
          seen.add(id);
          picked.push(item);
          if (picked.length > limit) break;
        }
      }
      const more = picked.length > limit;
      const items = picked.slice(0, limit).reverse();
      const reveals = withReveals
        ? (await Promise.all((room.reveals ?? []).map((id) => db.roomItems.findOne({ _id: id })))).filter(
            (item): item is RoomItemDoc => item !== null
          )
        : [];
      return { items, more, reveals };
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

    /** Marks these streams as still open (one write for all, a few hundred ids at a time). */
    async heartbeatMany(ids: string[], at: Date): Promise<void> {
      for (let from = 0; from < ids.length; from += 500) {
        await db.presence.updateMany({ _id: { $in: ids.slice(from, from + 500) } }, { $set: { seenAt: at } });
      }
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

    /** Every events stream open now (on any instance): its session (hex id), role and instance. */
    async openStreams(now: Date): Promise<{ sessionId: string; role: PresenceDoc['role']; instance: string | null }[]> {
      const open = await db.presence
        .find(
          { seenAt: { $gt: new Date(now.getTime() - PRESENCE_STALE_MS) } },
          { projection: { sessionId: 1, role: 1, instance: 1 } }
        )
        .toArray();
      return open.map((p) => ({ sessionId: p.sessionId.toHexString(), role: p.role, instance: p.instance ?? null }));
    },

    async prunePresence(now: Date): Promise<void> {
      await db.presence.deleteMany({ seenAt: { $lt: new Date(now.getTime() - PRESENCE_STALE_MS) } });
    }
  };
}

export type RoomRepository = ReturnType<typeof createRoomRepository>;
