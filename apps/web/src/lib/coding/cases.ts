/**
 * The cases Run and Submit judge: the examples and custom input (Run), the hidden tests and then the
 * performance tests (Submit). A performance test arrives as a seed and sizes; its large input is generated
 * here, in the trusted page, from the same generator the suite calibrated the time limit with, and its
 * output is judged here against the kept value or its digest.
 */
import type { PerformanceTest } from '@mockloop/contracts';
import { matches } from '@mockloop/question-bank/harness/compare';
import { generate, judgePerformance } from '@mockloop/question-bank/performance';
import type { JudgeCase } from './judge.ts';

export type PerformanceSpec = Pick<PerformanceTest, 'seed' | 'params' | 'note' | 'expected' | 'expectedSha256'>;

export function testCases(
  comparator: string,
  tests: { input: unknown; expected: unknown }[],
  label: (index: number) => string
): JudgeCase[] {
  return tests.map((test, i) => ({
    label: label(i),
    input: () => ({ input: test.input }),
    expected: test.expected,
    judge: (actual) => matches(comparator, actual, test.expected)
  }));
}

/** The candidate's own input: no expected output, so it shows what came out and is never "wrong". */
export function customCase(input: unknown): JudgeCase {
  return { label: 'Your input', input: () => ({ input }) };
}

export function performanceCases(problemId: string, comparator: string, tests: PerformanceSpec[]): JudgeCase[] {
  return tests.map((test, i) => ({
    label: `Performance test ${i + 1} (${test.note})`,
    input: () => generate(problemId, test),
    ...(test.expected === undefined ? {} : { expected: test.expected }),
    judge: (actual) => judgePerformance(comparator, test, actual)
  }));
}
