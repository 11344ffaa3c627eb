/**
 * Booking a pair: both people's quarter hours are claimed (one document each, `_id` `<userId>:<minute>`: a second
 * claim collides), then the booking is stored; a booking that could not claim both people's time is not stored and
 * gives back what it claimed, so nothing half-written remains and nobody is ever booked twice at one time.
 */
import { PAIR_MINUTES } from '@mockloop/contracts';
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import type { ObjectId } from 'mongodb';
import type { BookingHalfDoc, PartnerBookingDoc, PartnerPersonDoc } from '../../db/partners-repo.ts';
import { ApiError } from '../../errors.ts';
import type { PartnerContext } from './context.ts';
import { claimKeys } from './match.ts';

export interface BookingPlan {
  bookingId: ObjectId;
  people: [PartnerPersonDoc, PartnerPersonDoc];
  start: Date;
  source: PartnerBookingDoc['source'];
}

/** The booking failed: this person (an index into `people`) is booked at that time already. */
export class AlreadyBooked extends Error {
  constructor(readonly person: 0 | 1) {
    super('already booked');
  }
}

const topicFit = (q: VersionedQuestion, topic: string | undefined) =>
  Boolean(topic && [q.title, ...q.tags].some((t) => t.toLowerCase().includes(topic.toLowerCase())));

/**
 * Two different bank questions of the pair's kind, one per half: its level (for kinds that have one) and topic
 * first. Different, so the second candidate is never asked what they just saw the guide of.
 */
export function questionsFor(ctx: PartnerContext, plan: BookingPlan): [VersionedQuestion, VersionedQuestion] {
  const [a, b] = plan.people;
  const { kind } = a.wish;
  const ofKind = ctx.catalog.all().filter((q) => q.kind === kind);
  if (ofKind.length < 2) throw new ApiError(409, 'CONFLICT', `The question bank has too few ${kind} questions.`);
  const score = (q: VersionedQuestion, wish: PartnerPersonDoc['wish']) =>
    (topicFit(q, wish.topic) ? 0 : 2) + ('level' in q && q.level !== wish.level ? 1 : 0);
  // Spread pairs over the bank: the booking's id picks where the ties start.
  const offset = Number.parseInt(plan.bookingId.toHexString().slice(-6), 16);
  const pick = (wish: PartnerPersonDoc['wish'], not?: VersionedQuestion) => {
    const options = ofKind.filter((q) => q !== not);
    const best = Math.min(...options.map((q) => score(q, wish)));
    const tied = options.filter((q) => score(q, wish) === best);
    return tied[offset % tied.length]!;
  };
  // Each half's question is chosen for its candidate's wish.
  const first = pick(a.wish);
  return [first, pick(b.wish, first)];
}

function halfOf(candidate: 0 | 1, question: VersionedQuestion): BookingHalfDoc {
  return {
    candidate,
    questionId: question.id,
    questionTitle: question.title,
    sessionId: null,
    doneBy: [],
    endedAt: null
  };
}

/** Claims both people's time and stores the booking; throws `AlreadyBooked` naming who was booked already. */
export async function book(ctx: PartnerContext, plan: BookingPlan): Promise<PartnerBookingDoc> {
  const [a, b] = plan.people;
  const lengthMs = PAIR_MINUTES[a.wish.kind] * 60_000;
  const at = ctx.now();
  const [qa, qb] = questionsFor(ctx, plan);
  const keysOf = (p: PartnerPersonDoc) => claimKeys(p.userId.toHexString(), plan.start.getTime(), lengthMs);
  const keys = [keysOf(a), keysOf(b)];
  const collided = await ctx.partners.claim([...keys[0]!, ...keys[1]!], plan.bookingId, at);
  if (collided) throw new AlreadyBooked(keys[0]!.includes(collided) ? 0 : 1);
  const topic = a.wish.topic ?? b.wish.topic ?? null;
  const doc: PartnerBookingDoc = {
    _id: plan.bookingId,
    people: plan.people,
    start: plan.start,
    end: new Date(plan.start.getTime() + lengthMs),
    kind: a.wish.kind,
    // The pair is practised at the higher of the two levels (they are one step apart at most).
    level: [a.wish.level, b.wish.level].includes('principal')
      ? 'principal'
      : [a.wish.level, b.wish.level].includes('staff')
        ? 'staff'
        : 'senior',
    topic,
    source: plan.source,
    halves: [halfOf(0, qa), halfOf(1, qb)],
    joinedAt: [null, null],
    noShow: null,
    createdAt: at,
    updatedAt: at,
    revision: 0
  };
  try {
    await ctx.partners.insertBooking(doc);
  } catch (error) {
    await ctx.partners.release([...keys[0]!, ...keys[1]!], plan.bookingId);
    throw error;
  }
  // A booking pays what the person was owed.
  await Promise.all(plan.people.map((p) => ctx.partners.setOwed(p.userId, null)));
  return doc;
}
