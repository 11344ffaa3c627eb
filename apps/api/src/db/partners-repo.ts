/**
 * Practice partners' storage: `partner_slots`, `partner_proposals` and `partner_bookings`, each read and written
 * whole by `_id` with a revision; `user_partners`, each person's ids of them and their standing (no-shows, owed), so
 * a person's page reads by `_id` only; and `partner_claims`, one document per person and quarter hour booked
 * (`<userId>:<minute>`), whose unique `_id` is what makes a double booking impossible: the second claim on a quarter
 * hour collides, however many accept at once. Only the open requests (others' open slots) are searched by field, on
 * publishing and on opening the partners page.
 */
import type { PartnerWish } from '@mockloop/contracts';
import type { Collection, ObjectId, UpdateFilter } from 'mongodb';
import type { Database } from './client.ts';
import { collidesOnKey, isDuplicateKey } from './duplicate-key.ts';

export type SlotStatus = 'open' | 'proposed' | 'booked' | 'withdrawn' | 'lapsed';

export interface PartnerSlotDoc {
  _id: ObjectId;
  userId: ObjectId;
  userName: string;
  start: Date;
  end: Date;
  durationMin: number;
  timeZone: string;
  wish: PartnerWish;
  status: SlotStatus;
  proposalId: ObjectId | null;
  bookingId: ObjectId | null;
  createdAt: Date;
  revision: number;
}

export interface PartnerPersonDoc {
  userId: ObjectId;
  name: string;
  timeZone: string;
  wish: PartnerWish;
  slotId: ObjectId | null;
}

export interface PartnerProposalDoc {
  _id: ObjectId;
  people: [PartnerPersonDoc, PartnerPersonDoc];
  start: Date;
  end: Date;
  acceptedBy: ObjectId[];
  /** pending until both accept; booking while one request books it; then booked, declined or lapsed. */
  status: 'pending' | 'booking' | 'booked' | 'declined' | 'lapsed';
  bookingId: ObjectId;
  createdAt: Date;
  revision: number;
}

export interface BookingHalfDoc {
  /** Which of `people` is the candidate in this half (the other interviews). */
  candidate: 0 | 1;
  questionId: string;
  questionTitle: string;
  sessionId: ObjectId | null;
  doneBy: ObjectId[];
  endedAt: Date | null;
}

