/**
 * The mutation check: every kept wrong solution (off by one, a missing edge case, greedy for DP, a complexity class
 * worse…) fails the hidden and performance tests of its problem, judged the way Submit judges.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { judgeInNode } from './harness/node-judge.ts';
import { NodeRunner } from './harness/node-runner.ts';
import { loadQuestionBank } from './load.ts';
import { loadMutants } from './mutants.ts';
import type { CodingQuestion } from './schema.ts';

const coding = (await loadQuestionBank()).filter((q): q is CodingQuestion & { version: string } => q.kind === 'coding');
const runners = { typescript: new NodeRunner('typescript'), python: new NodeRunner('python') };
afterAll(() => Promise.all(Object.values(runners).map((r) => r.dispose())));

const cases = await Promise.all(coding.map(async (problem) => ({ problem, mutants: await loadMutants(problem.id) })));

describe.each(cases.map(({ problem, mutants }) => [problem.id, problem, mutants] as const))(
  '%s',
  (_id, problem, mutants) => {
    it('keeps at least two wrong solutions', () => {
      expect(mutants.length).toBeGreaterThanOrEqual(2);
    });

    it.each(mutants.map((m) => [`${m.language}: ${m.kind}, ${m.why}`, m] as const))(
      'rejects %s',
      async (_name, mutant) => {
        const verdict = await judgeInNode(runners[mutant.language], problem, mutant.code);
        expect(verdict.failure, `passed all ${verdict.total} tests`).toBeDefined();
      }
    );
  }
);
