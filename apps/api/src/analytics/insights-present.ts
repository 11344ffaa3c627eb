/** Insights as the API returns them, read off the running aggregates (insights-aggregate.ts) without the sessions. */
import type { Insights } from '@mockloop/contracts';
import { CODING_PATTERNS, competencies, studyRefsFor } from '@mockloop/rubrics';
import { calibrationTrends, predictionSummary } from './calibration-trend.ts';
import { AGGREGATE_FORMAT, NeedsRebuild, recapSince, type InsightsAggregate } from './insights-aggregate.ts';
import { choosePracticeFrom, isRecent, withReviewTargets } from './practice-next.ts';
import { due, kindsOf, oopsReview, type ReviewItem } from './review-schedule.ts';
import { compareKeys, MAX_TREND_POINTS, meanOfMicros, type CatalogEntry } from './scored.ts';
import { weakCriteria } from './weak-criteria.ts';
import { weeklyRecap, type WeeklyRecap } from './weekly-recap.ts';

const DAY_MS = 86_400_000;
const byFirst = (a: { first: string }, b: { first: string }) => compareKeys(a.first, b.first);

/** The recap needs every session of this week; the aggregate keeps them from `recentSince` on. */
export const coversWeekOf = (agg: InsightsAggregate, now: Date) =>
  Date.parse(agg.recentSince) <= Date.parse(recapSince(now)) + 7 * DAY_MS;

/** Whether the aggregate can be read: kept in this shape, and holding this week's sessions. */
export const readable = (agg: InsightsAggregate, now: Date) =>
  agg.format === AGGREGATE_FORMAT && coversWeekOf(agg, now);

/** `level`: the user's target level (senior, staff, principal), which practise-next prefers. */
export function presentAggregate(
  agg: InsightsAggregate,
  catalog: CatalogEntry[],
  now: Date,
  level: string | null = null
): Omit<Insights, 'recap'> & { recap: WeeklyRecap } {
  if (agg.format !== AGGREGATE_FORMAT) throw new NeedsRebuild('the aggregate was kept in another shape');
  if (!coversWeekOf(agg, now)) throw new NeedsRebuild('the clock is before the recap window');
  const trends = competencies.map((competency) => {
    const points = agg.competencies[competency.id]?.items ?? [];
    const last = points.at(-1);
    return { id: competency.id, name: competency.name, points, latest: last ? (last.peer ?? last.self) : null };
  });
  const criteria = Object.values(agg.criteria)
    .sort(byFirst)
    .map(({ rubricId, rubricTitle, criterionId, name, competencyId, items }) => ({
      rubricId,
      rubricTitle,
      criterionId,
      name,
      competencyId,
      points: items.slice(-MAX_TREND_POINTS)
    }));
  const weakAreas = weakCriteria(criteria, now);
  const patterns = CODING_PATTERNS.flatMap((pattern) => {
    const stat = agg.patterns[pattern.name];
    if (!stat) return [];
    return [
      {
        id: pattern.id,
        name: pattern.name,
        sessions: stat.sessions,
        judged: stat.judged,
        passRate: meanOfMicros(stat.passSum, stat.judged),
        solved: stat.solved,
        meanSolveMinutes: meanOfMicros(stat.solveSum, stat.solved),
        weak: stat.solved * 2 < stat.sessions,
        study: [...studyRefsFor(pattern.id)]
      }
    ];
  });
  const questions = Object.entries(agg.questions);
  const recentlyDone = new Set(questions.filter(([, q]) => isRecent(q.lastStartedAt, now)).map(([id]) => id));
  const everSolved = new Set(questions.filter(([, q]) => q.solved > 0).map(([id]) => id));
  const practiceNext = choosePracticeFrom(recentlyDone, everSolved, catalog, weakAreas, patterns, level);
  const scoredByKind = agg.oopsSchedule.scoredByKind;
  return {
    sessionsScored: agg.scored,
    competencies: trends
      .filter((t) => t.points.length > 0)
      .map((t) => ({ ...t, points: t.points.slice(-MAX_TREND_POINTS) })),
    weakAreas,
    oops: Object.entries(agg.oops)
      .map(([tag, w]) => {
        const kinds = kindsOf(tag, Object.keys(agg.oopsSchedule.tags[tag]?.seenIn ?? {}));
        return {
          tag,
          count: w.total,
          applicable: kinds.reduce((n, kind) => n + (scoredByKind[kind] ?? 0), 0),
          kinds,
          sessionIds: w.items.slice(-MAX_TREND_POINTS).map((p) => p.sessionId)
        };
      })
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    phases: Object.values(agg.phases)
      .sort(byFirst)
      .map((p) => ({
        id: p.id,
        name: p.name,
        sessions: p.sessions,
        meanPlannedMinutes: meanOfMicros(p.planned, p.sessions) ?? 0,
        meanOverrunMinutes: meanOfMicros(p.sum, p.sessions) ?? 0,
        overrunCount: p.over
      })),
    calibration: {
      meanGap: meanOfMicros(agg.gap.sum, agg.gap.count),
      reviews: agg.peerCount,
      ...calibrationTrends(criteria),
      prediction: predictionSummary(agg.predictions.items.slice(-MAX_TREND_POINTS), agg.predictions)
    },
    criteria,
    patterns,
    codingTime: {
      sessions: agg.timed.sessions,
      overBoxCount: agg.timed.over,
      byDifficulty: ['easy', 'medium', 'hard'].flatMap((difficulty) => {
        const row = agg.difficulties[difficulty];
        if (!row) return [];
        const { boxMinutes, sessions, sum, over } = row;
        return [
          { difficulty, boxMinutes, sessions, meanMinutes: meanOfMicros(sum, sessions) ?? 0, overBoxCount: over }
        ];
      })
    },
    practiceNext,
    reviews: withReviewTargets(reviews(agg, now), catalog, recentlyDone, practiceNext, level),
    recap: recap(agg, catalog, now)
  };
}

