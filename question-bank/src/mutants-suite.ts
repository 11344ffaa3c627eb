/**
 * The mutation check: every kept wrong solution (off by one, a missing edge case, greedy for DP, a complexity class
 * worse…) fails the hidden and performance tests of its problem, judged the way Submit judges. The problems are
 * dealt into parts (`mutants-<k>.test.ts`), so the runner judges them in parallel files, by weight: a slower-complexity
 * mutant runs its ladder to the allowance twice (seconds to a minute), any other fails at its first wrong answer (well
 * under a second), so dealing by count left one part at 94 s and two at 330 s in a clean-clone run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { judgeInNode } from './harness/node-judge.ts';
import { NodeRunner } from './harness/node-runner.ts';
import { loadQuestionBank } from './load.ts';
import { loadMutants } from './mutants.ts';
import type { Mutant } from './mutants.ts';
import type { CodingQuestion } from './schema.ts';

/** How many files the problems are dealt into. */
export const MUTANT_PARTS = 4;

/** A slower-complexity mutant's cost against any other's. */
const SLOW_WEIGHT = 20;

/**
 * Deals weighted items into `parts` parts, the heaviest first, each to the lightest part so far (ties: the lower
 * part): the parts' totals end within one item's weight of each other. The same items give the same deal.
 */
export function dealByWeight<T>(items: { item: T; weight: number; key: string }[], parts: number): T[][] {
  const dealt: T[][] = Array.from({ length: parts }, () => []);
  const totals = new Array<number>(parts).fill(0);
  const order = [...items].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
  for (const { item, weight } of order) {
    const lightest = totals.indexOf(Math.min(...totals));
    dealt[lightest]!.push(item);
    totals[lightest]! += weight;
  }
  return dealt;
}

export const mutantWeight = (mutants: Pick<Mutant, 'kind'>[]) =>
  mutants.reduce((sum, m) => sum + (m.kind === 'slower-complexity' ? SLOW_WEIGHT : 1), 0);

/** The mutation check of part `part` (0-based) of the bank's coding problems dealt by weight. */
export async function mutantSuite(part: number): Promise<void> {
  const coding = (await loadQuestionBank()).filter(
    (q): q is CodingQuestion & { version: string } => q.kind === 'coding'
  );
  const all = await Promise.all(coding.map(async (problem) => ({ problem, mutants: await loadMutants(problem.id) })));
  const cases = dealByWeight(
    all.map((c) => ({ item: c, weight: mutantWeight(c.mutants), key: c.problem.id })),
    MUTANT_PARTS
  )[part]!;
  const runners = { typescript: new NodeRunner('typescript'), python: new NodeRunner('python') };
  afterAll(() => Promise.all(Object.values(runners).map((r) => r.dispose())));

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
