/**
 * A booked pair as it runs, computed on each read with the app's clock (no timers): the two join; the first half
 * starts when both are in (an ordinary session for its candidate, the other admitted by the invite of peer review);
 * the roles swap when the first half's session ends (its clock ran out, its candidate finished, or both said done);
 * the second half runs the same way the other way round. A side that has not joined `NO_SHOW_GRACE_MIN` after the
 * start is recorded as a no-show: it lowers their place in matching, and the one who came is owed the next match.
 */
import { NO_SHOW_GRACE_MIN, PAIR_MINUTES } from '@mockloop/contracts';
import type { SignedInUser } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import type { BookingChange, PartnerBookingDoc } from '../../db/partners-repo.ts';
import { ApiError, notFound } from '../../errors.ts';
import { idOf, userById, type PartnerContext } from './context.ts';

const ATTEMPTS = 8;
/** How early the two may begin once both are in. */
export const EARLY_START_MIN = 5;
/** How early the room lets a person say they are here. */
export const JOIN_OPENS_MIN = 15;

export function sideOf(doc: PartnerBookingDoc, user: Pick<SignedInUser, '_id'>): 0 | 1 | null {
  const n = doc.people.findIndex((p) => p.userId.equals(user._id));
  return n === 0 || n === 1 ? n : null;
}

export async function loadBooking(ctx: PartnerContext, user: SignedInUser, id: string) {
  const doc = await ctx.partners.findBooking(idOf(id, 'That booking'));
  if (!doc || sideOf(doc, user) === null) throw notFound('That booking');
  return doc;
}

/** Writes a change computed from the booking as it stands, reading again when another write came first. */
async function write(
  ctx: PartnerContext,
  doc: PartnerBookingDoc,
  change: (current: PartnerBookingDoc) => BookingChange | null
): Promise<PartnerBookingDoc> {
  let current = doc;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const wanted = change(current);
    if (!wanted) return current;
    const written = await ctx.partners.updateBooking(current._id, current.revision, wanted, ctx.now());
    if (written) return written;
    current = (await ctx.partners.findBooking(current._id)) ?? current;
  }
  throw new ApiError(409, 'CONFLICT', 'This booking is changing: try again.');
}

const halfMinutes = (doc: PartnerBookingDoc) => PAIR_MINUTES[doc.kind] / 2;

/** Starts half `n`: claims its session id in the booking, starts the session, admits the interviewer. */
async function startHalf(ctx: PartnerContext, doc: PartnerBookingDoc, n: 0 | 1, origin: string) {
  const sessionId = newId();
  const claimed = await write(ctx, doc, (current) => {
    if (current.halves[n].sessionId) return null;
    const halves = [...current.halves] as PartnerBookingDoc['halves'];
    halves[n] = { ...halves[n], sessionId };
    return { halves };
  });
  if (!claimed.halves[n].sessionId?.equals(sessionId)) return claimed;
  const half = claimed.halves[n];
  const candidate = await userById(ctx, claimed.people[half.candidate].userId);
  const interviewer = await userById(ctx, claimed.people[half.candidate === 0 ? 1 : 0].userId);
  try {
    const session = await ctx.sessions.startPairHalf(candidate, {
      sessionId,
      pair: { bookingId: claimed._id, half: n },
      questionId: half.questionId,
      durationMin: halfMinutes(claimed)
    });
    // The interviewer is admitted as any invited interviewer is: the room, the guide, the peer score are theirs.
    const invite = await ctx.reviews.create(session, origin, 2);
    await ctx.reviews.accept(interviewer, invite.token);
  } catch (error) {
    // Nothing half-written: a session that was not stored gives its claim back, so the half can start again.
    if (!(await ctx.repos.sessions.findState(sessionId))) {
      await write(ctx, claimed, (current) => {
        const halves = [...current.halves] as PartnerBookingDoc['halves'];
        halves[n] = { ...halves[n], sessionId: null };
        return { halves };
      });
    }
    throw error;
  }
  return claimed;
}

