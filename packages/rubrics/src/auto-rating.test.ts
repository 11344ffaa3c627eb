/** autoRating: suggested ratings from tests passed, time used, phase timing and key points; null if unmeasurable. */
import { describe, expect, it } from 'vitest';
import type { AutoEvidence } from './auto-rating.ts';
import { autoEvidenceSchema, autoRating, TIME_BOX_MINUTES } from './auto-rating.ts';
import type { AutoKind, Criterion } from './schema.ts';

const levels = { 1: 'Not shown.', 2: 'Partly shown.', 3: 'Solid.', 4: 'Exceptional.' };
const criterionWith = (auto?: AutoKind): Criterion => ({
  id: 'c',
  name: 'C',
  weight: 100,
  description: 'd',
  levels,
  competency: 'correctness',
  ...(auto ? { auto } : {})
});

const phases = (...pairs: [string, number, number][]) => ({
  phaseTiming: {
    phases: pairs.map(([name, plannedMinutes, actualMinutes]) => ({ name, plannedMinutes, actualMinutes }))
  }
});

describe('autoRating', () => {
  it.each<[string, AutoKind, AutoEvidence, number, string]>([
    [
      'all tests pass',
      'testPassRate',
      { testPassRate: { passed: 20, total: 20 } },
      4,
      '20 of 20 hidden tests pass (100%).'
    ],
    [
      'one test fails of 20',
      'testPassRate',
      { testPassRate: { passed: 19, total: 20 } },
      3,
      '19 of 20 hidden tests pass (95%).'
    ],
    [
      'exactly 80% pass',
      'testPassRate',
      { testPassRate: { passed: 8, total: 10 } },
      3,
      '8 of 10 hidden tests pass (80%).'
    ],
    [
      'just under 80%',
      'testPassRate',
      { testPassRate: { passed: 79, total: 100 } },
      2,
      '79 of 100 hidden tests pass (79%).'
    ],
    [
      'exactly half pass',
      'testPassRate',
      { testPassRate: { passed: 5, total: 10 } },
      2,
      '5 of 10 hidden tests pass (50%).'
    ],
    [
      'under half pass',
      'testPassRate',
      { testPassRate: { passed: 4, total: 10 } },
      1,
      '4 of 10 hidden tests pass (40%).'
    ],
    ['none pass', 'testPassRate', { testPassRate: { passed: 0, total: 12 } }, 1, '0 of 12 hidden tests pass (0%).'],

    [
      'easy done in 10 of 15',
      'timeVsBox',
      { timeVsBox: { usedMinutes: 10, difficulty: 'easy' } },
      4,
      'Used 10 of 15 minutes (67% of the easy time box).'
    ],
    [
      'medium at exactly 75%',
      'timeVsBox',
      { timeVsBox: { usedMinutes: 22.5, difficulty: 'medium' } },
      4,
      'Used 22.5 of 30 minutes (75% of the medium time box).'
    ],
    [
      'medium right on the box',
      'timeVsBox',
      { timeVsBox: { usedMinutes: 30, difficulty: 'medium' } },
      3,
      'Used 30 of 30 minutes (100% of the medium time box).'
    ],
    [
      'hard a little over',
      'timeVsBox',
      { timeVsBox: { usedMinutes: 70, difficulty: 'hard' } },
      2,
      'Used 70 of 60 minutes (117% of the hard time box).'
    ],
    [
      'hard at exactly 125%',
      'timeVsBox',
      { timeVsBox: { usedMinutes: 75, difficulty: 'hard' } },
      2,
      'Used 75 of 60 minutes (125% of the hard time box).'
    ],
    [
      'well over an explicit box',
      'timeVsBox',
      { timeVsBox: { usedMinutes: 60, boxMinutes: 45 } },
      1,
      'Used 60 of 45 minutes (133% of the time box).'
    ],

    [
      'phases on plan',
      'phaseTiming',
      phases(['Requirements', 10, 10], ['Design', 20, 20]),
      4,
      'Phases 0% off plan overall.'
    ],
    [
      'phases 10% off',
      'phaseTiming',
      phases(['Requirements', 10, 13], ['Design', 20, 20]),
      4,
      'Phases 10% off plan overall; furthest off: Requirements (+3 min).'
    ],
    [
      'phases 20% off',
      'phaseTiming',
      phases(['Requirements', 10, 14], ['Design', 20, 18]),
      3,
      'Phases 20% off plan overall; furthest off: Requirements (+4 min).'
    ],
    [
      'phases 40% off',
      'phaseTiming',
      phases(['Requirements', 10, 18], ['Design', 20, 16]),
      2,
      'Phases 40% off plan overall; furthest off: Requirements (+8 min).'
    ],
    [
      'phases badly off',
      'phaseTiming',
      phases(['Requirements', 10, 25], ['Design', 20, 10]),
      1,
      'Phases 83% off plan overall; furthest off: Requirements (+15 min).'
    ],
    [
      'a skipped phase caps at 2 even when totals look close',
      'phaseTiming',
      phases(['Requirements', 5, 5], ['Design', 45, 48], ['Wrap-up', 2, 0]),
      2,
      'Phases 10% off plan overall; furthest off: Design (+3 min); skipped: Wrap-up.'
    ],

    [
      'all key points',
      'keyPointCoverage',
      { keyPointCoverage: { covered: 8, total: 8 } },
      4,
      'Covered 8 of 8 key points (100%).'
    ],
    [
      'exactly 90%',
      'keyPointCoverage',
      { keyPointCoverage: { covered: 9, total: 10 } },
      4,
      'Covered 9 of 10 key points (90%).'
    ],
    [
      'exactly 70%',
      'keyPointCoverage',
      { keyPointCoverage: { covered: 7, total: 10 } },
      3,
      'Covered 7 of 10 key points (70%).'
    ],
    ['half', 'keyPointCoverage', { keyPointCoverage: { covered: 4, total: 8 } }, 2, 'Covered 4 of 8 key points (50%).'],
    ['few', 'keyPointCoverage', { keyPointCoverage: { covered: 1, total: 8 } }, 1, 'Covered 1 of 8 key points (13%).'],
    [
      'two full STAR answers',
      'starStructure',
      { starStructure: { prompts: [0.8, 0.6].map((iShare) => ({ partsPresent: 4, resultQuantified: true, iShare })) } },
      4,
      '2 of 2 answers tell all four STAR parts; 2 state a result with a number; 2 tell the action mostly as "I".'
    ]
  ])('%s → %i', (_name, auto, evidence, rating, reason) => {
    expect(autoRating(criterionWith(auto), evidence)).toEqual({ rating, reason });
  });

  it.each<[string, AutoKind | undefined, AutoEvidence]>([
    ['a criterion without auto', undefined, { testPassRate: { passed: 5, total: 5 } }],
    ['no evidence at all', 'testPassRate', {}],
    ['evidence of another kind only', 'testPassRate', { keyPointCoverage: { covered: 3, total: 4 } }],
    ['zero hidden tests', 'testPassRate', { testPassRate: { passed: 0, total: 0 } }],
    ['a zero time box', 'timeVsBox', { timeVsBox: { usedMinutes: 5, boxMinutes: 0 } }],
    ['no phases', 'phaseTiming', { phaseTiming: { phases: [] } }],
    ['no planned minutes', 'phaseTiming', phases(['Requirements', 0, 4])],
    ['zero key points', 'keyPointCoverage', { keyPointCoverage: { covered: 0, total: 0 } }],
    ['no answers', 'starStructure', { starStructure: { prompts: [] } }]
  ])('returns null for %s', (_name, auto, evidence) => {
    expect(autoRating(criterionWith(auto), evidence)).toBeNull();
  });

  it('times boxes as the 16-week roadmap does: easy 15, medium 30, hard 60', () => {
    expect(TIME_BOX_MINUTES).toEqual({ easy: 15, medium: 30, hard: 60 });
  });
});

describe('autoEvidenceSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['complete evidence', { ...phases(['Design', 20, 22]), testPassRate: { passed: 3, total: 4 } }, true],
    ['empty evidence', {}, true],
    ['more passed than total', { testPassRate: { passed: 5, total: 4 } }, false],
    ['more covered than total', { keyPointCoverage: { covered: 5, total: 4 } }, false],
    ['negative minutes', { timeVsBox: { usedMinutes: -1, boxMinutes: 30 } }, false],
    ['an unknown difficulty', { timeVsBox: { usedMinutes: 10, difficulty: 'brutal' } }, false]
  ])('%s → valid: %s', (_name, input, valid) => {
    expect(autoEvidenceSchema.safeParse(input).success).toBe(valid);
  });
});
