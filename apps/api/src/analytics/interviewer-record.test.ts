import { describe, expect, it } from 'vitest';
import {
  calibrationRows,
  feedbackRatingMeans,
  ratingOpen,
  rubricTotals,
  type ScoredInterview,
  type Totals
} from './interviewer-record.ts';

const criteria = [
  { id: 'requirements', name: 'Requirements' },
  { id: 'tradeoffs', name: 'Trade-offs' }
];

describe('rubricTotals', () => {
  it.each<[string, ScoredInterview[], string, Totals]>([
    ['nothing scored', [], 'sd', {}],
    [
      'sums one rubric, leaves the others out',
      [
        { rubricId: 'sd', ratings: { requirements: 3, tradeoffs: 2 } },
        { rubricId: 'sd', ratings: { requirements: 4 } },
        { rubricId: 'coding', ratings: { requirements: 1 } }
      ],
      'sd',
      { requirements: { sum: 7, count: 2 }, tradeoffs: { sum: 2, count: 1 } }
    ]
  ])('%s', (_, interviews, rubricId, expected) => {
    expect(rubricTotals(interviews, rubricId)).toEqual(expected);
  });
});

describe('calibrationRows: my mean minus the other interviewers’ on the same rubric', () => {
  const me = 'me';
  it.each<[string, Record<string, Totals>, Partial<Record<string, unknown>>[]]>([
    [
      'nobody else has scored: no delta',
      { me: { requirements: { sum: 6, count: 2 } } },
      [
        { criterionId: 'requirements', mine: 3, count: 2, others: null, othersCount: 0, delta: null },
        { criterionId: 'tradeoffs', mine: null, count: 0, others: null, othersCount: 0, delta: null }
      ]
    ],
    [
      'more generous than two others together',
      {
        me: { requirements: { sum: 7, count: 2 }, tradeoffs: { sum: 2, count: 1 } },
        a: { requirements: { sum: 4, count: 2 }, tradeoffs: { sum: 3, count: 1 } },
        b: { requirements: { sum: 3, count: 1 } }
      },
      [
        { criterionId: 'requirements', mine: 3.5, count: 2, others: 2.33, othersCount: 3, delta: 1.17 },
        { criterionId: 'tradeoffs', mine: 2, count: 1, others: 3, othersCount: 1, delta: -1 }
      ]
    ],
    [
      'I have not scored: others only',
      { a: { tradeoffs: { sum: 4, count: 2 } } },
      [
        { criterionId: 'requirements', mine: null, others: null, delta: null },
        { criterionId: 'tradeoffs', mine: null, count: 0, others: 2, othersCount: 2, delta: null }
      ]
    ]
  ])('%s', (_, everyone, expected) => {
    const rows = calibrationRows(criteria, everyone, me);
    expected.forEach((row, i) => expect(rows[i]).toMatchObject(row));
  });
});

describe('feedbackRatingMeans', () => {
  const at = new Date('2026-12-01T00:00:00Z');
  it.each<[string, ScoredInterview[], ReturnType<typeof feedbackRatingMeans>]>([
    ['no ratings', [{ rubricId: 'sd', ratings: {} }], { count: 0, specific: null, actionable: null, calibrated: null }],
    [
      'means over the rated interviews only',
      [
        { rubricId: 'sd', ratings: {}, rating: { specific: 5, actionable: 4, calibrated: 3, ratedAt: at } },
        { rubricId: 'sd', ratings: {}, rating: { specific: 4, actionable: 4, calibrated: 2, ratedAt: at } },
        { rubricId: 'sd', ratings: {} }
      ],
      { count: 2, specific: 4.5, actionable: 4, calibrated: 2.5 }
    ]
  ])('%s', (_, interviews, expected) => {
    expect(feedbackRatingMeans(interviews)).toEqual(expected);
  });
});

describe('ratingOpen', () => {
  const submitted = new Date('2026-12-01T00:00:00Z');
  it.each([
    ['the day it was submitted', '2026-12-01T12:00:00Z', true],
    ['on the last moment of the window', '2026-12-15T00:00:00Z', true],
    ['after the window', '2026-12-15T00:00:01Z', false]
  ])('%s', (_, now, open) => {
    expect(ratingOpen(submitted, new Date(now), 14)).toBe(open);
  });
});
