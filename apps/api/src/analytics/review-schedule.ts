/**
 * Spaced repetition for mistakes, like the 16-week roadmap's Anki habit: an oops tag comes back for review
 * 1, 3, 7 and then 21 days after it was last reviewed. Only a scored session of a kind that can show the mistake
 * reviews it (a coding mock cannot show a missing capacity estimate): each such session without it moves it one
 * step further out, and a session where it recurs brings it back to the start, a day away.
 */
import type { MockKind } from '@mockloop/contracts';
import { OOPS_TAG_KINDS } from '@mockloop/contracts/constants';

export const REVIEW_INTERVALS_DAYS = [1, 3, 7, 21] as const;
const DAY_MS = 86_400_000;

export type SessionKind = MockKind;

export interface ScoredOops {
  at: string;
  kind: SessionKind;
  oops: string[];
}

export interface ReviewItem {
  kind: 'oops' | 'problem';
  tag: string;
  questionId: string | null;
  /** The kind of mock that reviews it. */
  sessionKind: string;
  occurrences: number;
  applicable: number;
  /** 0 after a miss; each clean session since moves it one step along the intervals. */
  stage: number;
  lastSeenAt: string;
  dueAt: string;
  due: boolean;
}

/** The kinds that can show a tag: the suggested tags' own, else the kinds it has been tagged in (`seen`). */
export function kindsOf(tag: string, seen: Iterable<string>): string[] {
  const known = (OOPS_TAG_KINDS as Record<string, readonly string[]>)[tag];
  return known ? [...known] : [...new Set(seen)].sort();
}

/** The kind a tag's review should be: the kind it happened in most, the latest of equals. */
export function reviewKind(tag: string, seenIn: Record<string, number>, lastKind: string): string {
  const kinds = kindsOf(tag, Object.keys(seenIn));
  const ranked = [...kinds].sort(
    (a, b) => (seenIn[b] ?? 0) - (seenIn[a] ?? 0) || Number(b === lastKind) - Number(a === lastKind)
  );
  return ranked[0] ?? lastKind;
}

/**
 * @example
 * reviewSchedule([{ at: '2026-01-01T10:00:00Z', kind: 'coding', oops: ['off-by-one'] }], new Date('2026-01-03'));
 * // [{ tag: 'off-by-one', stage: 0, dueAt: '2026-01-02T10:00:00.000Z', due: true, sessionKind: 'coding', ... }]
 */
export function reviewSchedule(sessions: ScoredOops[], now: Date): ReviewItem[] {
  const ordered = [...sessions].sort((a, b) => a.at.localeCompare(b.at));
  const items = new Map<
    string,
    { stage: number; lastSeenAt: string; reviewedAt: string; seenIn: Record<string, number>; lastKind: string }
  >();
  const scoredByKind: Record<string, number> = {};
  for (const session of ordered) {
    scoredByKind[session.kind] = (scoredByKind[session.kind] ?? 0) + 1;
    for (const [tag, item] of items) {
      if (session.oops.includes(tag) || !kindsOf(tag, Object.keys(item.seenIn)).includes(session.kind)) continue;
      items.set(tag, { ...item, stage: item.stage + 1, reviewedAt: session.at });
    }
    for (const tag of new Set(session.oops)) {
      const seenIn = { ...items.get(tag)?.seenIn };
      seenIn[session.kind] = (seenIn[session.kind] ?? 0) + 1;
      items.set(tag, { stage: 0, lastSeenAt: session.at, reviewedAt: session.at, seenIn, lastKind: session.kind });
    }
  }
  return [...items.entries()]
    .map(([tag, item]) => oopsReview(tag, item, scoredByKind, now))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** One oops tag's review: the kind of mock that rechecks it, how often it happened of how often it could, when due. */
export function oopsReview(
  tag: string,
  item: { stage: number; lastSeenAt: string; reviewedAt: string; seenIn: Record<string, number>; lastKind: string },
  scoredByKind: Record<string, number>,
  now: Date
) {
  return {
    kind: 'oops' as const,
    tag,
    questionId: null,
    sessionKind: reviewKind(tag, item.seenIn, item.lastKind),
    occurrences: Object.values(item.seenIn).reduce((a, b) => a + b, 0),
    applicable: kindsOf(tag, Object.keys(item.seenIn)).reduce((n, k) => n + (scoredByKind[k] ?? 0), 0),
    ...due(item, now)
  };
}

export function due(item: { stage: number; lastSeenAt: string; reviewedAt: string }, now: Date) {
  const interval = REVIEW_INTERVALS_DAYS[Math.min(item.stage, REVIEW_INTERVALS_DAYS.length - 1)]!;
  const dueAt = new Date(Date.parse(item.reviewedAt) + interval * DAY_MS);
  return { stage: item.stage, lastSeenAt: item.lastSeenAt, dueAt: dueAt.toISOString(), due: dueAt <= now };
}

export interface ProblemAttempt {
  at: string;
  questionId: string;
  title: string;
  solved: boolean;
}

/**
 * Coding problems on the same schedule: an attempt that ends unsolved puts the problem on it (or back to the
 * start); a later solve of the same problem moves it one step further out. Problems solved first time never appear.
 */
export function problemSchedule(attempts: ProblemAttempt[], now: Date): ReviewItem[] {
  const ordered = [...attempts].sort((a, b) => a.at.localeCompare(b.at));
  const items = new Map<
    string,
    { title: string; stage: number; lastSeenAt: string; reviewedAt: string; misses: number; attempts: number }
  >();
  const tried = new Map<string, number>();
  for (const attempt of ordered) {
    tried.set(attempt.questionId, (tried.get(attempt.questionId) ?? 0) + 1);
    const item = items.get(attempt.questionId);
    const tries = tried.get(attempt.questionId)!;
    if (!attempt.solved) {
      items.set(attempt.questionId, {
        title: attempt.title,
        stage: 0,
        lastSeenAt: attempt.at,
        reviewedAt: attempt.at,
        misses: (item?.misses ?? 0) + 1,
        attempts: tries
      });
    } else if (item) {
      items.set(attempt.questionId, { ...item, stage: item.stage + 1, reviewedAt: attempt.at, attempts: tries });
    }
  }
  return [...items.entries()]
    .map(([questionId, item]) => ({
      kind: 'problem' as const,
      tag: item.title,
      questionId,
      sessionKind: 'coding',
      occurrences: item.misses,
      applicable: item.attempts,
      ...due(item, now)
    }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
