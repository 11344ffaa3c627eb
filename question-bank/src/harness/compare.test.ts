import { describe, expect, it } from 'vitest';
import { matches } from './compare.ts';

describe('matches', () => {
  it.each([
    ['exact', [0, 1], [0, 1], true],
    ['exact', [1, 0], [0, 1], false],
    ['exact', null, [0, 1], false],
    ['unordered', [1, 0], [0, 1], true],
    ['unordered', [1, 1], [0, 1], false],
    ['unorderedNested', [[2, 1], [3]], [[3], [1, 2]], true],
    ['unorderedNested', [[2, 1]], [[1, 3]], false],
    ['float', [0.1 + 0.2, 1], [0.3, 1], true],
    ['float', 0.31, 0.3, false]
  ])('%s: %j vs %j → %s', (comparator, actual, expected, result) => {
    expect(matches(comparator as string, actual, expected)).toBe(result);
  });

  it('refuses an unknown comparator', () => expect(() => matches('fuzzy', 1, 1)).toThrow(/unknown comparator/));
});
