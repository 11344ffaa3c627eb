/**
 * Insights across sessions, computed in TypeScript from plain data (the embedded server supports only simple
 * aggregations): competency trends, recurring weak areas, oops tags, phase timing, calibration, practice next.
 */
import type { Insights } from '@mockloop/contracts';
import { competencies } from '@mockloop/rubrics';
import { bySignal, calibrationTrends, predictionSummary, predictionTotals } from './calibration-trend.ts';
import { codingTime, patternStats } from './coding-insights.ts';
import { choosePractice } from './practice-next.ts';
import { kindsOf } from './review-schedule.ts';
import { weakCriteria } from './weak-criteria.ts';
import {
  bySessionOrder,
  competencyRating,
  MAX_TREND_POINTS,
  mean,
  phaseTimes,
  type CatalogEntry,
  type ScoredSession
} from './scored.ts';

export { competencyRating, phaseTimes, solved } from './scored.ts';
export type { CatalogEntry, CodingOutcome, PhaseTime, ScoredSession } from './scored.ts';

export { MAX_TREND_POINTS } from './scored.ts';
export { RECENT_WINDOW } from './weak-criteria.ts';

/** A session's kind; caches from before behavioral mocks have none. */
const kindOf = (s: ScoredSession) => s.kind ?? (s.coding ? 'coding' : 'design');

/** Per rubric criterion (the same criterion of the same rubric across sessions), self and peer over time. */
function criterionTrends(scored: ScoredSession[]): Insights['criteria'] {
  const trends = new Map<string, Insights['criteria'][number]>();
  for (const s of scored) {
    for (const criterion of s.rubric.criteria) {
      const self = s.selfRatings?.[criterion.id] ?? null;
      const peer = mean(s.peerRatings.map((r) => r[criterion.id]).filter((v): v is number => v !== undefined));
      if (self === null && peer === null) continue;
      const key = `${s.rubric.id}:${criterion.id}`;
      const trend = trends.get(key) ?? {
        rubricId: s.rubric.id,
        rubricTitle: s.rubric.title,
        criterionId: criterion.id,
        name: criterion.name,
        competencyId: criterion.competency,
        points: []
      };
      trend.points.push({ sessionId: s.id, at: s.startedAt, self, peer });
      trends.set(key, trend);
    }
  }
  return [...trends.values()];
}

/**
 * Everything but the reviews and the recap, from every session at once: the specification the running aggregate
 * (insights-aggregate.ts, read by insights-present.ts) is tested against.
 */
export function computeInsights(
  sessions: ScoredSession[],
  catalog: CatalogEntry[],
  now: Date,
  level: string | null = null
): Omit<Insights, 'reviews' | 'recap'> {
  const ordered = [...sessions].sort(bySessionOrder);
  const scored = ordered.filter((s) => s.selfRatings || s.peerRatings.length);

  const competencyTrends = competencies.map((competency) => {
    const points = scored
      .map((s) => ({
        sessionId: s.id,
        at: s.startedAt,
        self: s.selfRatings ? competencyRating(s.rubric, s.selfRatings, competency.id) : null,
        peer: mean(
          s.peerRatings.map((r) => competencyRating(s.rubric, r, competency.id)).filter((v): v is number => v !== null)
        )
      }))
      .filter((p) => p.self !== null || p.peer !== null);
    const last = points.at(-1);
    return { id: competency.id, name: competency.name, points, latest: last ? (last.peer ?? last.self) : null };
  });

  const criteria = criterionTrends(scored).map((t) => ({ ...t, points: t.points.slice(-MAX_TREND_POINTS) }));
  const weakAreas = weakCriteria(criteria, now);

  const oopsMap = new Map<string, { ids: string[]; kinds: string[] }>();
  for (const s of ordered) {
    for (const tag of new Set(s.oops)) {
      const entry = oopsMap.get(tag) ?? { ids: [], kinds: [] };
      entry.ids.push(s.id);
      entry.kinds.push(kindOf(s));
      oopsMap.set(tag, entry);
    }
  }
  const oops = [...oopsMap.entries()]
    .map(([tag, { ids, kinds: seen }]) => {
      const kinds = kindsOf(tag, seen);
      return {
        tag,
        count: ids.length,
        applicable: ordered.filter((s) => s.selfRatings && kinds.includes(kindOf(s))).length,
        kinds,
        sessionIds: ids.slice(-MAX_TREND_POINTS)
      };
    })
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));

  const phaseStats = new Map<string, { name: string; overruns: number[]; planned: number[] }>();
  for (const s of ordered) {
    for (const phase of phaseTimes(s)) {
      const stat = phaseStats.get(phase.id) ?? { name: phase.name, overruns: [], planned: [] };
      stat.overruns.push(phase.overrunMinutes);
      stat.planned.push(phase.plannedMinutes ?? 0);
      phaseStats.set(phase.id, stat);
    }
  }
  const phases = [...phaseStats.entries()].map(([id, stat]) => ({
    id,
    name: stat.name,
    sessions: stat.overruns.length,
    meanPlannedMinutes: mean(stat.planned) ?? 0,
    meanOverrunMinutes: mean(stat.overruns) ?? 0,
    overrunCount: stat.overruns.filter((m) => m > 0).length
  }));

  const gaps = ordered.flatMap((s) =>
    s.selfRatings
      ? s.peerRatings.flatMap((peer) =>
          Object.keys(peer)
            .filter((id) => s.selfRatings![id] !== undefined)
            .map((id) => s.selfRatings![id]! - peer[id]!)
        )
      : []
  );

  const predictions = ordered.flatMap((s) =>
    s.peerPrediction && s.peerSignals?.length
      ? [{ sessionId: s.id, at: s.startedAt, predicted: s.peerPrediction, actual: bySignal(s.peerSignals) }]
      : []
  );
  const predicted = predictions.map(predictionTotals).reduce(
    (sum, t) => ({
      compared: sum.compared + t.compared,
      matched: sum.matched + t.matched,
      gapSum: sum.gapSum + t.gapSum
    }),
    { compared: 0, matched: 0, gapSum: 0 }
  );

  const patterns = patternStats(ordered);
  const practiceNext = choosePractice(ordered, catalog, weakAreas, patterns, now, level);

  return {
    sessionsScored: scored.length,
    competencies: competencyTrends
      .filter((t) => t.points.length > 0)
      .map((t) => ({ ...t, points: t.points.slice(-MAX_TREND_POINTS) })),
    weakAreas,
    oops,
    phases,
    calibration: {
      meanGap: mean(gaps),
      reviews: ordered.reduce((n, s) => n + s.peerRatings.length, 0),
      ...calibrationTrends(criteria),
      prediction: predictionSummary(predictions.slice(-MAX_TREND_POINTS), predicted)
    },
    criteria,
    patterns,
    codingTime: codingTime(ordered),
    practiceNext
  };
}
