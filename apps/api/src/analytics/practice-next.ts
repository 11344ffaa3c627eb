/**
 * What to practise next: for each of the top weak criteria, the questions whose rubric exercises it most, at the
 * user's level, not done lately; then unsolved problems of weak coding patterns. And the question a due review
 * starts: one of the kind of mock that can show the mistake.
 */
import type { Insights } from '@mockloop/contracts';
import type { ReviewItem } from './review-schedule.ts';
import { solved, type CatalogEntry, type ScoredSession } from './scored.ts';
import { mockNoun } from './weak-criteria.ts';

/** Weak areas that get questions of their own, worst first. */
export const TOP_AREAS = 3;
/** Questions suggested per weak area. */
const PER_AREA = 2;
const MAX_SUGGESTIONS = 8;

/** Started in the last 14 days: not suggested again yet. */
export const isRecent = (startedAt: string, now: Date) => now.getTime() - Date.parse(startedAt) < 14 * 86_400_000;

/** Coding difficulties in the order that suits a target level. */
const DIFFICULTY_BY_LEVEL: Record<string, string[]> = {
  senior: ['medium', 'easy', 'hard'],
  staff: ['medium', 'hard', 'easy'],
  principal: ['hard', 'medium', 'easy']
};

/** 0 for a question at the user's level (or any, without one); higher the further from it. */
export function levelDistance(q: CatalogEntry, level: string | null): number {
  if (!level) return 0;
  if (q.difficulty) return (DIFFICULTY_BY_LEVEL[level] ?? DIFFICULTY_BY_LEVEL.staff!).indexOf(q.difficulty);
  const order = ['senior', 'staff', 'principal'];
  return q.level ? Math.abs(order.indexOf(q.level) - order.indexOf(level)) : 1;
}

const STOP = new Set(['about', 'their', 'there', 'which', 'while', 'before', 'after', 'every', 'other', 'these']);
const keywords = (text: string) =>
  [...new Set(text.toLowerCase().match(/[a-z]{5,}/g) ?? [])].filter((w) => !STOP.has(w));

type Area = Insights['weakAreas'][number];
type Practice = Insights['practiceNext'][number];

/** The questions for one weak area: its criterion's share of the rubric, then level, then how much the prompt asks of it. */
function forArea(area: Area, catalog: CatalogEntry[], recentlyDone: Set<string>, level: string | null): Practice[] {
  const exact = catalog.filter(
    (q) => q.rubric.id === area.rubricId && q.rubric.criteria.some((c) => c.id === area.criterionId)
  );
  // A criterion whose rubric has no question left: questions of other rubrics that weigh its competency.
  const pool = exact.some((q) => !recentlyDone.has(q.id)) ? exact : catalog;
  const criterion = exact[0]?.rubric.criteria.find((c) => c.id === area.criterionId);
  const words = keywords(`${area.name} ${criterion?.description ?? ''}`);
  return pool
    .filter((q) => !recentlyDone.has(q.id))
    .map((q) => {
      const total = q.rubric.criteria.reduce((sum, c) => sum + c.weight, 0) || 1;
      const weight = q.rubric.criteria
        .filter((c) => (pool === exact ? c.id === area.criterionId : c.competency === area.competencyId))
        .reduce((sum, c) => sum + c.weight, 0);
      const text = q.text ?? '';
      return {
        q,
        share: Math.round((weight / total) * 100),
        distance: levelDistance(q, level),
        emphasis: words.filter((w) => text.includes(w)).length
      };
    })
    .filter(({ share }) => share > 0)
    .sort(
      (a, b) => b.share - a.share || a.distance - b.distance || b.emphasis - a.emphasis || a.q.id.localeCompare(b.q.id)
    )
    .slice(0, PER_AREA)
    .map(({ q, share, distance }) => ({
      questionId: q.id,
      title: q.title,
      kind: q.kind,
      areaKey: area.key,
      reason:
        `For ${area.name.toLowerCase()}: ${share}% of the score of this ${mockNoun(q.rubric.id, 1)}` +
        (level && distance === 0 ? `, at your level (${level})` : '') +
        ', not done in the last 14 days',
      study: area.study
    }));
}

/** The same, from the questions started lately and the ones ever solved. */
export function choosePracticeFrom(
  recentlyDone: Set<string>,
  everSolved: Set<string>,
  catalog: CatalogEntry[],
  weakAreas: Insights['weakAreas'],
  patterns: Insights['patterns'],
  level: string | null = null
): Insights['practiceNext'] {
  const areaPractice = weakAreas.slice(0, TOP_AREAS).flatMap((area) => forArea(area, catalog, recentlyDone, level));
  // ...and for each weak pattern, problems of that pattern never solved and not tried lately.
  const patternPractice = patterns
    .filter((p) => p.weak)
    .flatMap((p) =>
      catalog
        .filter((q) => q.pattern === p.name && !recentlyDone.has(q.id) && !everSolved.has(q.id))
        .sort((a, b) => levelDistance(a, level) - levelDistance(b, level) || a.id.localeCompare(b.id))
        .slice(0, 2)
        .map((q) => ({
          questionId: q.id,
          title: q.title,
          kind: q.kind,
          areaKey: null,
          reason: `Practises ${p.name}: solved ${p.solved} of your ${p.sessions} attempts at this pattern`,
          study: p.study
        }))
    );
  const seen = new Set<string>();
  return [...areaPractice, ...patternPractice]
    .filter((p) => !seen.has(p.questionId) && seen.add(p.questionId))
    .slice(0, MAX_SUGGESTIONS);
}

/** From the sessions themselves (the full computation). */
export function choosePractice(
  ordered: ScoredSession[],
  catalog: CatalogEntry[],
  weakAreas: Insights['weakAreas'],
  patterns: Insights['patterns'],
  now: Date,
  level: string | null = null
): Insights['practiceNext'] {
  const recentlyDone = new Set(ordered.filter((s) => isRecent(s.startedAt, now)).map((s) => s.questionId));
  const everSolved = new Set(ordered.filter((s) => s.coding && solved(s.coding)).map((s) => s.questionId));
  return choosePracticeFrom(recentlyDone, everSolved, catalog, weakAreas, patterns, level);
}

/**
 * The question each review starts: a problem its own; an oops tag one of the kind of mock that can show it, a
 * practise-next pick of that kind first, else the nearest to the user's level not done lately.
 */
export function withReviewTargets(
  reviews: ReviewItem[],
  catalog: CatalogEntry[],
  recentlyDone: Set<string>,
  practice: Insights['practiceNext'],
  level: string | null
): ReviewItem[] {
  return reviews.map((review) => {
    if (review.questionId) return review;
    const picked = practice.find((p) => p.kind === review.sessionKind);
    const fallback = catalog
      .filter((q) => q.kind === review.sessionKind && !recentlyDone.has(q.id))
      .sort((a, b) => levelDistance(a, level) - levelDistance(b, level) || a.id.localeCompare(b.id))[0];
    return { ...review, questionId: picked?.questionId ?? fallback?.id ?? null };
  });
}
