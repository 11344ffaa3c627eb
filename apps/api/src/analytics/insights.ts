/**
 * Insights across sessions, computed in TypeScript from plain data (the embedded server supports only simple
 * aggregations): competency trends, recurring weak areas, oops tags, phase timing, calibration, practice next.
 */
import type { Insights } from '@mockloop/contracts';
import { competencies, studyRefsFor } from '@mockloop/rubrics';
import { codingTime, patternStats } from './coding-insights.ts';
import { choosePractice } from './practice-next.ts';
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

/** How many recent measurements decide whether an area is recurring-weak. */
export const RECENT_WINDOW = 5;
const LOW = 2;

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

export function computeInsights(
  sessions: ScoredSession[],
  catalog: CatalogEntry[],
  now: Date
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

  const weakAreas = weakAreasOf(competencyTrends);

  const oopsMap = new Map<string, string[]>();
  for (const s of ordered) for (const tag of s.oops) oopsMap.set(tag, [...(oopsMap.get(tag) ?? []), s.id]);
  const oops = [...oopsMap.entries()]
    .map(([tag, sessionIds]) => ({ tag, count: sessionIds.length, sessionIds: sessionIds.slice(-MAX_TREND_POINTS) }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));

  const phaseStats = new Map<string, { name: string; overruns: number[] }>();
  for (const s of ordered) {
    for (const phase of phaseTimes(s)) {
      const stat = phaseStats.get(phase.id) ?? { name: phase.name, overruns: [] };
      stat.overruns.push(phase.overrunMinutes);
      phaseStats.set(phase.id, stat);
    }
  }
  const phases = [...phaseStats.entries()].map(([id, stat]) => ({
    id,
    name: stat.name,
    sessions: stat.overruns.length,
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

  const patterns = patternStats(ordered);
  const practiceNext = choosePractice(ordered, catalog, weakAreas, patterns, now);

  return {
    sessionsScored: scored.length,
    competencies: competencyTrends
      .filter((t) => t.points.length > 0)
      .map((t) => ({ ...t, points: t.points.slice(-MAX_TREND_POINTS) })),
    weakAreas,
    oops,
    phases,
    calibration: { meanGap: mean(gaps), reviews: ordered.reduce((n, s) => n + s.peerRatings.length, 0) },
    criteria: criterionTrends(scored).map((t) => ({ ...t, points: t.points.slice(-MAX_TREND_POINTS) })),
    patterns,
    codingTime: codingTime(ordered),
    practiceNext
  };
}

/** Recurring weak areas from the competencies' trends (their last RECENT_WINDOW points). */
export function weakAreasOf(
  trends: { id: string; name: string; points: Insights['competencies'][number]['points'] }[]
): Insights['weakAreas'] {
  // A session's rating for a competency: the peers' when there are any (they calibrate), else the candidate's.
  // Ranked: most often low first, then the lowest mean rating, then the most recently low.
  return trends
    .map((trend) => {
      const recent = trend.points.slice(-RECENT_WINDOW);
      const used = recent.map((p) => p.peer ?? p.self ?? 4);
      const lows = recent.filter((p) => (p.peer ?? p.self ?? 4) <= LOW);
      const side = (values: (number | null)[]) => {
        const rated = values.filter((v): v is number => v !== null);
        return { lowCount: rated.filter((v) => v <= LOW).length, measuredCount: rated.length, mean: mean(rated) };
      };
      const self = side(recent.map((p) => p.self));
      const peer = side(recent.map((p) => p.peer));
      const withPeer = recent.filter((p) => p.peer !== null).length;
      return {
        competencyId: trend.id,
        name: trend.name,
        lowCount: lows.length,
        measuredCount: recent.length,
        lastLowAt: lows.at(-1)?.at ?? '',
        self,
        peer,
        basis: withPeer === 0 ? ('self' as const) : withPeer === recent.length ? ('peer' as const) : ('mixed' as const),
        meanRating: mean(used) ?? 4,
        study: [...studyRefsFor(trend.id)]
      };
    })
    .filter((area) => area.measuredCount > 0 && area.lowCount * 2 >= area.measuredCount)
    .sort(
      (a, b) =>
        b.lowCount / b.measuredCount - a.lowCount / a.measuredCount ||
        a.meanRating - b.meanRating ||
        b.lastLowAt.localeCompare(a.lastLowAt)
    );
}
