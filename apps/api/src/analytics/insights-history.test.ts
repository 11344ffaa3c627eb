/**
 * Issue 32's scripted history, read the way the API reads it (the running aggregate): a criterion low in every
 * mock of one kind and high elsewhere comes first, a mistake is reviewed only by mocks that can show it, and
 * practise-next answers the top areas first. And a property: a criterion rated 1 every time is always on top.
 */
import { getRubric, type Rubric } from '@mockloop/rubrics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAggregate } from './insights-aggregate.ts';
import { contributionOf } from './insights-contribution.ts';
import { presentAggregate } from './insights-present.ts';
import { computeInsights, type ScoredSession } from './insights.ts';
import { isRecent, withReviewTargets } from './practice-next.ts';
import { reviewSchedule } from './review-schedule.ts';
import { TREND_MIN } from './weak-criteria.ts';

const design = getRubric('system-design-mock')!;
const coding = getRubric('coding-mock')!;
const behavioral = getRubric('behavioral-leadership')!;
const RUBRICS = { design, coding, behavioral } as const;
type Kind = keyof typeof RUBRICS;

const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 2, d, hour)).toISOString();

function session(
  d: number,
  kind: Kind,
  questionId: string,
  ratings: Record<string, number>,
  oops: string[] = [],
  peerRatings: Record<string, number>[] = []
): ScoredSession {
  return {
    id: `s${String(d).padStart(2, '0')}`,
    kind,
    questionId,
    startedAt: day(d),
    submittedAt: day(d, 11),
    rubric: RUBRICS[kind],
    selfRatings: ratings,
    oops,
    peerRatings,
    phasePlan: [],
    phaseLog: []
  };
}

/** Every criterion of the rubric at `rating`, except the ones named. */
const rated = (rubric: Rubric, rating: number, except: Record<string, number | undefined> = {}) =>
  Object.fromEntries(
    rubric.criteria.flatMap((c) => {
      const value = c.id in except ? except[c.id] : rating;
      return value === undefined ? [] : [[c.id, value]];
    })
  );

/** What the API answers: the aggregate built from every session, presented. */
function served(sessions: ScoredSession[], catalog: Parameters<typeof presentAggregate>[1], now: Date, level: string) {
  const agg = buildAggregate(
    sessions.map((s) => contributionOf({ ...s, selfScore: 50 })),
    now
  );
  return presentAggregate(agg, catalog, now, level);
}

