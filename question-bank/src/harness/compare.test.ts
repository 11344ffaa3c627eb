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

  it.each([
    [[0, -3, 9, -10, null, 5], [-10, -3, 0, 5, 9], true, 'a balanced BST'],
    [[0, -10, 5, null, -3, null, 9], [-10, -3, 0, 5, 9], true, 'another balanced shape'],
    [[1], [1], true, 'one node'],
    [[2, 1, 3], [1, 2, 3], true, 'perfect tree'],
    [[], [], true, 'empty input, empty tree'],
    [[1, null, 2, null, 3], [1, 2, 3], false, 'a valid BST that is a chain'],
    [[3, 2, null, 1], [1, 2, 3], false, 'left chain'],
    [[2, 3, 1], [1, 2, 3], false, 'balanced but not a search tree'],
    [[2, 1], [1, 2, 3], false, 'a value missing'],
    [[2, 1, 3, null, null, null, 4], [1, 2, 3], false, 'an extra value'],
    [[2, 1, 3], [1, 2, 2], false, 'wrong values'],
    [[3, 2, 5, 1, null, 4, 6, 0], [0, 1, 2, 3, 4, 5, 6], false, 'a subtree two deeper than its sibling'],
    [[4, 2, 6, 1, 3, 5, 7], [1, 2, 3, 4, 5, 6, 7], true, 'seven nodes, perfect'],
    [null, [1], false, 'null result'],
    [[null, 1], [1], false, 'not a level-order array'],
    [[1, null, null, 2], [1, 2], false, 'a value hanging under a missing node'],
    [[1], 1, false, 'expected is not an array']
  ] as [unknown, unknown, boolean, string][])('balancedBst: %j holding %j → %s (%s)', (actual, expected, result) => {
    expect(matches('balancedBst', actual, expected)).toBe(result);
  });

  it('refuses an unknown comparator', () => {
    expect(() => matches('fuzzy', 1, 1)).toThrow(/unknown comparator/);
    expect(() => matches('toString', 1, 1)).toThrow(/unknown comparator/);
  });
});
