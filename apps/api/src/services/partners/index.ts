/**
 * Practice partners (issue 35): availability, matching, booking, the pair's two halves with the role swap,
 * no-shows, reminders and the booking's calendar event. One use case a module; this factory binds them to one
 * context. A booking's halves are ordinary sessions, each with its interviewer admitted by an invite, so the room,
 * the guide projection, the call and peer scoring are the engine's own.
 *
 * @example
 * const partners = createPartnerService({ repos, partners: createPartnersRepo(db), catalog, sessions, reviews, now });
 * const { slot, proposal } = await partners.publish(user, { start: '2027-01-12T18:00', timeZone: 'Europe/Berlin', wish });
 */
import type { PartnersOverview, PublishSlotBody } from '@mockloop/contracts';
import type { SignedInUser } from '../../db/client.ts';
import { bookingCalendar } from './calendar.ts';
import type { PartnerContext, PartnerServiceOptions } from './context.ts';
import { recentNoShows } from './match.ts';
import { advance, joinBooking, markDone, readBooking } from './pair-room.ts';
import { presentBooking, presentProposal, presentSlot } from './present.ts';
import { acceptProposal, declineProposal } from './proposals.ts';
import { publishSlot, standingOf, takeSlot, withdrawSlot } from './slots.ts';

export type { PartnerServiceOptions } from './context.ts';

export function createPartnerService(options: PartnerServiceOptions) {
  const ctx: PartnerContext = { allowShortSessions: false, ...options };
  const now = () => ctx.now();

  async function overview(user: SignedInUser, origin: string): Promise<PartnersOverview> {
    const mine = await ctx.partners.ofUser(user._id);
    const [slots, proposals, bookings, open, standing] = await Promise.all([
      ctx.partners.slotsOf(mine.slotIds),
      ctx.partners.proposalsOf(mine.proposalIds),
      ctx.partners.bookingsOf(mine.bookingIds),
      ctx.partners.openSlots(now()),
      standingOf(ctx, user._id)
    ]);
    // Each booking brought up to now (its no-shows recorded as they are read).
    const current = await Promise.all(bookings.map((doc) => advance(ctx, doc, origin)));
    const at = now();
    return {
      slots: slots.map((s) => presentSlot(s, user._id, at)).sort((a, b) => a.start.localeCompare(b.start)),
      proposals: proposals.map((p) => presentProposal(p, user._id, at)).sort((a, b) => a.start.localeCompare(b.start)),
      bookings: current.map((b) => presentBooking(b, user._id, at)).sort((a, b) => a.start.localeCompare(b.start)),
      openRequests: open
        .filter((s) => !s.userId.equals(user._id) && s.start.getTime() > at.getTime())
        .map((s) => presentSlot(s, user._id, at)),
      standing: { recentNoShows: recentNoShows(standing, at.getTime()), owed: standing.owed },
      serverNow: at.toISOString()
    };
  }

  return {
    overview,
    async publish(user: SignedInUser, body: PublishSlotBody) {
      const { slot, proposal } = await publishSlot(ctx, user, body);
      return {
        slot: presentSlot(slot, user._id, now()),
        proposal: proposal ? presentProposal(proposal, user._id, now()) : null
      };
    },
    async withdraw(user: SignedInUser, id: string) {
      return { slot: presentSlot(await withdrawSlot(ctx, user, id), user._id, now()) };
    },
    async take(user: SignedInUser, id: string, timeZone?: string) {
      const booking = await takeSlot(ctx, user, id, timeZone);
      return { booking: presentBooking(booking, user._id, now()), serverNow: now().toISOString() };
    },
    async accept(user: SignedInUser, id: string) {
      const { proposal, booking } = await acceptProposal(ctx, user, id);
      return {
        proposal: presentProposal((await ctx.partners.findProposal(proposal._id)) ?? proposal, user._id, now()),
        booking: booking ? presentBooking(booking, user._id, now()) : null
      };
    },
    async decline(user: SignedInUser, id: string) {
      return { proposal: presentProposal(await declineProposal(ctx, user, id), user._id, now()), booking: null };
    },
    async booking(user: SignedInUser, id: string, origin: string) {
      const doc = await readBooking(ctx, user, id, origin);
      return { booking: presentBooking(doc, user._id, now()), serverNow: now().toISOString() };
    },
    async join(user: SignedInUser, id: string, origin: string) {
      const doc = await joinBooking(ctx, user, id, origin);
      return { booking: presentBooking(doc, user._id, now()), serverNow: now().toISOString() };
    },
    async done(user: SignedInUser, id: string, half: 0 | 1, origin: string) {
      const doc = await markDone(ctx, user, id, half, origin);
      return { booking: presentBooking(doc, user._id, now()), serverNow: now().toISOString() };
    },
    async calendar(user: SignedInUser, id: string, origin: string) {
      const doc = await readBooking(ctx, user, id, origin);
      return bookingCalendar(presentBooking(doc, user._id, now()), origin);
    }
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
