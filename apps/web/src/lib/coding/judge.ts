/**
 * Judges a list of test cases in the trusted page, the way Run and Submit do: the code is compiled once (a
 * compile error is the one result, not one per test), each case runs under the time limit, and the first Time
 * Limit Exceeded stops the run: the cases after it are "not run", as on LeetCode (and so does a failing example
 * on Submit: `JudgeOptions.gate`). A case that did not pass keeps
 * what went in, what was expected and what came out, for the page to show. No DOM here: the sandbox is behind
 * `Caller` (runner.ts), so the rules are tested in Node (judge.test.ts).
 */
import type { SubmittedVerdict } from '@mockloop/contracts';
import { describeGrowth, type Complexity } from '@mockloop/question-bank/performance/growth';
import { runLadder, type LadderWorker, type Rung } from '@mockloop/question-bank/performance/ladder';
import type { CodeError } from './sandbox/protocol.ts';

/**
 * A submitted test's verdict, `output` for custom input (shown, not judged), or `busy`: over the limit while the
 * machine was busy, so not judged (recorded as not run).
 */
export type Verdict = SubmittedVerdict | 'output' | 'busy';

export interface CaseResult {
  label: string;
  verdict: Verdict;
  /** For a case that did not pass (and custom input): short JSON of the input, expected and actual output. */
  shown?: { input: string; expected?: string; actual?: string };
  stdout: string;
  error?: CodeError;
  ms: number;
}

export interface JudgeCase {
  label: string;
  /** The call's input, made when the case runs (a performance test's large input is generated then). */
  input(): { input: unknown; vary?: number };
  /** What is shown as expected when the case fails (absent for custom input and digests). */
  expected?: unknown;
  /** Whether the output is right; absent for custom input, which shows its output only. */
  judge?(actual: unknown): boolean | Promise<boolean>;
}

export type CallReply =
  | { kind: 'result'; value: unknown; stdout: string; ms: number }
  | { kind: 'error'; error: CodeError; stdout: string; ms: number }
  /** Over the limit; `allowedMs` when the confirming run was given more (the limit scaled by the machine's load). */
  | { kind: 'timeout'; ms: number; allowedMs?: number }
  /** Confirmed over the limit, but the machine's calibration loop ran `slowdown` times slower than its best. */
  | { kind: 'busy'; ms: number; slowdown: number };

/** The candidate's code in its sandbox, under one time limit per call. */
export interface Caller {
  readonly limitMs: number;
  /** Compiles the code: null when it is ready, its error, or 'timeout' (top-level code that never ends). */
  prepare(): Promise<CodeError | 'timeout' | null>;
  call(input: unknown, vary?: number): Promise<CallReply>;
  /** The sandbox as a performance ladder drives it: fresh workers, the calibration loop, stubbed calls. */
  ladder?(): LadderWorker;
}

/**
 * A problem's performance tests as one ladder judged by growth (`@mockloop/question-bank/performance/growth`):
 * the declared class, the first rung's limit in calibration loops, and the rungs, sizes rising.
 */
export interface LadderCases {
  complexity: Complexity;
  limitLoops: number;
  rungs: (Rung & { label: string; expected?: unknown })[];
}

export interface Judged {
  /** The code did not compile: reported once, and every case counts as an error. */
  compileError: CodeError | null;
  results: CaseResult[];
}

