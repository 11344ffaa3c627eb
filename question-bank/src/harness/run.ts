/**
 * Runs one test case in two halves that live in different realms: `callCase` runs the candidate's code on a
 * test's input (in the browser, inside the sandbox) and `judgeCase` compares its output with the expected one
 * (in the trusted page, where the expected outputs stay). `runCase` joins them for the Node tests.
 */
import { matches } from './compare.ts';
import type { CallOptions, CallOutcome, PreparedSolution, Problem, TestOutcome } from './types.ts';
import { UserCodeError } from './types.ts';

/** The candidate's code on one input: its output, or the error it raised. Knows nothing of the expected output. */
export async function callCase(
  solution: PreparedSolution,
  input: unknown,
  options: CallOptions = {}
): Promise<CallOutcome> {
  try {
    const { value, stdout } = await solution.call(structuredClone(input), options);
    return { ok: true, value, stdout };
  } catch (error) {
    return { ok: false, stdout: '', error: codeError(error) };
  }
}

/** An error as plain data, with its line and column in the candidate's code when they are known. */
export function codeError(error: unknown): { message: string; line?: number; column?: number } {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof UserCodeError)) return { message };
  return {
    message,
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.column === undefined ? {} : { column: error.column })
  };
}

/** The verdict for one call's outcome, decided outside the realm that ran the code. */
export function judgeCase(
  problem: Pick<Problem, 'comparator'>,
  outcome: CallOutcome,
  expected: unknown,
  ms: number
): TestOutcome {
  if (!outcome.ok) return { verdict: 'error', stdout: outcome.stdout, error: outcome.error, ms };
  const verdict = matches(problem.comparator, outcome.value, expected) ? 'pass' : 'fail';
  return { verdict, actual: outcome.value, stdout: outcome.stdout, ms };
}

export async function runCase(
  solution: PreparedSolution,
  problem: Problem,
  test: { input: unknown; expected: unknown }
): Promise<TestOutcome> {
  const started = performance.now();
  const outcome = await callCase(solution, test.input);
  return judgeCase(problem, outcome, test.expected, performance.now() - started);
}
