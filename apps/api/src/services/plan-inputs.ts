/**
 * What the study plan reads of a user's insights: strengths per competency and pattern (what compression may skip)
 * and each scored session's weighted score per interview round (what readiness rests on).
 */
import type { Insights, PlanRound } from '@mockloop/contracts';
import { getRubric, weightedScore } from '@mockloop/rubrics';
import type { RoundScore, Strengths } from '@mockloop/rubrics/plan';

const ROUND_OF_RUBRIC: Record<string, PlanRound> = {
  'coding-mock': 'coding',
  'system-design-mock': 'design',
  'behavioral-leadership': 'behavioral',
  'ml-system-design': 'ml-design'
};
/** The staff roadmap's weekly assessments run as design mocks: they count towards the design round. */
const roundOfRubric = (rubricId: string): PlanRound | null =>
  ROUND_OF_RUBRIC[rubricId] ?? (rubricId.startsWith('staff-week-') ? 'design' : null);

/** What the scores show per competency and pattern: the mean of the last five ratings (a peer's first). */
export function strengthsOf(insights: Pick<Insights, 'competencies' | 'patterns'>): Strengths {
  const out: Record<string, { rating: number; sessions: number }> = {};
  for (const c of insights.competencies) {
    const values = c.points.slice(-5).flatMap((p) => p.peer ?? p.self ?? []);
    if (values.length)
      out[c.id] = { rating: values.reduce((a, b) => a + b, 0) / values.length, sessions: c.points.length };
  }
  for (const p of insights.patterns) {
    if (p.passRate !== null && p.judged > 0) out[p.id] = { rating: 1 + 3 * p.passRate, sessions: p.sessions };
  }
  return out;
}

/** Each scored session of a round, its weighted score by self and (averaged) by peers, from the criteria trends. */
export function roundScores(criteria: Insights['criteria']): RoundScore[] {
  const sessions = new Map<
    string,
    { round: PlanRound; at: string; rubricId: string; self: Record<string, number>; peer: Record<string, number> }
  >();
  for (const c of criteria) {
    const round = roundOfRubric(c.rubricId);
    if (!round) continue;
    for (const p of c.points) {
      const key = `${c.rubricId} ${p.sessionId}`;
      const s = sessions.get(key) ?? { round, at: p.at, rubricId: c.rubricId, self: {}, peer: {} };
      if (p.self !== null) s.self[c.criterionId] = p.self;
      if (p.peer !== null) s.peer[c.criterionId] = p.peer;
      sessions.set(key, s);
    }
  }
  /** The rubric's own weighted score, once every criterion is rated. */
  const score = (rubricId: string, ratings: Record<string, number>) => {
    const rubric = getRubric(rubricId);
    if (!rubric || rubric.criteria.some((c) => ratings[c.id] === undefined)) return null;
    return weightedScore(rubric, Object.fromEntries(rubric.criteria.map((c) => [c.id, ratings[c.id]!])));
  };
  return [...sessions].map(([key, s]) => ({
    round: s.round,
    sessionId: key.split(' ')[1]!,
    at: s.at,
    self: score(s.rubricId, s.self),
    peer: score(s.rubricId, s.peer)
  }));
}