/** JSON cut to a length a results panel can show (a performance test's input is megabytes). */
export function preview(value: unknown, limit = 300): string {
  const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length.toLocaleString('en')} characters)` : text;
}

export function timeLimitMessage(limitMs: number, allowedMs?: number): string {
  const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
  return allowedMs && allowedMs > limitMs
    ? `Time Limit Exceeded (${seconds(limitMs)}; ${seconds(allowedMs)} allowed while the machine was busy)`
    : `Time Limit Exceeded (${seconds(limitMs)})`;
}

export function busyMessage(limitMs: number, slowdown: number): string {
  return `Not judged: over ${limitMs / 1000} s twice, but the machine was too busy to allow for (a fixed loop ran ×${slowdown.toFixed(1)} slower than its best here). Submit again when it is idle.`;
}

const notRun = (label: string): CaseResult => ({ label, verdict: 'notRun', stdout: '', ms: 0 });

async function judgeOne(caller: Caller, test: JudgeCase): Promise<CaseResult> {
  const { input, vary } = test.input();
  const reply = await caller.call(input, vary);
  const base = { label: test.label, ms: reply.ms };
  const shown = (actual?: unknown) => ({
    input: preview(input),
    ...(test.expected === undefined ? {} : { expected: preview(test.expected) }),
    ...(actual === undefined ? {} : { actual: preview(actual) })
  });
  if (reply.kind === 'timeout') {
    const message = timeLimitMessage(caller.limitMs, reply.allowedMs);
    return { ...base, verdict: 'timeout', stdout: '', error: { message } };
  }
  if (reply.kind === 'busy') {
    const message = busyMessage(caller.limitMs, reply.slowdown);
    return { ...base, verdict: 'busy', stdout: '', error: { message } };
  }
  if (reply.kind === 'error')
    return { ...base, verdict: 'error', stdout: reply.stdout, error: reply.error, shown: shown() };
  if (!test.judge) return { ...base, verdict: 'output', stdout: reply.stdout, shown: shown(reply.value) };
  if (await test.judge(reply.value)) return { ...base, verdict: 'pass', stdout: reply.stdout };
  return { ...base, verdict: 'fail', stdout: reply.stdout, shown: shown(reply.value) };
}

export interface JudgeOptions {
  /**
   * The first `gate` cases (Submit's examples) must all pass for the rest to run: a solution that fails an example
   * the candidate was shown is not judged further, as LeetCode stops at a submission's first failing test.
   */
  gate?: number;
  /** The performance tests, judged after the cases as a ladder by growth when the sandbox can drive one. */
  ladder?: LadderCases;
}

export async function judgeCases(
  caller: Caller,
  cases: JudgeCase[],
  onResult?: (index: number, result: CaseResult) => void,
  options: JudgeOptions = {}
): Promise<Judged> {
  const prepared = await caller.prepare();
  if (prepared !== null && prepared !== 'timeout') {
    const labels = [...cases.map((c) => c.label), ...(options.ladder?.rungs.map((r) => r.label) ?? [])];
    const results = labels.map((label): CaseResult => ({ label, verdict: 'error', stdout: '', ms: 0 }));
    return { compileError: prepared, results };
  }
  const results: CaseResult[] = [];
  let stopped = false;
  for (const [index, test] of cases.entries()) {
    let result: CaseResult;
    if (stopped) result = notRun(test.label);
    else if (prepared === 'timeout' && index === 0) {
      const message = `${timeLimitMessage(caller.limitMs)} while loading the code`;
      result = { label: test.label, verdict: 'timeout', stdout: '', error: { message }, ms: caller.limitMs };
    } else result = await judgeOne(caller, test);
    stopped ||=
      result.verdict === 'timeout' ||
      result.verdict === 'busy' ||
      (index < (options.gate ?? 0) && result.verdict !== 'pass');
    results.push(result);
    onResult?.(index, result);
  }
  const ladder = options.ladder;
  if (ladder) {
    const worker = caller.ladder?.();
    const rows = stopped || !worker ? ladder.rungs.map((r) => notRun(r.label)) : await judgeLadder(worker, ladder);
    for (const row of rows) {
      results.push(row);
      onResult?.(results.length - 1, row);
    }
  }
  return { compileError: null, results };
}

/** The ladder's rungs as result rows: a rung over what the class allows is Time Limit Exceeded, saying why. */
async function judgeLadder(worker: LadderWorker, ladder: LadderCases): Promise<CaseResult[]> {
  const outcome = await runLadder(worker, ladder.complexity, ladder.limitLoops, ladder.rungs);
  const sizes = ladder.rungs.map((r) => r.n);
  return outcome.results.map((result, i): CaseResult => {
    const { label, expected } = ladder.rungs[i]!;
    const base = { label, ms: Number.isFinite(result.ms) ? result.ms : 0, stdout: result.stdout ?? '' };
    if (result.verdict === 'timeout') {
      const why = outcome.growth ? describeGrowth(ladder.complexity, outcome.growth, sizes) : 'over its allowance';
      return { ...base, verdict: 'timeout', error: { message: `Time Limit Exceeded: ${why}` } };
    }
    if (result.verdict === 'error')
      return { ...base, verdict: 'error', ...(result.error ? { error: result.error } : {}) };
    if (result.verdict === 'fail') {
      const shown = {
        input: `(the generated input at n = ${sizes[i]})`,
        ...(expected === undefined ? {} : { expected: preview(expected) }),
        actual: preview(result.actual)
      };
      return { ...base, verdict: 'fail', shown };
    }
    return { ...base, verdict: result.verdict };
  });
}
