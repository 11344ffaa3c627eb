/** weightedScore and hireSignal: linear points per rating, inclusive thresholds, the critical cap, incomplete sets. */
import { describe, expect, it } from 'vitest';
import type { HireSignal, Rubric } from './schema.ts';
import { hireSignal, ScoringError, signalForScore, weightedScore } from './scoring.ts';
import type { Ratings } from './submission.ts';

const levels = { 1: 'Not shown.', 2: 'Partly shown.', 3: 'Solid.', 4: 'Exceptional.' };
/**
 * Weights 40/30/20/10, so scores step by 10/3; thresholds 40 / 60 / 80 are reachable exactly.
 * "correct" (40%) and "clear" (10%) are critical.
 */
const rubric: Rubric = {
  id: 'fixture',
  version: 1,
  title: 'Fixture',
  kind: 'coding',
  source: { file: '004_a7d97f90e27aa361.txt', section: 'Week 5 · *Arrays & Hashing*' },
  hireThresholds: { noHire: 40, hire: 60, strongHire: 80 },
  criteria: [
    { id: 'correct', name: 'Correct', weight: 40, description: 'd', levels, competency: 'correctness', critical: true },
    { id: 'fast', name: 'Fast', weight: 30, description: 'd', levels, competency: 'complexity' },
    { id: 'clean', name: 'Clean', weight: 20, description: 'd', levels, competency: 'code-quality' },
    { id: 'clear', name: 'Clear', weight: 10, description: 'd', levels, competency: 'communication', critical: true }
  ]
};
const r = (correct: number, fast: number, clean: number, clear: number): Ratings => ({ correct, fast, clean, clear });

describe('weightedScore', () => {
  it.each<[string, Ratings, number]>([
    ['all 1s score 0', r(1, 1, 1, 1), 0],
    ['all 4s score 100', r(4, 4, 4, 4), 100],
    ['all 2s score a third', r(2, 2, 2, 2), 33.3],
    ['all 3s score two thirds', r(3, 3, 3, 3), 66.7],
    ['only the 40% criterion at 4', r(4, 1, 1, 1), 40],
    ['only the 10% criterion at 4', r(1, 1, 1, 4), 10],
    ['a rating of 3 on 30% earns 20', r(1, 3, 1, 1), 20],
    ['mixed: 40 + 20 + 0 + 0', r(4, 3, 1, 1), 60],
    ['mixed: 40 + 30 + 20×2/3 + 10/3', r(4, 4, 3, 2), 86.7]
  ])('%s', (_name, ratings, expected) => {
    expect(weightedScore(rubric, ratings)).toBe(expected);
  });

  it.each<[string, Ratings, string, string[]]>([
    ['a missing rating', { correct: 4, fast: 4, clean: 4 }, 'MISSING_RATINGS', ['clear']],
    ['no ratings at all', {}, 'MISSING_RATINGS', ['correct', 'fast', 'clean', 'clear']],
    ['an unknown criterion', { ...r(4, 4, 4, 4), charm: 4 }, 'UNKNOWN_CRITERIA', ['charm']],
    ['a rating of 0', r(0, 4, 4, 4), 'INVALID_RATING', ['correct']],
    ['a rating of 5', r(4, 5, 4, 4), 'INVALID_RATING', ['fast']],
    ['a fractional rating', r(4, 4, 2.5, 4), 'INVALID_RATING', ['clean']]
  ])('throws for %s rather than scoring a partial set', (_name, ratings, code, criterionIds) => {
    expect(() => weightedScore(rubric, ratings)).toThrow(ScoringError);
    try {
      weightedScore(rubric, ratings);
    } catch (error) {
      expect(error).toMatchObject({ code, criterionIds });
    }
  });
});

describe('signalForScore', () => {
  it.each<[number, HireSignal]>([
    [0, 'Strong No Hire'],
    [39.9, 'Strong No Hire'],
    [40, 'No Hire'],
    [59.9, 'No Hire'],
    [60, 'Hire'],
    [79.9, 'Hire'],
    [80, 'Strong Hire'],
    [100, 'Strong Hire']
  ])('%d → %s (cut-offs are inclusive)', (score, expected) => {
    expect(signalForScore(rubric.hireThresholds, score)).toBe(expected);
  });
});

describe('hireSignal', () => {
  it.each<[string, Ratings, HireSignal]>([
    ['all 1s (0)', r(1, 1, 1, 1), 'Strong No Hire'],
    ['just under noHire (36.7)', r(2, 2, 2, 3), 'Strong No Hire'],
    ['exactly noHire (40)', r(3, 2, 1, 2), 'No Hire'],
    ['just under hire (56.7)', r(2, 3, 4, 2), 'No Hire'],
    ['exactly hire (60)', r(3, 4, 1, 2), 'Hire'],
    ['all 3s (66.7)', r(3, 3, 3, 3), 'Hire'],
    ['just under strongHire (76.7)', r(4, 4, 1, 3), 'Hire'],
    ['exactly strongHire (80), a non-critical criterion at 1', r(4, 4, 1, 4), 'Strong Hire'],
    ['all 4s (100)', r(4, 4, 4, 4), 'Strong Hire'],
    ['a critical 1 caps a Strong Hire score (90) at No Hire', r(4, 4, 4, 1), 'No Hire'],
    ['a critical 1 caps a Hire score (60) at No Hire', r(1, 4, 4, 4), 'No Hire'],
    ['a critical 1 leaves a Strong No Hire (10) as it is', r(1, 2, 1, 1), 'Strong No Hire'],
    ['a critical 2 does not cap (73.3)', r(2, 4, 4, 4), 'Hire']
  ])('%s → %s', (_name, ratings, expected) => {
    expect(hireSignal(rubric, ratings)).toBe(expected);
  });

  it('throws for incomplete ratings, as weightedScore does', () => {
    expect(() => hireSignal(rubric, { correct: 4 })).toThrow(ScoringError);
  });
});
