/**
 * Spaced repetition for mistakes, like the 16-week roadmap's Anki habit: an oops tag comes back for review
 * 1, 3, 7 and then 21 days after it was last seen; each later scored session without it pushes it further
 * out, and a session where it recurs brings it back to the start.
 */
export const REVIEW_INTERVALS_DAYS = [1, 3, 7, 21] as const;
const DAY_MS = 86_400_000;

export interface ScoredOops {
  at: string;
  oops: string[];
}

export interface ReviewItem {
  kind: 'oops' | 'problem';
  tag: string;
  questionId: string | null;
  /** 0 after a miss; each clean session since moves it one step along the intervals. */
  stage: number;
  lastSeenAt: string;
  dueAt: string;
  due: boolean;
}

/**
 * @example
 * reviewSchedule([{ at: '2026-01-01T10:00:00Z', oops: ['off-by-one'] }], new Date('2026-01-03'));
 * // [{ tag: 'off-by-one', stage: 0, dueAt: '2026-01-02T10:00:00.000Z', due: true, ... }]
 */
export function reviewSchedule(sessions: ScoredOops[], now: Date): ReviewItem[] {
  const ordered = [...sessions].sort((a, b) => a.at.localeCompare(b.at));
  const items = new Map<string, { stage: number; lastSeenAt: string; reviewedAt: string }>();
  for (const session of ordered) {
    for (const [tag, item] of items) {
      if (!session.oops.includes(tag)) items.set(tag, { ...item, stage: item.stage + 1, reviewedAt: session.at });
    }
    for (const tag of new Set(session.oops))
      items.set(tag, { stage: 0, lastSeenAt: session.at, reviewedAt: session.at });
  }
  return [...items.entries()]
    .map(([tag, item]) => ({ kind: 'oops' as const, tag, questionId: null, ...due(item, now) }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
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
  const items = new Map<string, { title: string; stage: number; lastSeenAt: string; reviewedAt: string }>();
  for (const attempt of ordered) {
    const item = items.get(attempt.questionId);
    if (!attempt.solved) {
      items.set(attempt.questionId, { title: attempt.title, stage: 0, lastSeenAt: attempt.at, reviewedAt: attempt.at });
    } else if (item) {
      items.set(attempt.questionId, { ...item, stage: item.stage + 1, reviewedAt: attempt.at });
    }
  }
  return [...items.entries()]
    .map(([questionId, item]) => ({ kind: 'problem' as const, tag: item.title, questionId, ...due(item, now) }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
