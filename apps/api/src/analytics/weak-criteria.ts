/**
 * Recurring weak areas per rubric criterion: each criterion is judged on the sessions whose rubric has it (its own
 * trend points), never averaged into a competency with other rubrics' criteria, and ranked by how often and how
 * recently it scored low and how sure that is (two sessions are not a trend).
 */
import type { Insights } from '@mockloop/contracts';
import { getCompetency, getRubric, studyRefsFor, type StudyRef } from '@mockloop/rubrics';
import { mean } from './scored.ts';

/** How many of a criterion's latest measurements decide whether it is weak. */
export const RECENT_WINDOW = 5;
/** Fewer measurements than this are a first impression, not a trend: they rank lower. */
export const TREND_MIN = 3;
/** A rating at or below this is low. */
export const LOW = 2;
/** Each older measurement in the window counts this much of the one after it. */
const RECENCY = 0.8;
const DAY_MS = 86_400_000;

type Series = Insights['criteria'][number];
export type WeakArea = Insights['weakAreas'][number];

/** What a person calls a session of this rubric: "system design mocks". */
export function mockNoun(rubricId: string, count = 2): string {
  const rubric = getRubric(rubricId);
  const noun =
    rubricId === 'ml-system-design'
      ? 'ML system design mock'
      : rubric?.kind === 'design'
        ? 'system design mock'
        : rubric?.kind === 'coding'
          ? 'coding mock'
          : rubric?.kind === 'behavioral'
            ? 'behavioral mock'
            : `${rubric?.title ?? rubricId} session`;
  return count === 1 ? noun : `${noun}s`;
}

/** "today", "yesterday", "5 days ago". */
export function daysAgo(at: string, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / DAY_MS));
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The study references of the criterion's competency, those whose topic shares the most words with it first. */
function studyFor(series: Series): StudyRef[] {
  const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  const rubric = getRubric(series.rubricId);
  const criterion = rubric?.criteria.find((c) => c.id === series.criterionId);
  const own = words(`${series.name} ${criterion?.description ?? ''}`);
  const overlap = (ref: StudyRef) => [...words(ref.topic)].filter((w) => own.has(w)).length;
  return [...studyRefsFor(series.competencyId)]
    .map((ref, index) => ({ ref, index, overlap: overlap(ref) }))
    .sort((a, b) => b.overlap - a.overlap || a.index - b.index)
    .map(({ ref }) => ref);
}

/** One criterion's standing from its trend points (oldest first), or null when it is not weak. */
export function weakness(series: Series, now: Date): WeakArea | null {
  const recent = series.points.slice(-RECENT_WINDOW);
  const used = recent.flatMap((p) => {
    const rating = p.peer ?? p.self;
    return rating === null ? [] : [{ at: p.at, rating }];
  });
  const n = used.length;
  if (n === 0) return null;
  const lows = used.filter((p) => p.rating <= LOW);
  if (lows.length * 2 < n) return null;
  // Newest first: the latest session weighs 1, the one before 0.8, and so on.
  let weighted = 0;
  let total = 0;
  used.forEach((p, i) => {
    const w = RECENCY ** (n - 1 - i);
    total += w;
    if (p.rating <= LOW) weighted += w;
  });
  const share = weighted / total;
  const depth = mean(lows.map((p) => Math.min(1, (LOW + 1 - p.rating) / 2))) ?? 0;
  const confidence = Math.min(n, TREND_MIN) / TREND_MIN;
  const score = Math.round(share * (0.75 + 0.25 * depth) * confidence * 1000) / 1000;
  const side = (values: (number | null)[]) => {
    const rated = values.filter((v): v is number => v !== null);
    return { lowCount: rated.filter((v) => v <= LOW).length, measuredCount: rated.length, mean: mean(rated) };
  };
  const withPeer = recent.filter((p) => p.peer !== null).length;
  const basis = withPeer === 0 ? ('self' as const) : withPeer === n ? ('peer' as const) : ('mixed' as const);
  const meanRating = mean(used.map((p) => p.rating)) ?? 4;
  const lastLowAt = lows.at(-1)!.at;
  const rubric = getRubric(series.rubricId);
  const whose = basis === 'peer' ? ' by your peers' : basis === 'mixed' ? ' (a peer’s rating where there was one)' : '';
  const trend = n >= TREND_MIN;
  const why = trend
    ? `Rated 2 or below${whose} in ${lows.length} of your last ${n} ${mockNoun(series.rubricId, n)} ` +
      `(average ${meanRating.toFixed(1)}), most recently ${daysAgo(lastLowAt, now)}.`
    : `Rated 2 or below${whose} in ${lows.length} of ${n} ${mockNoun(series.rubricId, n)} so far ` +
      `(average ${meanRating.toFixed(1)}): too few to call it a trend yet.`;
  return {
    key: `${series.rubricId}:${series.criterionId}`,
    rubricId: series.rubricId,
    criterionId: series.criterionId,
    name: series.name,
    kind: rubric?.kind ?? 'design',
    competencyId: series.competencyId,
    competencyName: getCompetency(series.competencyId)?.name ?? series.competencyId,
    lowCount: lows.length,
    measuredCount: n,
    lastLowAt,
    self: side(recent.map((p) => p.self)),
    peer: side(recent.map((p) => p.peer)),
    basis,
    meanRating,
    score,
    trend,
    why,
    study: studyFor(series)
  };
}

/**
 * The weak criteria, worst first: by score, then the most recently low, then the most measured.
 * @example
 * weakCriteria(insights.criteria, new Date())[0]?.why; // "Rated 2 or below in 4 of your last 4 system design mocks …"
 */
export function weakCriteria(series: Series[], now: Date): WeakArea[] {
  return series
    .flatMap((s) => weakness(s, now) ?? [])
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.lastLowAt.localeCompare(a.lastLowAt) ||
        b.measuredCount - a.measuredCount ||
        a.meanRating - b.meanRating ||
        a.key.localeCompare(b.key)
    );
}
