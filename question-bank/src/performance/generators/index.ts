/**
 * Every problem's performance-test generator, by problem id. A test names a seed and sizes; the same code makes the
 * same input in Node (the suite, the calibration) and in the browser's trusted page, which sends it to the sandbox.
 */
import type { PerformanceTest } from '../../schema.ts';
import { Rng } from '../random.ts';
import { arrayGenerators } from './arrays.ts';
import { classGenerators } from './classes.ts';
import { stringGenerators } from './strings.ts';
import { structureGenerators } from './structures.ts';
import type { Generated, Generator } from './types.ts';

export type { Generated, Generator };

export const generators: Readonly<Record<string, Generator>> = {
  ...arrayGenerators,
  ...stringGenerators,
  ...structureGenerators,
  ...classGenerators
};

/**
 * Problems without a generator, and why: their inputs are bounded by the statement to sizes the hidden tests
 * already reach (a 9×9 board, a 32-bit number, up to 100 graph nodes), or their output grows exponentially.
 */
export const WITHOUT_GENERATOR: Readonly<Record<string, string>> = {
  'lc-0009-palindrome-number': 'one 32-bit integer',
  'lc-0013-roman-to-integer': 'at most 15 characters',
  'lc-0036-valid-sudoku': 'a 9×9 board',
  'lc-0037-sudoku-solver': 'a 9×9 board; the hidden tests hold the hardest puzzles',
  'lc-0046-permutations': 'n ≤ 6: the output is n! lists',
  'lc-0078-subsets': 'n ≤ 10: the output is 2ⁿ lists',
  'lc-0090-subsets-ii': 'n ≤ 10: the output is up to 2ⁿ lists',
  'lc-0108-convert-sorted-array-to-bst':
    'the hidden tests hold the largest input (10⁴), and any balanced tree is accepted',
  'lc-0133-clone-graph': 'at most 100 nodes'
};

/** The input of one performance test of a problem. */
export function generate(problemId: string, test: Pick<PerformanceTest, 'seed' | 'params'>): Generated {
  const generator = generators[problemId];
  if (!generator) throw new Error(`no performance-test generator for ${problemId}`);
  return generator(new Rng(test.seed), test.params);
}
