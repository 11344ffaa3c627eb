import { describe, expect, it } from 'vitest';
import { dealByWeight, mutantWeight } from './mutants-suite.ts';

describe('dealByWeight', () => {
  it('gives each part about the same weight, the heaviest dealt first', () => {
    const items = [40, 40, 21, 2, 2, 2, 21, 1, 20, 3].map((weight, i) => ({ item: i, weight, key: `p${i}` }));
    const parts = dealByWeight(items, 4);
    const totals = parts.map((part) => part.reduce((sum, i) => sum + items[i]!.weight, 0));
    expect(parts.flat().sort((a, b) => a - b)).toEqual(items.map((x) => x.item));
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(40);
    expect(totals).toEqual([40, 40, 41, 31]);
  });

  it('deals the same items the same way whatever order they come in', () => {
    const items = [5, 1, 9, 9, 3].map((weight, i) => ({ item: `p${i}`, weight, key: `p${i}` }));
    expect(dealByWeight([...items].reverse(), 3)).toEqual(dealByWeight(items, 3));
  });
});

describe('mutantWeight', () => {
  it('counts a slower-complexity mutant as twenty others', () => {
    expect(mutantWeight([{ kind: 'off-by-one' }, { kind: 'slower-complexity' }])).toBe(21);
  });
});
