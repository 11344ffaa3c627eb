/**
 * The cases Run and Submit judge: the examples and custom input (Run), the hidden tests and then the
 * performance tests (Submit). A performance test arrives as a seed and sizes; its large input is generated
 * here, in the trusted page, from the same generator the suite calibrated the time limit with, and its
 * output is judged here against the kept value or its digest.
 */
import type { PerformanceTest } from '@mockloop/contracts';
import { matches } from '@mockloop/question-bank/harness/compare';
import { generate, judgePerformance } from '@mockloop/question-bank/performance';
import type { Complexity } from '@mockloop/question-bank/performance/growth';
import type { JudgeCase, LadderCases } from './judge.ts';

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

/**
 * The performance tests as one ladder judged by growth, when the problem declares its class and its limit in
 * calibration loops and every test names its size; otherwise null (a snapshot taken before: each test is then
 * judged under the time limit alone).
 */
export function ladderCases(
  problemId: string,
  comparator: string,
  tests: (PerformanceSpec & { n?: number; repeat?: number })[],
  problem: { complexity?: Complexity; limitLoops?: { javascript: number; python: number } },
  language: 'javascript' | 'typescript' | 'python'
): LadderCases | null {
  const { complexity, limitLoops } = problem;
  if (!complexity || !limitLoops || tests.length === 0 || tests.some((t) => t.n === undefined)) return null;
  return {
    complexity,
    limitLoops: limitLoops[language === 'python' ? 'python' : 'javascript'],
    rungs: tests.map((test, i) => ({
      label: `Performance test ${i + 1} (${test.note})`,
      n: test.n!,
      ...(test.repeat === undefined ? {} : { repeat: test.repeat }),
      ...(test.expected === undefined ? {} : { expected: test.expected }),
      input: () => generate(problemId, test),
      judge: (actual: unknown) => judgePerformance(comparator, test, actual)
    }))
  };
}