/** Ends half `n` when its session ended, or submits it for its candidate when both said done. */
async function settleHalf(ctx: PartnerContext, doc: PartnerBookingDoc, n: 0 | 1): Promise<PartnerBookingDoc> {
  const half = doc.halves[n];
  if (!half.sessionId || half.endedAt) return doc;
  const candidate = await userById(ctx, doc.people[half.candidate].userId);
  const id = half.sessionId.toHexString();
  // Reading the session settles a passed deadline.
  let { doc: session } = await ctx.sessions.getReadable(candidate, id);
  const bothDone = doc.people.every((p) => half.doneBy.some((u) => u.equals(p.userId)));
  if (session.status === 'active' && bothDone) session = await ctx.sessions.submit(candidate, id);
  if (session.status === 'active') return doc;
  const endedAt = session.submittedAt ?? ctx.now();
  return write(ctx, doc, (current) => {
    if (current.halves[n].endedAt) return null;
    const halves = [...current.halves] as PartnerBookingDoc['halves'];
    halves[n] = { ...halves[n], endedAt };
    return { halves };
  });
}

/** Records who never came, once, when the grace after the start has passed and the two are not both in. */
async function settleNoShows(ctx: PartnerContext, doc: PartnerBookingDoc): Promise<PartnerBookingDoc> {
  const now = ctx.now().getTime();
  const bothIn = doc.joinedAt.every((at) => at !== null);
  if (doc.noShow !== null || bothIn || now < doc.start.getTime() + NO_SHOW_GRACE_MIN * 60_000) return doc;
  let absent: PartnerBookingDoc['people'][number][] = [];
  const settled = await write(ctx, doc, (current) => {
    absent = current.people.filter((_, n) => current.joinedAt[n] === null);
    if (current.noShow === null && absent.length > 0) return { noShow: absent.map((p) => p.userId) };
    absent = [];
    return null;
  });
  if (absent.length === 0) return settled;
  for (const person of absent) await ctx.partners.recordNoShow(person.userId, doc.start);
  const present = settled.people.filter((_, n) => settled.joinedAt[n] !== null);
  for (const person of present) await ctx.partners.setOwed(person.userId, ctx.now());
  return settled;
}

/** The booking brought up to now: no-shows recorded, halves started and ended as the clock and the two say. */
export async function advance(ctx: PartnerContext, doc: PartnerBookingDoc, origin: string) {
  let current = await settleNoShows(ctx, doc);
  if (current.noShow?.length) return current;
  const bothIn = current.joinedAt.every((at) => at !== null);
  if (!bothIn || ctx.now().getTime() < current.start.getTime() - EARLY_START_MIN * 60_000) return current;
  for (const n of [0, 1] as const) {
    if (!current.halves[n].sessionId) return startHalf(ctx, current, n, origin);
    current = await settleHalf(ctx, current, n);
    if (!current.halves[n].endedAt) return current;
  }
  return current;
}

export async function readBooking(ctx: PartnerContext, user: SignedInUser, id: string, origin: string) {
  return advance(ctx, await loadBooking(ctx, user, id), origin);
}

/** One of the two is here; the first half starts once both are. */
export async function joinBooking(ctx: PartnerContext, user: SignedInUser, id: string, origin: string) {
  const doc = await loadBooking(ctx, user, id);
  const side = sideOf(doc, user)!;
  const now = ctx.now();
  if (now.getTime() < doc.start.getTime() - JOIN_OPENS_MIN * 60_000) {
    throw new ApiError(409, 'CONFLICT', `The room opens ${JOIN_OPENS_MIN} minutes before the start.`);
  }
  const joined = await write(ctx, doc, (current) => {
    if (current.joinedAt[side] || current.noShow !== null) return null;
    const joinedAt = [...current.joinedAt] as PartnerBookingDoc['joinedAt'];
    joinedAt[side] = now;
    return { joinedAt };
  });
  return advance(ctx, joined, origin);
}

/** One side is done with half `n`; when both are, its session ends and the roles swap. */
export async function markDone(ctx: PartnerContext, user: SignedInUser, id: string, n: 0 | 1, origin: string) {
  const doc = await advance(ctx, await loadBooking(ctx, user, id), origin);
  const half = doc.halves[n];
  if (!half.sessionId) throw new ApiError(409, 'CONFLICT', 'This half has not started yet.');
  const done = await write(ctx, doc, (current) => {
    const now = current.halves[n];
    if (now.endedAt || now.doneBy.some((u) => u.equals(user._id))) return null;
    const halves = [...current.halves] as PartnerBookingDoc['halves'];
    halves[n] = { ...now, doneBy: [...now.doneBy, user._id] };
    return { halves };
  });
  return advance(ctx, done, origin);
}
