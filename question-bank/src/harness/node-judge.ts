/**
 * Judges a whole solution in Node the way Submit does in the browser: examples, hidden tests, then performance
 * tests, stopping at the first test that does not pass. The examples and hidden tests each have the problem's
 * limit in calibration loops (the loop timed in the runner's thread first); the performance tests are a ladder
 * judged by growth (`performance/ladder.ts`), or, for a problem without a declared class, each under the limit.
 */
import { candidateTests } from '../confirmation.ts';
import type { CodingQuestion } from '../schema.ts';
import { describeGrowth, type GrowthVerdict } from '../performance/growth.ts';
import { runLadder, type LadderWorker } from '../performance/ladder.ts';
import { generate, judgePerformance } from '../performance/index.ts';
import { matches } from './compare.ts';
import type { NodeRunner, RunFailure } from './node-runner.ts';
import { stubSource } from './stub.ts';

export interface NodeVerdict {
  passed: number;
  total: number;
  /** The first test that did not pass, and how. */
  failure?: { test: string; verdict: 'wrong answer' | 'error' | 'time limit exceeded'; detail: string };
  /** The slowest test's time, in ms (of the examples and hidden tests when the ladder is judged by growth). */
  slowestMs: number;
  /** The limit the examples and hidden tests had, ms. */
  limitMs: number;
  /** The performance ladder's verdict by growth, when the problem declares its class. */
  growth?: GrowthVerdict;
}

const languageKey = (language: string) => (language === 'python' ? 'python' : 'javascript');

export function timeLimitFor(problem: Pick<CodingQuestion, 'performance'>, language: string): number {
  return problem.performance.timeLimitMs[languageKey(language)];
}

/** Whether the problem's performance tests are a ladder judged by growth: a declared class, loop limits, sizes. */
export function judgedByGrowth(problem: Pick<CodingQuestion, 'performance' | 'complexity'>): boolean {
  const { tests, limitLoops } = problem.performance;
  return !!problem.complexity && !!limitLoops && tests.length > 0 && tests.every((t) => t.n !== undefined);
}

/** The runner as the ladder drives it: the stub's code or the candidate's prepared as the call needs. */
export function ladderWorker(runner: NodeRunner, problem: CodingQuestion, code: string): LadderWorker {
  const stub = stubSource(runner.language, problem);
  let loaded: string | null = null;
  return {
    async restart() {
      await runner.restart();
      loaded = null;
    },
    loop: () => runner.loop(),
    async call(input, options, limitMs) {
      const { stub: isStub, ...callOptions } = options;
      const wanted = isStub ? stub : code;
      if (loaded !== wanted) {
        const failed = await runner.prepare(wanted, problem);
        if (failed)
          return failed.kind === 'timeout' ? { kind: 'timeout', ms: limitMs } : { kind: 'error', ms: 0, error: failed };
        loaded = wanted;
      }
      const outcome = await runner.run(input, limitMs, callOptions);
      // A time-out ends the thread: what is loaded next is loaded afresh.
      if (outcome.kind !== 'result') loaded = null;
      if (outcome.kind === 'timeout') return { kind: 'timeout', ms: limitMs };
      if (outcome.kind === 'error') return { kind: 'error', ms: 0, error: outcome };
      return { kind: 'result', value: outcome.value, ms: outcome.ms };
    }
  };
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
  const byGrowth = judgedByGrowth(problem);
  const limitLoops = problem.performance.limitLoops?.[languageKey(runner.language)];
  // The limit in calibration loops, as the loop runs in the runner's thread now.
  const limitMs = limitLoops ? Math.round(limitLoops * (await runner.loop())) : timeLimitFor(problem, runner.language);
  const cases = [
    ...[...problem.examples, ...(options.submit ? candidateTests(problem) : problem.hiddenTests)].map((test, i) => ({
      name: `test ${i + 1}${test.note ? ` (${test.note})` : ''}`,
      input: test.input,
      vary: undefined as number | undefined,
      repeat: undefined as number | undefined,
      judge: async (actual: unknown) => matches(problem.comparator, actual, test.expected)
    })),
    ...(byGrowth ? [] : problem.performance.tests).map((test, i) => {
      const { input, vary } = generate(problem.id, test);
      return {
        name: `performance test ${i + 1} (${test.note})`,
        input,
        vary,
        repeat: test.repeat,
        judge: (actual: unknown) => judgePerformance(problem.comparator, test, actual)
      };
    })
  ];
  const total = cases.length + (byGrowth ? problem.performance.tests.length : 0);
  const verdict: NodeVerdict = { passed: 0, total, slowestMs: 0, limitMs };
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
    const callOptions = {
      ...(test.vary === undefined ? {} : { vary: test.vary }),
      ...(test.repeat ? { repeat: test.repeat } : {})
    };
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
  if (!byGrowth) return verdict;
  const complexity = problem.complexity!;
  const tests = problem.performance.tests;
  const ladder = await runLadder(
    ladderWorker(runner, problem, code),
    complexity,
    limitLoops!,
    tests.map((test) => ({
      n: test.n!,
      input: () => generate(problem.id, test),
      ...(test.repeat ? { repeat: test.repeat } : {}),
      judge: (actual: unknown) => judgePerformance(problem.comparator, test, actual)
    }))
  );
  verdict.growth = ladder.growth;
  for (const [i, result] of ladder.results.entries()) {
    const name = `performance test ${i + 1} (${tests[i]!.note})`;
    if (result.verdict === 'pass') {
      verdict.passed++;
      continue;
    }
    if (result.verdict === 'notRun') continue;
    const detail =
      result.verdict === 'timeout'
        ? ladder.growth
          ? describeGrowth(
              complexity,
              ladder.growth,
              tests.map((t) => t.n!)
            )
          : 'over its allowance'
        : result.verdict === 'error'
          ? (result.error?.message ?? 'error')
          : (JSON.stringify(result.actual)?.slice(0, 200) ?? 'undefined');
    const words = { timeout: 'time limit exceeded', error: 'error', fail: 'wrong answer' } as const;
    verdict.failure = { test: name, verdict: words[result.verdict], detail };
    break;
  }
  return verdict;
}
