import { designPhasePlan, getRubric } from '@mockloop/rubrics';
import { describe, expect, it } from 'vitest';
import { competencyRating, computeInsights, MAX_TREND_POINTS, phaseTimes, type ScoredSession } from './insights.ts';

const rubric = getRubric('system-design-mock')!;
const codingRubric = getRubric('coding-mock')!;
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
    // Each side is counted on its own, and the page is told the decision used the peers' ratings.
    expect(insights.weakAreas[0]).toMatchObject({
      basis: 'peer',
      self: { lowCount: 0, measuredCount: 2, mean: 4 },
      peer: { lowCount: 2, measuredCount: 2, mean: 1 },
      meanRating: 1
    });
    expect(insights.calibration.meanGap).toBeGreaterThan(0);
    const trend = insights.competencies.find((c) => c.id === 'estimation')!;
    expect(trend.points.map((p) => [p.self, p.peer])).toEqual([
      [4, 1],
      [4, 1]
    ]);
  });

  it('ranks areas equally often low by their mean rating, lowest first, and says the ratings were the candidate’s', () => {
    const requirementsId = rubric.criteria.find((c) => c.competency === 'requirements')!.id;
    const sessions = [1, 2].map((day) => session(day, all(3, { [estimationId]: 2, [requirementsId]: 1 })));
    const { weakAreas } = computeInsights(sessions, catalog, now);
    expect(weakAreas.slice(0, 2).map((a) => a.competencyId)).toEqual(['requirements', 'estimation']);
    expect(weakAreas[0]).toMatchObject({ basis: 'self', meanRating: 1, peer: { measuredCount: 0, mean: null } });
  });

  it('counts oops tags with their sessions, most frequent first', () => {
    const sessions = [
      session(1, all(3), { oops: ['ran out of time', 'missed edge case'] }),
      session(2, all(3), { oops: ['ran out of time'] })
    ];
    // Counted against the scored sessions of the kinds that can show each: a design mock cannot miss a coding edge case.
    expect(computeInsights(sessions, catalog, now).oops).toEqual([
      {
        tag: 'ran out of time',
        count: 2,
        applicable: 2,
        kinds: ['design', 'coding', 'behavioral'],
        sessionIds: ['s1', 's2']
      },
      { tag: 'missed edge case', count: 1, applicable: 0, kinds: ['coding'], sessionIds: ['s1'] }
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
    // The cache keeps the phase times instead of the plan and log: the same figures come out.
    const cached = { ...s, phaseTimes: phaseTimes(s), phasePlan: [], phaseLog: [] };
    expect(computeInsights([cached], catalog, now).phases).toEqual(insights.phases);
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

describe('per criterion, coding by pattern, and coding time', () => {
  const coding = (
    day: number,
    questionId: string,
    pattern: string,
    outcome: { passed: number | null; solvedMinutes: number | null; difficulty?: string; box?: number }
  ) =>
    session(day, null, {
      id: `c${day}`,
      questionId,
      rubric: codingRubric,
      phasePlan: [],
      selfRatings: Object.fromEntries(codingRubric.criteria.map((c) => [c.id, 3])),
      coding: {
        title: questionId,
        pattern,
        difficulty: outcome.difficulty ?? 'medium',
        boxMinutes: outcome.box ?? 30,
        passed: outcome.passed,
        total: 10,
        solvedMinutes: outcome.solvedMinutes
      }
    });
  const codingCatalog = [
    {
      id: 'window-a',
      title: 'Window A',
      kind: 'coding',
      rubric: codingRubric,
      pattern: 'Two Pointers / Sliding Window'
    },
    {
      id: 'window-b',
      title: 'Window B',
      kind: 'coding',
      rubric: codingRubric,
      pattern: 'Two Pointers / Sliding Window'
    },
    {
      id: 'window-c',
      title: 'Window C',
      kind: 'coding',
      rubric: codingRubric,
      pattern: 'Two Pointers / Sliding Window'
    },
    { id: 'hash-a', title: 'Hash A', kind: 'coding', rubric: codingRubric, pattern: 'Arrays & Hashing' }
  ];
  // Sliding window: one solve in three (weak); arrays & hashing: two solves of two.
  const history = [
    coding(1, 'window-a', 'Two Pointers / Sliding Window', { passed: 4, solvedMinutes: null }),
    coding(2, 'window-a', 'Two Pointers / Sliding Window', { passed: 10, solvedMinutes: 25 }),
    coding(3, 'window-b', 'Two Pointers / Sliding Window', { passed: null, solvedMinutes: null }),
    coding(4, 'hash-a', 'Arrays & Hashing', { passed: 10, solvedMinutes: 10, difficulty: 'easy', box: 15 }),
    coding(5, 'hash-a', 'Arrays & Hashing', { passed: 10, solvedMinutes: 20, difficulty: 'easy', box: 15 })
  ];

  it('reports pass rate, solves and solve time per pattern, and marks a pattern solved less than half the time weak', () => {
    const { patterns } = computeInsights(history, codingCatalog, now);
    expect(patterns.map(({ study: _study, ...p }) => p)).toEqual([
      {
        id: 'arrays-hashing',
        name: 'Arrays & Hashing',
        sessions: 2,
        judged: 2,
        passRate: 1,
        solved: 2,
        meanSolveMinutes: 15,
        weak: false
      },
      {
        id: 'two-pointers-sliding-window',
        name: 'Two Pointers / Sliding Window',
        sessions: 3,
        judged: 2,
        passRate: 0.7,
        solved: 1,
        meanSolveMinutes: 25,
        weak: true
      }
    ]);
    expect(patterns[1]?.study[0]?.label).toBe('16-week roadmap · Week 6');
  });

  it('measures coding time against the box: to the solve, or the whole session when unsolved', () => {
    const { codingTime } = computeInsights(history, codingCatalog, now);
    // Unsolved sessions ran their full 60 minutes (the session helper ends them an hour in).
    expect(codingTime).toEqual({
      sessions: 5,
      overBoxCount: 3,
      byDifficulty: [
        { difficulty: 'easy', boxMinutes: 15, sessions: 2, meanMinutes: 15, overBoxCount: 1 },
        { difficulty: 'medium', boxMinutes: 30, sessions: 3, meanMinutes: 48.33, overBoxCount: 2 }
      ]
    });
  });

  it('suggests unsolved problems of a weak pattern that were not tried lately', () => {
    const late = new Date(Date.UTC(2026, 1, 28));
    const { practiceNext } = computeInsights(history, codingCatalog, late);
    expect(practiceNext.map((p) => p.questionId)).toEqual(['window-b', 'window-c']);
    expect(practiceNext[0]?.reason).toBe(
      'Practises Two Pointers / Sliding Window: solved 1 of your 3 attempts at this pattern'
    );
  });

  it('follows each criterion of each rubric separately, self and peer', () => {
    const sessions = [
      session(1, all(3, { [estimationId]: 1 }), { peerRatings: [all(2)] }),
      session(2, all(3, { [estimationId]: 2 }))
    ];
    const { criteria } = computeInsights(sessions, catalog, now);
    expect(criteria).toHaveLength(rubric.criteria.length);
    const estimation = criteria.find((c) => c.criterionId === estimationId)!;
    expect(estimation).toMatchObject({ rubricId: 'system-design-mock', competencyId: 'estimation' });
    expect(estimation.points.map((p) => [p.self, p.peer])).toEqual([
      [1, 2],
      [2, null]
    ]);
  });
});

it('keeps the most recent points of each trend, and still finds weak areas from the latest sessions', () => {
  const many = Array.from({ length: MAX_TREND_POINTS + 20 }, (_, i) =>
    session(1, all(3, { [estimationId]: i >= MAX_TREND_POINTS + 15 ? 1 : 3 }), {
      id: `m${i}`,
      startedAt: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString()
    })
  );
  const insights = computeInsights(many, catalog, now);
  const estimation = insights.competencies.find((c) => c.id === 'estimation')!;
  expect(estimation.points).toHaveLength(MAX_TREND_POINTS);
  expect(estimation.points.at(-1)?.sessionId).toBe(`m${MAX_TREND_POINTS + 19}`);
  expect(insights.criteria.every((c) => c.points.length === MAX_TREND_POINTS)).toBe(true);
  expect(insights.weakAreas.map((a) => a.competencyId)).toEqual(['estimation']);
  expect(insights.sessionsScored).toBe(MAX_TREND_POINTS + 20);
});