function reviews(agg: InsightsAggregate, now: Date): ReviewItem[] {
  const problems = Object.entries(agg.problems)
    .flatMap(([questionId, p]) => (p.lastUnsolved === null ? [] : [{ questionId, p }]))
    .sort((a, b) => compareKeys(a.p.first ?? '', b.p.first ?? ''))
    .map(({ questionId, p }) => ({
      kind: 'problem' as const,
      tag: p.title,
      questionId,
      sessionKind: 'coding',
      occurrences: p.misses,
      applicable: p.attempts,
      ...due({ stage: p.stage, lastSeenAt: p.lastSeenAt, reviewedAt: p.lastAt }, now)
    }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const scoredByKind = agg.oopsSchedule.scoredByKind;
  const oops = Object.entries(agg.oopsSchedule.tags)
    .sort(([, a], [, b]) => byFirst(a, b))
    .map(([tag, item]) => oopsReview(tag, { ...item, lastSeenAt: item.lastAt }, scoredByKind, now))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return [...problems, ...oops].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

function recap(agg: InsightsAggregate, catalog: CatalogEntry[], now: Date): WeeklyRecap {
  const titles = new Map(catalog.map((q) => [q.id, q.title]));
  const sessions = Object.entries(agg.recent)
    .sort(([a, x], [b, y]) => compareKeys(`${x.startedAt} ${a}`, `${y.startedAt} ${b}`))
    .map(([, s]) => ({
      at: s.startedAt,
      kind: s.kind,
      questionTitle: s.coding?.title ?? titles.get(s.questionId) ?? s.questionId,
      ...(s.coding ? { pattern: s.coding.pattern, solved: s.coding.solved } : {}),
      score: s.selfScore,
      oops: s.oops
    }));
  return weeklyRecap(sessions, now);
}
