/**
 * Who practises with whom: the pure rule that pairs two published slots (no I/O; times in ms since the epoch, UTC).
 *
 * Two slots fit when
 * - they belong to two people,
 * - they want the same kind of mock (a pair runs one kind both ways),
 * - their levels are the same or adjacent (senior–staff, staff–principal: one step apart is still a useful mock for
 *   both; senior–principal is not), and
 * - their windows overlap by the pair's whole length for that kind (`PAIR_MINUTES`); the pair meets at the start of
 *   the overlap.
 *
 * Among the slots that fit, the order is: people owed a match first (stood up by a partner since their last booking),
 * then fewer no-shows in the last 30 days, the same level before an adjacent one, the same topic before another,
 * the earliest meeting, the earliest published. So repeated no-shows sink a person below everyone who shows up,
 * and the one who showed up is offered the next match first.
 */
import { PAIR_MINUTES, type PartnerLevel, type PartnerWish } from '@mockloop/contracts';

const LEVELS: readonly PartnerLevel[] = ['senior', 'staff', 'principal'];
export const RECENT_NO_SHOW_DAYS = 30;

export interface MatchSlot {
  slotId: string;
  userId: string;
  /** The window, in ms since the epoch (UTC). */
  start: number;
  durationMin: number;
  wish: PartnerWish;
  publishedAt: number;
}

/** How a person has kept their bookings. */
export interface Standing {
  /** When they missed a booked pair. */
  noShowsAt: readonly number[];
  /** Stood up by a partner since their last booking. */
  owed: boolean;
}

export const NO_STANDING: Standing = { noShowsAt: [], owed: false };

/** How many levels apart two wishes are (0, 1 or 2). */
export function levelGap(a: PartnerLevel, b: PartnerLevel): number {
  return Math.abs(LEVELS.indexOf(a) - LEVELS.indexOf(b));
}

/** The pair's length for this kind, in ms. */
export function pairMs(wish: Pick<PartnerWish, 'kind'>): number {
  return PAIR_MINUTES[wish.kind] * 60_000;
}

/** When the two would meet (the start of their overlap), or null when the slots do not fit. */
export function meetingStart(a: MatchSlot, b: MatchSlot): number | null {
  if (a.userId === b.userId) return null;
  if (a.wish.kind !== b.wish.kind) return null;
  if (levelGap(a.wish.level, b.wish.level) > 1) return null;
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.start + a.durationMin * 60_000, b.start + b.durationMin * 60_000);
  return end - start >= pairMs(a.wish) ? start : null;
}

export function recentNoShows(standing: Standing, now: number): number {
  const since = now - RECENT_NO_SHOW_DAYS * 86_400_000;
  return standing.noShowsAt.filter((at) => at >= since).length;
}

const sameTopic = (a: PartnerWish, b: PartnerWish) =>
  Boolean(a.topic && b.topic && a.topic.toLowerCase() === b.topic.toLowerCase());

export interface Match {
  slot: MatchSlot;
  start: number;
}

/**
 * The slots among `others` that fit `mine`, best first (see the module's comment for the order). `standingOf`
 * tells each other person's standing.
 */
export function rankMatches(
  mine: MatchSlot,
  others: readonly MatchSlot[],
  standingOf: (userId: string) => Standing,
  now: number
): Match[] {
  const fits = others
    .map((slot) => ({ slot, start: meetingStart(mine, slot) }))
    .filter((m): m is Match => m.start !== null && m.start >= now);
  const key = (m: Match) => {
    const standing = standingOf(m.slot.userId);
    return [
      standing.owed ? 0 : 1,
      recentNoShows(standing, now),
      levelGap(mine.wish.level, m.slot.wish.level),
      sameTopic(mine.wish, m.slot.wish) ? 0 : 1,
      m.start,
      m.slot.publishedAt
    ];
  };
  const keyed = fits.map((m) => ({ m, k: key(m) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < x.k.length; i++) if (x.k[i] !== y.k[i]) return x.k[i]! - y.k[i]!;
    return 0;
  });
  return keyed.map(({ m }) => m);
}

/** The one match MockLoop proposes for a newly published slot, or null. */
export function bestMatch(
  mine: MatchSlot,
  others: readonly MatchSlot[],
  standingOf: (userId: string) => Standing,
  now: number
): Match | null {
  return rankMatches(mine, others, standingOf, now)[0] ?? null;
}

/** The quarter hours a meeting covers ("<userId>:<minute since the epoch>"): a person's claim on their time. */
export function claimKeys(userId: string, start: number, lengthMs: number): string[] {
  const step = 15 * 60_000;
  const first = Math.floor(start / step) * step;
  const keys: string[] = [];
  for (let at = first; at < start + lengthMs; at += step) keys.push(`${userId}:${at / 60_000}`);
  return keys;
}
