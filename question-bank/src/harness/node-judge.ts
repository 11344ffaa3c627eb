/**
 * Judges a whole solution in Node the way Submit does in the browser: examples, hidden tests, then performance
 * tests, each under the problem's time limit, stopping at the first test that does not pass.
 */
import { candidateTests } from '../confirmation.ts';
import type { CodingQuestion } from '../schema.ts';
import { generate, judgePerformance } from '../performance/index.ts';
import { matches } from './compare.ts';
import type { NodeRunner, RunFailure } from './node-runner.ts';

export interface NodeVerdict {
  passed: number;
  total: number;
  /** The first test that did not pass, and how. */
  failure?: { test: string; verdict: 'wrong answer' | 'error' | 'time limit exceeded'; detail: string };
  /** The slowest test's time, in ms. */
  slowestMs: number;
}

export function timeLimitFor(problem: Pick<CodingQuestion, 'performance'>, language: string): number {
  return problem.performance.timeLimitMs[language === 'python' ? 'python' : 'javascript'];
}

export interface JudgeOptions {
  /**
   * Run a test that went over the limit once more before calling it Time Limit Exceeded: for the reference
   * solutions, whose limit is ten times their own time, on a machine other tests share.
   */
  retryTimeouts?: boolean;
  /**
   * Judge only what Submit judges in the browser: the examples, the hidden tests the candidate is sent
   * (`candidateTests`) and the performance tests, not the tests held back for reviewers.
   */
  submit?: boolean;
}

export async function judgeInNode(
  runner: NodeRunner,
  problem: CodingQuestion,
  code: string,
  options: JudgeOptions = {}
): Promise<NodeVerdict> {
  const limitMs = timeLimitFor(problem, runner.language);
  const cases = [
    ...[...problem.examples, ...(options.submit ? candidateTests(problem) : problem.hiddenTests)].map((test, i) => ({
      name: `test ${i + 1}${test.note ? ` (${test.note})` : ''}`,
      input: test.input,
      vary: undefined as number | undefined,
      judge: async (actual: unknown) => matches(problem.comparator, actual, test.expected)
    })),
    ...problem.performance.tests.map((test, i) => {
      const { input, vary } = generate(problem.id, test);
      return {
        name: `performance test ${i + 1} (${test.note})`,
        input,
        vary,
        judge: (actual: unknown) => judgePerformance(problem.comparator, test, actual)
      };
    })
  ];
  const verdict: NodeVerdict = { passed: 0, total: cases.length, slowestMs: 0 };
  const fail = (test: string, outcome: RunFailure): NodeVerdict => ({
    ...verdict,
    failure:
      outcome.kind === 'timeout'
        ? { test, verdict: 'time limit exceeded', detail: `over ${limitMs} ms` }
        : { test, verdict: 'error', detail: outcome.message }
  });
  const prepared = await runner.prepare(code, problem);
  if (prepared) return fail('compile', prepared);
  for (const test of cases) {
    const callOptions = test.vary === undefined ? {} : { vary: test.vary };
    let outcome = await runner.run(test.input, limitMs, callOptions);
    if (outcome.kind === 'timeout' && options.retryTimeouts)
      outcome = await runner.run(test.input, limitMs, callOptions);
    if (outcome.kind !== 'result') return fail(test.name, outcome);
    verdict.slowestMs = Math.max(verdict.slowestMs, outcome.ms);
    if (!(await test.judge(outcome.value))) {
      return {
        ...verdict,
        failure: {
          test: test.name,
          verdict: 'wrong answer',
          detail: JSON.stringify(outcome.value)?.slice(0, 200) ?? 'undefined'
        }
      };
    }
    verdict.passed++;
  }
  return verdict;
}
