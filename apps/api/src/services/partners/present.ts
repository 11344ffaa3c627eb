/** Slots, proposals and bookings as one of their people sees them (packages/contracts/src/partners.ts). */
import { REMINDER_LEAD_MIN, type PartnerBooking, type PartnerProposal, type PartnerSlot } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { PartnerBookingDoc, PartnerProposalDoc, PartnerSlotDoc } from '../../db/partners-repo.ts';
import { sideOf } from './pair-room.ts';
import { proposalStatus } from './proposals.ts';

export function presentSlot(doc: PartnerSlotDoc, viewer: ObjectId, now: Date): PartnerSlot {
  // An open slot whose window has passed is no longer offered.
  const lapsed = doc.status === 'open' && doc.end.getTime() <= now.getTime();
  return {
    id: doc._id.toHexString(),
    start: doc.start.toISOString(),
    end: doc.end.toISOString(),
    durationMin: doc.durationMin,
    timeZone: doc.timeZone,
    wish: doc.wish,
    status: lapsed ? 'lapsed' : doc.status,
    ownerName: doc.userName,
    mine: doc.userId.equals(viewer)
  };
}

export function presentProposal(doc: PartnerProposalDoc, viewer: ObjectId, now: Date): PartnerProposal {
  const mine = doc.people.findIndex((p) => p.userId.equals(viewer));
  const me = doc.people[mine === 1 ? 1 : 0];
  const partner = doc.people[mine === 1 ? 0 : 1];
  const status = proposalStatus(doc, now);
  return {
    id: doc._id.toHexString(),
    start: doc.start.toISOString(),
    end: doc.end.toISOString(),
    wish: me.wish,
    partner: { name: partner.name, level: partner.wish.level, timeZone: partner.timeZone },
    status,
    acceptedByMe: doc.acceptedBy.some((u) => u.equals(viewer)),
    acceptedByPartner: doc.acceptedBy.some((u) => u.equals(partner.userId)),
    bookingId: status === 'booked' ? doc.bookingId.toHexString() : null
  };
}

export function bookingPhase(doc: PartnerBookingDoc, now: Date): PartnerBooking['phase'] {
  if (doc.noShow?.length) return 'no-show';
  if (doc.halves[1].endedAt) return 'finished';
  if (doc.halves[1].sessionId) return 'half-2';
  if (doc.halves[0].sessionId) return 'half-1';
  return now.getTime() < doc.start.getTime() ? 'upcoming' : 'waiting';
}

export function presentBooking(doc: PartnerBookingDoc, viewer: ObjectId, now: Date): PartnerBooking {
  const side = sideOf(doc, { _id: viewer }) ?? 0;
  const other = side === 0 ? 1 : 0;
  const person = (n: 0 | 1) => ({ id: doc.people[n].userId.toHexString(), name: doc.people[n].name });
  const phase = bookingPhase(doc, now);
  const remindFrom = doc.start.getTime() - REMINDER_LEAD_MIN * 60_000;
  return {
    id: doc._id.toHexString(),
    start: doc.start.toISOString(),
    end: doc.end.toISOString(),
    kind: doc.kind,
    level: doc.level,
    topic: doc.topic,
    source: doc.source,
    partner: { ...person(other), timeZone: doc.people[other].timeZone },
    timeZone: doc.people[side].timeZone,
    phase,
    halves: doc.halves.map((half, n) => {
      const interviewer = half.candidate === 0 ? 1 : 0;
      const status = half.endedAt ? 'done' : half.sessionId ? 'running' : 'waiting';
      // A candidate learns their question when their half starts; the interviewer may prepare it.
      const candidateBefore = half.candidate === side && status === 'waiting';
      return {
        n,
        candidate: person(half.candidate),
        interviewer: person(interviewer),
        questionTitle: candidateBefore ? '' : half.questionTitle,
        sessionId: half.sessionId?.toHexString() ?? null,
        status,
        myRole: half.candidate === side ? ('candidate' as const) : ('interviewer' as const),
        doneBy: half.doneBy.map((u) => u.toHexString())
      };
    }),
    joined: doc.people.filter((_, n) => doc.joinedAt[n] !== null).map((p) => p.userId.toHexString()),
    noShow: (doc.noShow ?? []).map((u) => u.toHexString()),
    remind:
      now.getTime() >= remindFrom &&
      now.getTime() < doc.end.getTime() &&
      ['upcoming', 'waiting', 'half-1', 'half-2'].includes(phase)
  };
}
