import { describe, expect, it } from 'vitest';
import { committedDurations, longestFirst } from './longest-first.mjs';
import { SLOW_BANK_FILES } from './bank-checks.mjs';

describe('longestFirst', () => {
  it('starts the longest expected file first, whatever its project or size, and an unknown one before all', () => {
    const expected: Record<string, number | undefined> = {
      tiny: 0.1,
      mutants: 280,
      e2e: 90,
      unit: 2,
      fresh: undefined
    };
    const order = longestFirst(Object.keys(expected), (f) => expected[f]);
    expect(order).toEqual(['fresh', 'mutants', 'e2e', 'unit', 'tiny']);
  });

  it('keeps unknown files first and in their order, however many there are', () => {
    const expected: Record<string, number | undefined> = { a: 5, new1: undefined, b: 50, new2: undefined };
    expect(longestFirst(Object.keys(expected), (f) => expected[f])).toEqual(['new1', 'new2', 'b', 'a']);
  });

  it('keeps the order it was given among files expected to take as long', () => {
    expect(longestFirst(['b', 'a', 'c'], () => 1)).toEqual(['b', 'a', 'c']);
  });
});

describe('durations.json', () => {
  it('knows the question bank’s slow checks, the files the order matters most for', () => {
    const seconds = committedDurations();
    for (const file of SLOW_BANK_FILES) expect(seconds[`question-bank/${file}`], file).toBeGreaterThan(10);
  });
});
