/**
 * The mutation check: every kept wrong solution (off by one, a missing edge case, greedy for DP, a complexity class
 * worse…) fails the hidden and performance tests of its problem, judged the way Submit judges. The problems are
 * dealt into parts (`mutants-<k>.test.ts`), so the runner judges them in parallel files.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { judgeInNode } from './harness/node-judge.ts';
import { NodeRunner } from './harness/node-runner.ts';
import { loadQuestionBank } from './load.ts';
import { loadMutants } from './mutants.ts';
import type { CodingQuestion } from './schema.ts';

/** How many files the problems are dealt into. */
export const MUTANT_PARTS = 3;

/** The mutation check of every `MUTANT_PARTS`-th problem from `part` (0-based). */
export async function mutantSuite(part: number): Promise<void> {
  const coding = (await loadQuestionBank())
    .filter((q): q is CodingQuestion & { version: string } => q.kind === 'coding')
    .filter((_, i) => i % MUTANT_PARTS === part);
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
}
