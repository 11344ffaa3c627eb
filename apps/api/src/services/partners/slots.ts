/**
 * Slots: publishing one (a local time in the person's own zone, stored in UTC), proposing the best-fitting open slot
 * of someone else at once (match.ts decides), withdrawing one, and taking another's open request (booked directly).
 */
import { PAIR_MINUTES, publishSlotBodySchema, type PublishSlotBody } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { SignedInUser } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import type { PartnerPersonDoc, PartnerProposalDoc, PartnerSlotDoc } from '../../db/partners-repo.ts';
import { ApiError, notFound } from '../../errors.ts';
import { AlreadyBooked, book } from './book.ts';
import { doubleBooked, idOf, slotTaken, type PartnerContext } from './context.ts';
import { localToInstant } from './local-time.ts';
import { rankMatches, type MatchSlot, type Standing } from './match.ts';

export const personOf = (slot: PartnerSlotDoc): PartnerPersonDoc => ({
  userId: slot.userId,
  name: slot.userName,
  timeZone: slot.timeZone,
  wish: slot.wish,
  slotId: slot._id
});

const toMatchSlot = (slot: PartnerSlotDoc): MatchSlot => ({
  slotId: slot._id.toHexString(),
  userId: slot.userId.toHexString(),
  start: slot.start.getTime(),
  durationMin: slot.durationMin,
  wish: slot.wish,
  publishedAt: slot.createdAt.getTime()
});

export async function standingOf(ctx: PartnerContext, userId: ObjectId): Promise<Standing> {
  const doc = await ctx.partners.ofUser(userId);
  return { noShowsAt: doc.noShowsAt.map((d) => d.getTime()), owed: doc.owedSince !== null };
}

/**
 * Proposes the best open slot that fits `mine` (if any): both slots move to `proposed` under one proposal. A slot
 * another proposal took meanwhile is passed over for the next best.
 */
export async function proposeFor(ctx: PartnerContext, mine: PartnerSlotDoc): Promise<PartnerProposalDoc | null> {
  const now = ctx.now();
  const open = (await ctx.partners.openSlots(now)).filter((s) => !s.userId.equals(mine.userId));
  const bySlot = new Map(open.map((s) => [s._id.toHexString(), s]));
  const people = new Map(open.map((s) => [s.userId.toHexString(), s.userId]));
  const standings = new Map(
    await Promise.all([...people].map(async ([hex, userId]) => [hex, await standingOf(ctx, userId)] as const))
  );
  const ranked = rankMatches(toMatchSlot(mine), open.map(toMatchSlot), (id) => standings.get(id)!, now.getTime());
  for (const match of ranked) {
    const other = bySlot.get(match.slot.slotId)!;
    const proposalId = newId();
    const theirs = await ctx.partners.moveSlot(other._id, ['open'], { status: 'proposed', proposalId });
    if (!theirs) continue;
    const ours = await ctx.partners.moveSlot(mine._id, ['open'], { status: 'proposed', proposalId });
    if (!ours) {
      // Ours was taken or withdrawn meanwhile: theirs is open again.
      await ctx.partners.moveSlot(other._id, ['proposed'], { status: 'open', proposalId: null });
      return null;
    }
    const start = new Date(match.start);
    const proposal: PartnerProposalDoc = {
      _id: proposalId,
      // The one who published first (and waited longer) is the first half's candidate.
      people: [personOf(theirs), personOf(ours)],
      start,
      end: new Date(match.start + PAIR_MINUTES[mine.wish.kind] * 60_000),
      acceptedBy: [],
      status: 'pending',
      bookingId: newId(),
      createdAt: now,
      revision: 0
    };
    await ctx.partners.insertProposal(proposal);
    return proposal;
  }
  return null;
}

export async function publishSlot(ctx: PartnerContext, user: SignedInUser, input: PublishSlotBody) {
  const body = publishSlotBodySchema.parse(input);
  const start = localToInstant(body.start, body.timeZone);
  if (start === null) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `${body.start} does not exist in ${body.timeZone}: the clocks skip it.`,
      {
        start: 'The clocks skip this time (daylight saving): choose another'
      }
    );
  }
  const now = ctx.now();
  if (start <= now.getTime()) {
    throw new ApiError(400, 'VALIDATION_FAILED', 'A slot starts in the future.', { start: 'Choose a time ahead' });
  }
  const durationMin = body.durationMin ?? PAIR_MINUTES[body.wish.kind];
  const doc: PartnerSlotDoc = {
    _id: newId(),
    userId: user._id,
    userName: user.name,
    start: new Date(start),
    end: new Date(start + durationMin * 60_000),
    durationMin,
    timeZone: body.timeZone,
    wish: body.wish,
    status: 'open',
    proposalId: null,
    bookingId: null,
    createdAt: now,
    revision: 0
  };
  await ctx.partners.insertSlot(doc);
  const proposal = await proposeFor(ctx, doc);
  return { slot: (await ctx.partners.findSlot(doc._id)) ?? doc, proposal };
}

async function ownSlot(ctx: PartnerContext, user: SignedInUser, id: string) {
  const slot = await ctx.partners.findSlot(idOf(id, 'That slot'));
  if (!slot?.userId.equals(user._id)) throw notFound('That slot');
  return slot;
}

export async function withdrawSlot(ctx: PartnerContext, user: SignedInUser, id: string) {
  const slot = await ownSlot(ctx, user, id);
  const moved = await ctx.partners.moveSlot(slot._id, ['open', 'withdrawn', 'lapsed'], { status: 'withdrawn' });
  if (!moved) {
    throw new ApiError(409, 'CONFLICT', 'This slot is in a proposal or booked: decline the proposal instead.');
  }
  return moved;
}

/** Takes another person's open slot: booked at its start, the taker's time zone for their side of it. */
export async function takeSlot(ctx: PartnerContext, user: SignedInUser, id: string, timeZone?: string) {
  const slot = await ctx.partners.findSlot(idOf(id, 'That slot'));
  if (!slot || slot.status === 'withdrawn') throw notFound('That slot');
  if (slot.userId.equals(user._id)) throw new ApiError(409, 'CONFLICT', 'This is your own slot.');
  if (slot.start.getTime() <= ctx.now().getTime()) throw slotTaken('This slot has already started.');
  const bookingId = newId();
  // One taker wins the slot; everyone else is told at once.
  const won = await ctx.partners.moveSlot(slot._id, ['open'], { status: 'booked', bookingId });
  if (!won) throw slotTaken();
  const taker: PartnerPersonDoc = {
    userId: user._id,
    name: user.name,
    timeZone: timeZone ?? slot.timeZone,
    wish: slot.wish,
    slotId: null
  };
  try {
    return await book(ctx, { bookingId, people: [personOf(won), taker], start: slot.start, source: 'taken' });
  } catch (error) {
    const ownerBooked = error instanceof AlreadyBooked && error.person === 0;
    // The slot's owner was booked at that time meanwhile: the slot lapses. Otherwise it is open again.
    await ctx.partners.moveSlot(slot._id, ['booked'], {
      status: ownerBooked ? 'lapsed' : 'open',
      bookingId: null
    });
    if (ownerBooked) throw slotTaken('The person who published this slot was booked at that time meanwhile.');
    if (error instanceof AlreadyBooked) throw doubleBooked();
    throw error;
  }
}
