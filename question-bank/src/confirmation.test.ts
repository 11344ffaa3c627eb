import { describe, expect, it } from 'vitest';
import { candidateTests, confirmationTests } from './confirmation.ts';
import { loadQuestionBank } from './load.ts';

const tests = (n: number) => ({ hiddenTests: Array.from({ length: n }, (_, i) => ({ input: [i], expected: i })) });

describe('candidateTests and confirmationTests', () => {
  it('split the hidden tests in two disjoint sets that cover them all', () => {
    const question = tests(12);
    const served = candidateTests(question).map((t) => t.expected);
    const held = confirmationTests(question).map((t) => t.expected);
    expect(held).toEqual([2, 5, 8, 11]);
    expect(served).toEqual([0, 1, 3, 4, 6, 7, 9, 10]);
  });

  it('hold back at least three tests of every coding problem in the bank, and serve at least six', async () => {
    for (const question of await loadQuestionBank()) {
      if (question.kind !== 'coding') continue;
      expect(confirmationTests(question).length, question.id).toBeGreaterThanOrEqual(3);
      expect(candidateTests(question).length, question.id).toBeGreaterThanOrEqual(6);
    }
  });
});
