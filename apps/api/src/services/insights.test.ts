import { designPhasePlan, getRubric } from '@mockloop/rubrics';
import { describe, expect, it } from 'vitest';
import { competencyRating, computeInsights, type ScoredSession } from './insights.ts';

const rubric = getRubric('system-design-mock')!;
const ids = rubric.criteria.map((c) => c.id);
const estimationId = rubric.criteria.find((c) => c.competency === 'estimation')!.id;
const all = (rating: number, overrides: Record<string, number> = {}) => ({
  ...Object.fromEntries(ids.map((id) => [id, rating])),
  ...overrides
});

function session(day: number, self: Record<string, number> | null, extra: Partial<ScoredSession> = {}): ScoredSession {
  const startedAt = new Date(Date.UTC(2026, 0, day, 10)).toISOString();
  return {
    id: `s${day}`,
    questionId: `q${day}`,
    startedAt,
    submittedAt: new Date(Date.parse(startedAt) + 60 * 60_000).toISOString(),
    rubric,
    selfRatings: self,
    oops: [],
    peerRatings: [],
    phasePlan: designPhasePlan(60),
    phaseLog: [],
    ...extra
  };
}

const now = new Date(Date.UTC(2026, 0, 30));
const catalog = [
  { id: 'q1', title: 'Old prompt', kind: 'design', rubric },
  { id: 'fresh', title: 'Fresh prompt', kind: 'design', rubric }
];

describe('competencyRating', () => {
  it('averages the criteria of one competency, or null when none are rated', () => {
    expect(competencyRating(rubric, all(3, { [estimationId]: 1 }), 'estimation')).toBe(1);
    expect(competencyRating(rubric, {}, 'estimation')).toBeNull();
    expect(competencyRating(rubric, all(3), 'ml-lifecycle')).toBeNull();
  });
});

describe('computeInsights', () => {
  it.each([
    { name: 'low in every session', lows: [1, 2, 2], weak: true },
    { name: 'low in half of the sessions', lows: [2, 3, 2, 4], weak: true },
    { name: 'low once in four', lows: [2, 3, 3, 4], weak: false },
    { name: 'low long ago only (outside the last five)', lows: [1, 1, 3, 3, 3, 3, 3], weak: false }
  ])('estimation $name → weak: $weak', ({ lows, weak }) => {
    const sessions = lows.map((rating, i) => session(i + 1, all(3, { [estimationId]: rating })));
    const insights = computeInsights(sessions, catalog, now);
    expect(insights.weakAreas.some((a) => a.competencyId === 'estimation')).toBe(weak);
  });

  it('trusts peers over self when both rated a session', () => {
    const sessions = [1, 2].map((day) => session(day, all(4), { peerRatings: [all(3, { [estimationId]: 1 })] }));
    const insights = computeInsights(sessions, catalog, now);
    expect(insights.weakAreas.map((a) => a.competencyId)).toEqual(['estimation']);
    expect(insights.calibration.meanGap).toBeGreaterThan(0);
    const trend = insights.competencies.find((c) => c.id === 'estimation')!;
    expect(trend.points.map((p) => [p.self, p.peer])).toEqual([
      [4, 1],
      [4, 1]
    ]);
  });

  it('counts oops tags with their sessions, most frequent first', () => {
    const sessions = [
      session(1, all(3), { oops: ['ran out of time', 'missed edge case'] }),
      session(2, all(3), { oops: ['ran out of time'] })
    ];
    expect(computeInsights(sessions, catalog, now).oops).toEqual([
      { tag: 'ran out of time', count: 2, sessionIds: ['s1', 's2'] },
      { tag: 'missed edge case', count: 1, sessionIds: ['s1'] }
    ]);
  });

  it('measures phase overruns, and suggests questions not done in the last 14 days with study refs', () => {
    const start = Date.UTC(2026, 0, 29, 10);
    const s = session(29, all(3, { [estimationId]: 1 }), {
      questionId: 'q1',
      phaseLog: [{ phaseId: 'estimation', startedAt: new Date(start + 20 * 60_000).toISOString() }]
    });
    const insights = computeInsights([s], catalog, now);
    expect(insights.phases.find((p) => p.id === 'requirements')).toMatchObject({
      meanOverrunMinutes: 12,
      overrunCount: 1
    });
    expect(insights.practiceNext.map((p) => p.questionId)).toEqual(['fresh']);
    expect(insights.practiceNext[0]?.study.length).toBeGreaterThan(0);
  });

  it('returns empty insights for no sessions', () => {
    expect(computeInsights([], catalog, now)).toMatchObject({
      sessionsScored: 0,
      weakAreas: [],
      oops: [],
      practiceNext: []
    });
  });
});
