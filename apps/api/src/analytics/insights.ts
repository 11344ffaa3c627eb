/**
 * Insights across sessions, computed in TypeScript from plain data (the embedded server supports only simple
 * aggregations): competency trends, recurring weak areas, oops tags, phase timing, calibration, practice next.
 */
import type { Insights } from '@mockloop/contracts';
import { CODING_PATTERNS, competencies, phaseActuals, studyRefsFor, type Rubric } from '@mockloop/rubrics';

/** How a coding session went: the problem, its time box and the hidden tests of the last judged submission. */
export interface CodingOutcome {
  title: string;
  pattern: string;
  difficulty: string;
  boxMinutes: number;
  /** Hidden tests passed by the last judged submission; null when nothing was submitted. */
  passed: number | null;
  total: number;
  /** Minutes from the start to the first submission that passed every hidden test; null if none did. */
  solvedMinutes: number | null;
}

export interface ScoredSession {
  id: string;
  /** Absent in caches built before behavioral mocks (those hold design and coding sessions only). */
  kind?: 'design' | 'coding' | 'behavioral';
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
  /** Coding sessions only. */
  coding?: CodingOutcome;
  /** The phases spent in, when computed ahead (the cache stores these instead of the plan and log). */
  phaseTimes?: PhaseTime[];
}

export interface PhaseTime {
  id: string;
  name: string;
  overrunMinutes: number;
}

export interface CatalogEntry {
  id: string;
  title: string;
  kind: string;
  rubric: Rubric;
  /** Coding problems: the 16-week roadmap's pattern. */
  pattern?: string;
}

/** Trends show at most this many recent sessions: enough to see a direction, small enough for a thousand sessions. */
export const MAX_TREND_POINTS = 100;

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

/** Whether a coding session solved its problem: every hidden test passed at some submission. */
export const solved = (coding: CodingOutcome) => coding.solvedMinutes !== null;

/** Minutes a coding session took: to the solve when it was solved, else to the end of the session. */
function codingMinutes(s: ScoredSession): number | null {
  if (!s.coding) return null;
  if (s.coding.solvedMinutes !== null) return s.coding.solvedMinutes;
  return s.submittedAt ? (Date.parse(s.submittedAt) - Date.parse(s.startedAt)) / 60_000 : null;
}

/** The phases a session spent time in, with their overrun: precomputed by the cache, or from the plan and log. */
export function phaseTimes(
  s: Pick<ScoredSession, 'phaseTimes' | 'submittedAt' | 'startedAt' | 'phasePlan' | 'phaseLog'>
): PhaseTime[] {
  if (s.phaseTimes) return s.phaseTimes;
  if (!s.submittedAt || s.phasePlan.length === 0) return [];
  return phaseActuals(s.phasePlan, s.phaseLog, s.startedAt, s.submittedAt)
    .filter((phase) => phase.actualMinutes > 0)
    .map(({ id, name, overrunMinutes }) => ({ id, name, overrunMinutes }));
}

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

/** Coding by pattern: how many sessions, the hidden-test pass rate, how many were solved and how fast. */
function patternStats(ordered: ScoredSession[]): Insights['patterns'] {
  return CODING_PATTERNS.flatMap((pattern) => {
    const sessions = ordered.filter((s) => s.coding?.pattern === pattern.name);
    if (sessions.length === 0) return [];
    const judged = sessions.filter((s) => s.coding!.passed !== null && s.coding!.total > 0);
    const solvedOnes = sessions.filter((s) => solved(s.coding!));
    const passRate = mean(judged.map((s) => s.coding!.passed! / s.coding!.total));
    return [
      {
        id: pattern.id,
        name: pattern.name,
        sessions: sessions.length,
        judged: judged.length,
        passRate,
        solved: solvedOnes.length,
        meanSolveMinutes: mean(solvedOnes.map((s) => s.coding!.solvedMinutes!)),
        // Weak: most attempts end unsolved (fewer than half solved).
        weak: solvedOnes.length * 2 < sessions.length,
        study: [...studyRefsFor(pattern.id)]
      }
    ];
  });
}

/** Coding time against the roadmap's time boxes (15 / 30 / 60 minutes by difficulty). */
function codingTime(ordered: ScoredSession[]): Insights['codingTime'] {
  const timed = ordered.flatMap((s) => {
    const minutes = codingMinutes(s);
    return s.coding && minutes !== null ? [{ s, coding: s.coding, minutes }] : [];
  });
  const byDifficulty = ['easy', 'medium', 'hard'].flatMap((difficulty) => {
    const rows = timed.filter((t) => t.coding.difficulty === difficulty);
    if (rows.length === 0) return [];
    return [
      {
        difficulty,
        boxMinutes: rows[0]!.coding.boxMinutes,
        sessions: rows.length,
        meanMinutes: mean(rows.map((r) => r.minutes)) ?? 0,
        overBoxCount: rows.filter((r) => r.minutes > r.coding.boxMinutes).length
      }
    ];
  });
  return {
    sessions: timed.length,
    overBoxCount: timed.filter((t) => t.minutes > t.coding.boxMinutes).length,
    byDifficulty
  };
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
  // Ranked: most often low first, then the lowest mean rating, then the most recently low.
  const weakAreas = competencyTrends
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

  const oopsMap = new Map<string, string[]>();
  for (const s of ordered) for (const tag of s.oops) oopsMap.set(tag, [...(oopsMap.get(tag) ?? []), s.id]);
  const oops = [...oopsMap.entries()]
    .map(([tag, sessionIds]) => ({ tag, count: sessionIds.length, sessionIds }))
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

  // Practise next: questions whose rubric weighs the weak competencies most, not done in the last 14 days.
  const recentlyDone = new Set(
    ordered.filter((s) => now.getTime() - Date.parse(s.startedAt) < 14 * 86_400_000).map((s) => s.questionId)
  );
  const patterns = patternStats(ordered);
  const everSolved = new Set(ordered.filter((s) => s.coding && solved(s.coding)).map((s) => s.questionId));
  // ...and for each weak pattern, problems of that pattern never solved and not tried lately.
  const patternPractice = patterns
    .filter((p) => p.weak)
    .flatMap((p) =>
      catalog
        .filter((q) => q.pattern === p.name && !recentlyDone.has(q.id) && !everSolved.has(q.id))
        .sort((a, b) => a.id.localeCompare(b.id))
        .slice(0, 2)
        .map((q) => ({
          questionId: q.id,
          title: q.title,
          kind: q.kind,
          reason: `Practises ${p.name}: solved ${p.solved} of your ${p.sessions} attempts at this pattern`,
          study: p.study
        }))
    );
  const competencyPractice = weakAreas.slice(0, 3).flatMap((area) =>
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
    practiceNext: [
      ...new Map([...competencyPractice, ...patternPractice].map((p) => [p.questionId, p])).values()
    ].slice(0, 8)
  };
}
