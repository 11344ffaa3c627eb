/**
 * Insights across sessions, computed in TypeScript from plain data (the embedded server supports only simple
 * aggregations): competency trends, recurring weak areas, oops tags, phase timing, calibration, practice next.
 */
import type { Insights } from '@mockloop/contracts';
import { competencies, phaseActuals, studyRefsFor, type Rubric } from '@mockloop/rubrics';

export interface ScoredSession {
  id: string;
  questionId: string;
  startedAt: string;
  submittedAt: string | null;
  rubric: Rubric;
  selfRatings: Record<string, number> | null;
  oops: string[];
  /** Submitted peer ratings, one record per reviewer. */
  peerRatings: Record<string, number>[];
  phasePlan: Parameters<typeof phaseActuals>[0];
  phaseLog: Parameters<typeof phaseActuals>[1];
}

export interface CatalogEntry {
  id: string;
  title: string;
  kind: string;
  rubric: Rubric;
}

/** How many recent measurements decide whether an area is recurring-weak. */
export const RECENT_WINDOW = 5;
const LOW = 2;

function mean(values: number[]): number | null {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null;
}

/** Mean rating of the rubric's criteria in one competency, or null if the rubric has none there or none were rated. */
export function competencyRating(rubric: Rubric, ratings: Record<string, number>, competencyId: string): number | null {
  return mean(
    rubric.criteria
      .filter((c) => c.competency === competencyId && ratings[c.id] !== undefined)
      .map((c) => ratings[c.id]!)
  );
}

export function computeInsights(
  sessions: ScoredSession[],
  catalog: CatalogEntry[],
  now: Date
): Omit<Insights, 'reviews' | 'recap'> {
  const ordered = [...sessions].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
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

  // A session's rating for a competency: the peers' when there are any (they calibrate), else the candidate's.
  const weakAreas = competencyTrends
    .map((trend) => {
      const recent = trend.points.slice(-RECENT_WINDOW);
      const lows = recent.filter((p) => (p.peer ?? p.self ?? 4) <= LOW);
      return {
        competencyId: trend.id,
        name: trend.name,
        lowCount: lows.length,
        measuredCount: recent.length,
        lastLowAt: lows.at(-1)?.at ?? '',
        study: [...studyRefsFor(trend.id)]
      };
    })
    .filter((area) => area.measuredCount > 0 && area.lowCount * 2 >= area.measuredCount)
    .sort(
      (a, b) => b.lowCount / b.measuredCount - a.lowCount / a.measuredCount || b.lastLowAt.localeCompare(a.lastLowAt)
    );

  const oopsMap = new Map<string, string[]>();
  for (const s of ordered) for (const tag of s.oops) oopsMap.set(tag, [...(oopsMap.get(tag) ?? []), s.id]);
  const oops = [...oopsMap.entries()]
    .map(([tag, sessionIds]) => ({ tag, count: sessionIds.length, sessionIds }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));

  const phaseStats = new Map<string, { name: string; overruns: number[] }>();
  for (const s of ordered) {
    if (!s.submittedAt || s.phasePlan.length === 0) continue;
    for (const phase of phaseActuals(s.phasePlan, s.phaseLog, s.startedAt, s.submittedAt)) {
      if (phase.actualMinutes === 0) continue;
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

  // Practise next: questions whose rubric weighs the weak competencies most, not done in the last 14 days.
  const recentlyDone = new Set(
    ordered.filter((s) => now.getTime() - Date.parse(s.startedAt) < 14 * 86_400_000).map((s) => s.questionId)
  );
  const practiceNext = weakAreas.slice(0, 3).flatMap((area) =>
    catalog
      .filter((q) => !recentlyDone.has(q.id))
      .map((q) => ({
        q,
        weight: q.rubric.criteria
          .filter((c) => c.competency === area.competencyId)
          .reduce((sum, c) => sum + c.weight, 0)
      }))
      .filter(({ weight }) => weight > 0)
      .sort((a, b) => b.weight - a.weight || a.q.id.localeCompare(b.q.id))
      .slice(0, 2)
      .map(({ q }) => ({
        questionId: q.id,
        title: q.title,
        kind: q.kind,
        reason: `Exercises ${area.name.toLowerCase()}, rated 2 or below in ${area.lowCount} of your last ${area.measuredCount} sessions`,
        study: area.study
      }))
  );

  return {
    sessionsScored: scored.length,
    competencies: competencyTrends.filter((t) => t.points.length > 0),
    weakAreas,
    oops,
    phases,
    calibration: { meanGap: mean(gaps), reviews: ordered.reduce((n, s) => n + s.peerRatings.length, 0) },
    practiceNext: [...new Map(practiceNext.map((p) => [p.questionId, p])).values()].slice(0, 6)
  };
}