describe('a scripted history: 4 design, 7 coding, 3 behavioral mocks', () => {
  const history = [
    // Design, days 1–4: capacity estimation and deep dives 1 every time; trade-offs low in the last two;
    // key-point coverage rated only twice (1 both times); communication 4.
    ...[1, 2, 3, 4].map((d) =>
      session(
        d,
        'design',
        'd-done',
        rated(design, 4, {
          'capacity-estimation': 1,
          'deep-dives': 1,
          'trade-offs': d >= 3 ? 2 : 3,
          'key-point-coverage': d >= 3 ? 1 : undefined
        }),
        ['no capacity estimate', ...(d === 2 ? ['ran out of time'] : [])]
      )
    ),
    // Coding, days 5–11: complexity 1 every time; edge cases 2 in the last three; "missed edge case" every time.
    ...[5, 6, 7, 8, 9, 10, 11].map((d) =>
      session(d, 'coding', 'c-done', rated(coding, 4, { complexity: 1, 'edge-cases': d >= 9 ? 2 : 3 }), [
        'missed edge case'
      ])
    ),
    // Behavioral, days 12–14: stakeholder communication 1 every time, the rest 4; a tag of the user's own once,
    // and "ran out of time" again.
    session(12, 'behavioral', 'b-done', rated(behavioral, 4, { 'stakeholder-communication': 1 }), ['rambled']),
    session(13, 'behavioral', 'b-done', rated(behavioral, 4, { 'stakeholder-communication': 1 }), ['ran out of time']),
    session(14, 'behavioral', 'b-done', rated(behavioral, 4, { 'stakeholder-communication': 1 }))
  ];
  const catalog = [
    { id: 'd-done', title: 'Done design', kind: 'design', rubric: design, level: 'staff', text: 'capacity' },
    { id: 'd-chat', title: 'Chat', kind: 'design', rubric: design, level: 'staff', text: 'a chat service' },
    {
      id: 'd-feed',
      title: 'News feed',
      kind: 'design',
      rubric: design,
      level: 'staff',
      text: 'a news feed: estimate the traffic, storage and bandwidth capacity it needs'
    },
    { id: 'd-url', title: 'URL shortener', kind: 'design', rubric: design, level: 'senior', text: 'storage capacity' },
    { id: 'c-done', title: 'Done problem', kind: 'coding', rubric: coding, difficulty: 'medium' },
    { id: 'c-easy', title: 'Easy one', kind: 'coding', rubric: coding, difficulty: 'easy' },
    { id: 'c-hard', title: 'Hard one', kind: 'coding', rubric: coding, difficulty: 'hard' },
    { id: 'c-mid', title: 'Medium one', kind: 'coding', rubric: coding, difficulty: 'medium' },
    { id: 'b-done', title: 'Done prompt', kind: 'behavioral', rubric: behavioral, level: 'staff' },
    { id: 'b-senior', title: 'Senior prompt', kind: 'behavioral', rubric: behavioral, level: 'senior' },
    { id: 'b-staff', title: 'Staff prompt', kind: 'behavioral', rubric: behavioral, level: 'staff' }
  ];
  const now = new Date(day(15, 12));
  const insights = served(history, catalog, now, 'staff');

  it('ranks each criterion on the mocks whose rubric has it: low every time first, the latest first, two sessions below a trend', () => {
    expect(insights.weakAreas.map((a) => [a.key, a.lowCount, a.measuredCount, a.score])).toEqual([
      ['behavioral-leadership:stakeholder-communication', 3, 3, 1],
      ['coding-mock:complexity', 5, 5, 1],
      ['system-design-mock:capacity-estimation', 4, 4, 1],
      ['system-design-mock:deep-dives', 4, 4, 1],
      ['system-design-mock:key-point-coverage', 2, 2, 0.667],
      ['coding-mock:edge-cases', 3, 5, 0.635],
      ['system-design-mock:trade-offs', 2, 4, 0.534]
    ]);
    // Communication rated 4 in the design and coding mocks does not hide stakeholder communication's 1s.
    expect(insights.weakAreas.some((a) => a.criterionId === 'communication')).toBe(false);
    expect(insights.weakAreas[0]).toMatchObject({
      name: 'Stakeholder communication',
      competencyName: 'Communication',
      kind: 'behavioral',
      trend: true,
      why: 'Rated 2 or below in 3 of your last 3 behavioral mocks (average 1.0), most recently yesterday.'
    });
    expect(insights.weakAreas[4]!.why).toBe(
      'Rated 2 or below in 2 of 2 system design mocks so far (average 1.0): too few to call it a trend yet.'
    );
    // The study references of the criterion itself first: capacity estimation's, not the competency's first.
    expect(insights.weakAreas[2]!.study[0]!.topic).toBe('Capacity estimation and back-of-envelope calculations');
  });

  it('reviews a mistake only by the mocks that can show it, and a recurrence brings it closer', () => {
    expect(
      insights.reviews.map((r) => [r.tag, r.sessionKind, r.occurrences, r.applicable, r.stage, r.dueAt, r.due])
    ).toEqual([
      // Four of four design mocks; the seven coding and three behavioral mocks since did not review it.
      ['no capacity estimate', 'design', 4, 4, 0, day(5, 11), true],
      ['missed edge case', 'coding', 7, 7, 0, day(12, 11), true],
      // Clean in every mock from day 3 to 12 (21 days out by then), it came back on day 13: 3 days after day 14.
      ['ran out of time', 'behavioral', 2, 14, 1, day(17, 11), false],
      // Tagged once in a behavioral mock; reviewed by the two behavioral mocks after it, not by others.
      ['rambled', 'behavioral', 1, 3, 2, day(21, 11), false]
    ]);
    // Without the recurrence on day 13 it would have been 21 days after day 12.
    const without = history.map((s) => (s.id === 's13' ? { ...s, oops: [] } : s));
    const before = served(without, catalog, now, 'staff').reviews.find((r) => r.tag === 'ran out of time')!;
    expect(before.dueAt > insights.reviews.find((r) => r.tag === 'ran out of time')!.dueAt).toBe(true);
    // Review now starts the right kind of mock: a practise-next question of that kind.
    expect(insights.reviews.map((r) => r.questionId)).toEqual(['d-feed', 'c-mid', 'b-staff', 'b-staff']);
  });

  it('suggests, for each of the top three areas in turn, the questions that exercise it most at the user’s level', () => {
    expect(insights.practiceNext.map((p) => [p.areaKey, p.questionId])).toEqual([
      ['behavioral-leadership:stakeholder-communication', 'b-staff'],
      ['behavioral-leadership:stakeholder-communication', 'b-senior'],
      // Staff orders coding medium, hard, easy; the medium done lately is left out.
      ['coding-mock:complexity', 'c-mid'],
      ['coding-mock:complexity', 'c-hard'],
      // Both at the user's level: the one whose prompt asks for estimates first.
      ['system-design-mock:capacity-estimation', 'd-feed'],
      ['system-design-mock:capacity-estimation', 'd-chat']
    ]);
    expect(insights.practiceNext[4]!.reason).toBe(
      'For capacity estimation: 10% of the score of this system design mock, at your level (staff), not done in the last 14 days'
    );
    expect(insights.practiceNext[4]!.study[0]!.label).toBe('60-day plan · Day 16');
  });

  it('reads the same from the aggregate as from every session at once', () => {
    const spec = computeInsights(history, catalog, now, 'staff');
    const recentlyDone = new Set(history.filter((s) => isRecent(s.startedAt, now)).map((s) => s.questionId));
    const schedule = reviewSchedule(
      history.map((s) => ({ at: s.submittedAt!, kind: s.kind!, oops: s.oops })),
      now
    );
    const { recap: _recap, ...rest } = insights;
    expect(rest).toEqual({
      ...spec,
      reviews: withReviewTargets(schedule, catalog, recentlyDone, spec.practiceNext, 'staff')
    });
  });
});

