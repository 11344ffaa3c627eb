/**
 * A proposed pair: each of the two accepts or declines. The second accept books it (one request wins the move to
 * `booking`, then claims both people's time: book.ts); a decline opens the other person's slot again and looks for
 * another match for it.
 */
import type { SignedInUser } from '../../db/client.ts';
import type { PartnerBookingDoc, PartnerProposalDoc } from '../../db/partners-repo.ts';
import { ApiError, notFound } from '../../errors.ts';
import { AlreadyBooked, book } from './book.ts';
import { idOf, slotTaken, type PartnerContext } from './context.ts';
import { proposeFor } from './slots.ts';

const ATTEMPTS = 8;

async function loadProposal(ctx: PartnerContext, user: SignedInUser, id: string) {
  const doc = await ctx.partners.findProposal(idOf(id, 'That proposal'));
  if (!doc?.people.some((p) => p.userId.equals(user._id))) throw notFound('That proposal');
  return doc;
}

/** A proposal whose meeting time passed unanswered has lapsed. */
export function proposalStatus(doc: PartnerProposalDoc, now: Date): Exclude<PartnerProposalDoc['status'], 'booking'> {
  if (doc.status === 'booking') return 'pending';
  if (doc.status === 'pending' && doc.start.getTime() <= now.getTime()) return 'lapsed';
  return doc.status;
}

export async function acceptProposal(
  ctx: PartnerContext,
  user: SignedInUser,
  id: string
): Promise<{ proposal: PartnerProposalDoc; booking: PartnerBookingDoc | null }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const doc = await loadProposal(ctx, user, id);
    const status = proposalStatus(doc, ctx.now());
    if (doc.status === 'booked') return { proposal: doc, booking: await ctx.partners.findBooking(doc.bookingId) };
    if (doc.status === 'booking') return { proposal: doc, booking: null };
    if (status === 'declined') throw new ApiError(409, 'CONFLICT', 'This proposal was declined.');
    if (status === 'lapsed') throw slotTaken('This proposal has lapsed: one of you was booked at that time.');
    const accepted = doc.acceptedBy.some((u) => u.equals(user._id))
      ? doc
      : await ctx.partners.updateProposal(doc._id, doc.revision, { acceptedBy: [...doc.acceptedBy, user._id] });
    if (!accepted) continue;
    const both = accepted.people.every((p) => accepted.acceptedBy.some((u) => u.equals(p.userId)));
    if (!both) return { proposal: accepted, booking: null };
    // One request books it; the others see `booking` and then `booked`.
    const booking = await ctx.partners.updateProposal(accepted._id, accepted.revision, { status: 'booking' });
    if (!booking) continue;
    return { proposal: booking, booking: await bookProposal(ctx, booking) };
  }
  throw new ApiError(409, 'CONFLICT', 'This proposal is changing: try again.');
}

async function bookProposal(ctx: PartnerContext, doc: PartnerProposalDoc): Promise<PartnerBookingDoc> {
  try {
    const booking = await book(ctx, {
      bookingId: doc.bookingId,
      people: doc.people,
      start: doc.start,
      source: 'match'
    });
    await ctx.partners.updateProposal(doc._id, doc.revision, { status: 'booked' });
    for (const person of doc.people) {
      if (person.slotId)
        await ctx.partners.moveSlot(person.slotId, ['proposed'], { status: 'booked', bookingId: doc.bookingId });
    }
    return booking;
  } catch (error) {
    await ctx.partners.updateProposal(doc._id, doc.revision, { status: 'lapsed' });
    const booked = error instanceof AlreadyBooked ? error.person : null;
    for (const [n, person] of doc.people.entries()) {
      if (!person.slotId) continue;
      const status = n === booked ? 'lapsed' : 'open';
      await ctx.partners.moveSlot(person.slotId, ['proposed'], { status, proposalId: null });
    }
    if (booked !== null) {
      throw slotTaken(`${doc.people[booked]!.name} was booked at that time meanwhile: the proposal has lapsed.`);
    }
    throw error;
  }
}

export async function declineProposal(ctx: PartnerContext, user: SignedInUser, id: string) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const doc = await loadProposal(ctx, user, id);
    if (doc.status === 'declined') return doc;
    if (doc.status !== 'pending') throw new ApiError(409, 'CONFLICT', 'This proposal is booked or has lapsed.');
    const declined = await ctx.partners.updateProposal(doc._id, doc.revision, { status: 'declined' });
    if (!declined) continue;
    for (const person of doc.people) {
      if (!person.slotId) continue;
      const mine = person.userId.equals(user._id);
      const slot = await ctx.partners.moveSlot(person.slotId, ['proposed'], {
        status: mine ? 'withdrawn' : 'open',
        proposalId: null
      });
      // The other person's slot looks for another partner.
      if (slot && !mine) await proposeFor(ctx, slot);
    }
    return declined;
  }
  throw new ApiError(409, 'CONFLICT', 'This proposal is changing: try again.');
}
