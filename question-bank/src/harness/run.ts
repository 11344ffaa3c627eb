/** Runs one test case against a prepared solution and judges it. */
import { matches } from './compare.ts';
import type { PreparedSolution, Problem, TestOutcome } from './types.ts';
import { UserCodeError } from './types.ts';

export async function runCase(
  solution: PreparedSolution,
  problem: Problem,
  test: { input: unknown; expected: unknown }
): Promise<TestOutcome> {
  const started = performance.now();
  try {
    const { value, stdout } = await solution.call(structuredClone(test.input));
    const ms = performance.now() - started;
    return { verdict: matches(problem.comparator, value, test.expected) ? 'pass' : 'fail', actual: value, stdout, ms };
  } catch (error) {
    const ms = performance.now() - started;
    const message = error instanceof Error ? error.message : String(error);
    const line = error instanceof UserCodeError ? error.line : undefined;
    return { verdict: 'error', stdout: '', error: line === undefined ? { message } : { message, line }, ms };
  }
}
