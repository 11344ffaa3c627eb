/**
 * Submit judges everything the candidate is shown plus the hidden tests they are sent: the examples, then those
 * hidden tests, then the performance tests. Three kept wrong solutions were caught only by an example or a
 * held-back test, so Submit said Accepted to them: two are caught by the examples it now runs first, the third by
 * a duplicate-value test now among the hidden tests the browser is sent.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { candidateTests } from './confirmation.ts';
import { judgeInNode } from './harness/node-judge.ts';
import { NodeRunner } from './harness/node-runner.ts';
import { loadQuestionBank } from './load.ts';
import { loadMutants } from './mutants.ts';
import type { CodingQuestion } from './schema.ts';

const bank = (await loadQuestionBank()).filter((q): q is CodingQuestion & { version: string } => q.kind === 'coding');
const runner = new NodeRunner('typescript');
afterAll(() => runner.dispose());

/** The kept wrong solutions Submit used to accept, and the first test of Submit's that now catches each. */
const ACCEPTED_BEFORE = [
  ['lc-0098-validate-binary-search-tree', 'accepts equal values', 'a hidden test sent to the browser'],
  ['lc-0153-find-minimum-in-rotated-sorted-array', 'compares with the first value instead of the last', 'an example'],
  ['lc-0242-valid-anagram', 'forgets to compare the lengths', 'an example']
] as const;

describe('Submit rejects the kept wrong solutions it used to accept', () => {
  it.each(ACCEPTED_BEFORE)('%s: %s, caught by %s', async (id, why, by) => {
    const problem = bank.find((q) => q.id === id)!;
    const mutant = (await loadMutants(id)).find((m) => m.why === why)!;
    expect(mutant, `kept mutant "${why}"`).toBeDefined();
    const submitted = await judgeInNode(runner, problem, mutant.code, { submit: true });
    expect(submitted.failure?.verdict).toBe('wrong answer');
    const failedAt = Number(/^test (\d+)/.exec(submitted.failure!.test)![1]) - 1;
    if (by === 'an example') {
      expect(failedAt).toBeLessThan(problem.examples.length);
      // Judged on the hidden and performance tests alone, as Submit judged before, it passes.
      const old = await judgeInNode(runner, { ...problem, examples: [] }, mutant.code, { submit: true });
      expect(old.failure).toBeUndefined();
    } else {
      expect(failedAt).toBeGreaterThanOrEqual(problem.examples.length);
      expect(candidateTests(problem)).toContainEqual(expect.objectContaining({ input: [[1, null, 1]] }));
    }
  });
});