export interface PartnerBookingDoc {
  _id: ObjectId;
  people: [PartnerPersonDoc, PartnerPersonDoc];
  start: Date;
  end: Date;
  kind: PartnerWish['kind'];
  level: PartnerWish['level'];
  topic: string | null;
  source: 'match' | 'taken';
  halves: [BookingHalfDoc, BookingHalfDoc];
  /** When each of `people` first joined. */
  joinedAt: [Date | null, Date | null];
  /** Who never came, once settled after the grace (null until then). */
  noShow: ObjectId[] | null;
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

export interface PartnerClaimDoc {
  _id: string;
  bookingId: ObjectId;
  at: Date;
}

export interface UserPartnersDoc {
  _id: ObjectId;
  slotIds: ObjectId[];
  proposalIds: ObjectId[];
  bookingIds: ObjectId[];
  noShowsAt: Date[];
  /** Stood up by a partner since their last booking: offered the next match first. */
  owedSince: Date | null;
}

export type BookingChange = Partial<Pick<PartnerBookingDoc, 'halves' | 'joinedAt' | 'noShow'>>;

/** Ids listed under a person, newest last; the embedded server's `$push` is not atomic, so each is read once. */
const unique = (ids: ObjectId[]) => [...new Map(ids.map((id) => [id.toHexString(), id])).values()];

export function createPartnersRepo(db: Database) {
  const slots: Collection<PartnerSlotDoc> = db.db.collection('partner_slots');
  const proposals: Collection<PartnerProposalDoc> = db.db.collection('partner_proposals');
  const bookings: Collection<PartnerBookingDoc> = db.db.collection('partner_bookings');
  const claims: Collection<PartnerClaimDoc> = db.db.collection('partner_claims');
  const users: Collection<UserPartnersDoc> = db.db.collection('user_partners');
  // The one search: open slots by their end (a real MongoDB uses it; the embedded server scans a small collection).
  let indexed: Promise<unknown> | null = null;
  const ready = () => (indexed ??= slots.createIndex({ status: 1, end: 1 }, { name: 'status_end' }));

  /** A change to a person's document, made with it if it is not there (two first writes racing collide once). */
  async function upsertUser(userId: ObjectId, change: UpdateFilter<UserPartnersDoc>): Promise<void> {
    if (await collidesOnKey(users.updateOne({ _id: userId }, change, { upsert: true }))) {
      await users.updateOne({ _id: userId }, change);
    }
  }

  const list = (userId: ObjectId, field: 'slotIds' | 'proposalIds' | 'bookingIds', id: ObjectId) =>
    upsertUser(userId, { $push: { [field]: id } } as UpdateFilter<UserPartnersDoc>);

  return {
    async insertSlot(doc: PartnerSlotDoc): Promise<void> {
      await slots.insertOne(doc);
      await list(doc.userId, 'slotIds', doc._id);
    },
    findSlot: (_id: ObjectId) => slots.findOne({ _id }),
    /** Moves a slot from one of `from` to `set`; the slot as it now stands, or null when it had moved on. */
    moveSlot: (_id: ObjectId, from: SlotStatus[], set: Partial<PartnerSlotDoc>) =>
      slots.findOneAndUpdate(
        { _id, status: { $in: from } },
        { $set: set, $inc: { revision: 1 } },
        { returnDocument: 'after' }
      ),
    /** Others' open slots that end after `after`, soonest first (at most 500). */
    async openSlots(after: Date): Promise<PartnerSlotDoc[]> {
      await ready();
      return slots
        .find({ status: 'open', end: { $gt: after } })
        .sort({ start: 1 })
        .limit(500)
        .toArray();
    },

    async insertProposal(doc: PartnerProposalDoc): Promise<void> {
      await proposals.insertOne(doc);
      for (const person of doc.people) await list(person.userId, 'proposalIds', doc._id);
    },
    findProposal: (_id: ObjectId) => proposals.findOne({ _id }),
    updateProposal: (_id: ObjectId, revision: number, set: Partial<PartnerProposalDoc>) =>
      proposals.findOneAndUpdate({ _id, revision }, { $set: set, $inc: { revision: 1 } }, { returnDocument: 'after' }),

    async insertBooking(doc: PartnerBookingDoc): Promise<void> {
      await bookings.insertOne(doc);
      for (const person of doc.people) await list(person.userId, 'bookingIds', doc._id);
    },
    findBooking: (_id: ObjectId) => bookings.findOne({ _id }),
    updateBooking: (_id: ObjectId, revision: number, change: BookingChange, at: Date) =>
      bookings.findOneAndUpdate(
        { _id, revision },
        { $set: { ...change, updatedAt: at }, $inc: { revision: 1 } },
        { returnDocument: 'after' }
      ),

    /**
     * Claims every key for the booking, or none: on the first key someone else holds, the keys this call took are
     * given back and that key is returned (null when all were claimed).
     */
    async claim(keys: string[], bookingId: ObjectId, at: Date): Promise<string | null> {
      const taken: string[] = [];
      for (const _id of keys) {
        try {
          await claims.insertOne({ _id, bookingId, at });
          taken.push(_id);
        } catch (error) {
          if (!isDuplicateKey(error)) {
            await claims.deleteMany({ _id: { $in: taken }, bookingId });
            throw error;
          }
          await claims.deleteMany({ _id: { $in: taken }, bookingId });
          return _id;
        }
      }
      return null;
    },
    /** Gives back a booking's claims (a booking that was not stored after all). */
    release: (keys: string[], bookingId: ObjectId) => claims.deleteMany({ _id: { $in: keys }, bookingId }),
    /** Which of `keys` are claimed, and by which booking (each read by `_id`). */
    async claimed(keys: string[]): Promise<PartnerClaimDoc[]> {
      const docs = await Promise.all(keys.map((_id) => claims.findOne({ _id })));
      return docs.filter((d): d is PartnerClaimDoc => d !== null);
    },

    /** A person's ids and standing (fields a first write did not make read as empty). */
    async ofUser(userId: ObjectId): Promise<UserPartnersDoc> {
      const doc = await users.findOne({ _id: userId });
      return {
        _id: userId,
        slotIds: unique(doc?.slotIds ?? []),
        proposalIds: unique(doc?.proposalIds ?? []),
        bookingIds: unique(doc?.bookingIds ?? []),
        noShowsAt: doc?.noShowsAt ?? [],
        owedSince: doc?.owedSince ?? null
      };
    },
    async slotsOf(ids: ObjectId[]) {
      return (await Promise.all(ids.map((_id) => slots.findOne({ _id })))).filter((d) => d !== null);
    },
    async proposalsOf(ids: ObjectId[]) {
      return (await Promise.all(ids.map((_id) => proposals.findOne({ _id })))).filter((d) => d !== null);
    },
    async bookingsOf(ids: ObjectId[]) {
      return (await Promise.all(ids.map((_id) => bookings.findOne({ _id })))).filter((d) => d !== null);
    },
    /** A missed booking on a person's record. */
    recordNoShow: (userId: ObjectId, at: Date) => upsertUser(userId, { $push: { noShowsAt: at } }),
    setOwed: (userId: ObjectId, owedSince: Date | null) => upsertUser(userId, { $set: { owedSince } }),

    /** Everything of a person's partner data (their account is being deleted); their partners' bookings stay. */
    async deleteAccount(userId: ObjectId): Promise<void> {
      await Promise.all([slots.deleteMany({ userId }), users.deleteOne({ _id: userId })]);
    }
  };
}

export type PartnersRepo = ReturnType<typeof createPartnersRepo>;