describe('property: a criterion rated 1 in every session that can rate it', () => {
  const kinds = Object.keys(RUBRICS) as Kind[];
  const allCriteria = kinds.flatMap((kind) => RUBRICS[kind].criteria.map((c) => ({ kind, id: c.id })));
  const ratingsOf = (rubric: Rubric) =>
    fc.record(Object.fromEntries(rubric.criteria.map((c) => [c.id, fc.integer({ min: 1, max: 4 })])), {
      requiredKeys: []
    }) as fc.Arbitrary<Record<string, number>>;
  const sessionArb = fc.constantFrom(...kinds).chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      self: ratingsOf(RUBRICS[kind]),
      peers: fc.array(ratingsOf(RUBRICS[kind]), { maxLength: 2 }),
      gapHours: fc.integer({ min: 1, max: 96 })
    })
  );

  it('is always among the weak areas, and among the top three unless the ones above it were rated 1 every time too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allCriteria),
        fc.array(sessionArb, { minLength: 1, maxLength: 30 }),
        (planted, drafts) => {
          let at = Date.UTC(2026, 0, 1);
          const sessions: ScoredSession[] = drafts.map((draft, i) => {
            at += draft.gapHours * 3_600_000;
            const plant = (r: Record<string, number>) => (draft.kind === planted.kind ? { ...r, [planted.id]: 1 } : r);
            return {
              id: `s${String(i).padStart(3, '0')}`,
              kind: draft.kind,
              questionId: `q-${draft.kind}`,
              startedAt: new Date(at).toISOString(),
              submittedAt: new Date(at + 3_600_000).toISOString(),
              rubric: RUBRICS[draft.kind],
              selfRatings: plant(draft.self),
              oops: [],
              peerRatings: draft.peers.map(plant),
              phasePlan: [],
              phaseLog: []
            };
          });
          const now = new Date(at + 86_400_000);
          const { weakAreas } = served(sessions, [], now, 'staff');
          const key = `${RUBRICS[planted.kind].id}:${planted.id}`;
          const applicable = sessions.filter((s) => s.kind === planted.kind).length;
          const index = weakAreas.findIndex((a) => a.key === key);
          if (applicable === 0) return index === -1;
          expect(index).toBeGreaterThanOrEqual(0);
          if (weakAreas[index]!.measuredCount >= TREND_MIN && index >= 3) {
            // Only criteria just as bad (rated 1 in each of their recent sessions, three or more) rank above it.
            for (const above of weakAreas.slice(0, index)) expect(above).toMatchObject({ meanRating: 1, trend: true });
          }
          return true;
        }
      ),
      { numRuns: 300 }
    );
  });
});
