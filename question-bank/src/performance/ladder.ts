/**
 * Times a problem's performance ladder and judges it by growth (`growth.ts`), the same way in Node (`node-judge.ts`)
 * and in the page (`apps/web/src/lib/coding/runner.ts`), each behind `LadderWorker`. In a fresh worker, before the
 * candidate's code is loaded there, a stub runs on each rung's input (the harness's own time); then each rung runs
 * between two timings of the calibration loop in that worker (the slower counts), stopped once it is past what the
 * rule allows it, and the ladder ends at the first rung over its allowance. A ladder
 * that fails is timed once more in a fresh worker, and each rung keeps the faster of its two times, so one slow
 * moment of a shared machine is not a verdict.
 */
import type { CallOptions } from '../harness/types.ts';
import { allowedLoops, judgeGrowth, loopsOf, type Complexity, type GrowthVerdict, type RungTiming } from './growth.ts';

export type LadderCallOptions = CallOptions & { stub?: boolean };

export type LadderReply =
  | { kind: 'result'; value: unknown; ms: number; stdout?: string }
  | { kind: 'timeout'; ms: number }
  | { kind: 'error'; ms: number; error: { message: string; line?: number; column?: number }; stdout?: string };

/** One worker of one language, timed from outside it. */
export interface LadderWorker {
  /** Ends the worker: the next request starts a fresh one, with nothing of the candidate's code in it. */
  restart(): Promise<void>;
  /** The calibration loop timed in the worker now, ms. */
  loop(): Promise<number>;
  /**
   * One call of the candidate's code (or, with `stub`, of the do-nothing solution, `harness/stub.ts`), timed from
   * outside the worker, stopped past `limitMs`.
   */
  call(input: unknown, options: LadderCallOptions, limitMs: number): Promise<LadderReply>;
}

export interface Rung {
  n: number;
  input(): { input: unknown; vary?: number };
  repeat?: number;
  /** Whether the output is right (judged outside the worker). */
  judge(actual: unknown): boolean | Promise<boolean>;
}

export interface RungResult {
  verdict: 'pass' | 'fail' | 'error' | 'timeout' | 'notRun';
  ms: number;
  loops?: number;
  actual?: unknown;
  stdout?: string;
  error?: { message: string; line?: number; column?: number };
}

export interface LadderOutcome {
  results: RungResult[];
  /** The growth verdict on the rungs that ran; absent when a rung failed otherwise (wrong answer, error). */
  growth?: GrowthVerdict;
  timings: RungTiming[];
}

/** How long past its allowance a call may run before it is stopped: the message's trip, not the code's. */
export const KILL_SLACK_MS = 300;

/** How many times the do-nothing solution runs on each rung's input: its best time is the harness's. */
export const HARNESS_RUNS = 3;

/**
 * How many timings of the loop make the one a rung is measured in, before it and after it: their median, so one
 * moment's stall in a 12 ms sample does not stand for a whole rung. With one sample, a stall just after a 5 s
 * rung (a quadratic's, at load 10 on 2 cores) counted the whole rung four times too fast, and Submit accepted it.
 */
export const LOOP_SAMPLES = 3;

async function steadyLoop(worker: LadderWorker): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < LOOP_SAMPLES; i++) times.push(await worker.loop());
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** A rung below the last one runs twice, and up to this many times if shorter than SHORT_LOOPS (its fastest counts). */
export const BASE_RUNS = 3;
const SHORT_LOOPS = 5;

interface Timed {
  timings: RungTiming[];
  results: RungResult[];
}

async function timeOnce(
  worker: LadderWorker,
  complexity: Complexity,
  limitLoops: number,
  rungs: Rung[],
  inputs: { input: unknown; vary?: number }[]
): Promise<Timed> {
  await worker.restart();
  const options = (i: number): CallOptions => ({
    ...(inputs[i]!.vary === undefined ? {} : { vary: inputs[i]!.vary }),
    ...(rungs[i]!.repeat ? { repeat: rungs[i]!.repeat } : {})
  });
  // The harness alone on each input, in the fresh worker, before the candidate's code is there: the best of a
  // few runs (noise only adds time, and a time too high would be taken off the candidate's).
  const harness: number[] = [];
  for (const [i] of rungs.entries()) {
    let best = Infinity;
    for (let run = 0; run < HARNESS_RUNS; run++) {
      const stub = await worker.call(inputs[i]!.input, { ...options(i), stub: true }, 600_000);
      best = Math.min(best, stub.kind === 'result' ? stub.ms : 0);
    }
    harness.push(best);
  }
  const timings: RungTiming[] = [];
  const results: RungResult[] = [];
  let previous: { n: number; loops: number } | null = null;
  for (const [i, rung] of rungs.entries()) {
    const loopMs = await steadyLoop(worker);
    const allowed = allowedLoops(complexity, limitLoops, previous, rung.n);
    const limitMs = allowed * loopMs + harness[i]! + KILL_SLACK_MS;
    const reply = await worker.call(inputs[i]!.input, options(i), limitMs);
    // The loop again after the rung: a machine that got busier meanwhile slowed the rung too, so the slower of the
    // two is what the rung's time is worth (the candidate's code cannot reach the page's loop).
    const loopAfter = reply.kind === 'timeout' ? loopMs : await steadyLoop(worker);
    let timing: RungTiming = {
      n: rung.n,
      ms: reply.kind === 'timeout' ? Infinity : reply.ms,
      harnessMs: harness[i]!,
      loopMs: Math.max(loopMs, loopAfter)
    };
    // A rung that the next is measured against is timed again and keeps its fastest time, a short one up to
    // BASE_RUNS times: its first call pays the engine's warm-up (3Sum's cubic took 4.4 ns a step cold at n = 750,
    // 2.2 warm at n = 3,000, which halved its growth), and a moment's preemption of a short call would otherwise
    // allow the next rung that much more.
    for (let again = 1; again < BASE_RUNS && reply.kind === 'result' && i < rungs.length - 1; again++) {
      if (again > 1 && loopsOf(timing) > SHORT_LOOPS) break;
      const before = await worker.loop();
      const retry = await worker.call(inputs[i]!.input, options(i), limitMs);
      if (retry.kind !== 'result') break;
      const after = await worker.loop();
      const next = { ...timing, ms: retry.ms, loopMs: Math.max(before, after) };
      if (loopsOf(next) < loopsOf(timing)) timing = next;
    }
    timings.push(timing);
    const loops = loopsOf(timing);
    if (reply.kind === 'timeout') {
      results.push({ verdict: 'timeout', ms: reply.ms, loops });
      break;
    }
    if (reply.kind === 'error') {
      results.push({ verdict: 'error', ms: reply.ms, error: reply.error, stdout: reply.stdout ?? '' });
      break;
    }
    const right = await rung.judge(reply.value);
    results.push({
      verdict: right ? 'pass' : 'fail',
      ms: reply.ms,
      loops,
      stdout: reply.stdout ?? '',
      ...(right ? {} : { actual: reply.value })
    });
    if (!right) break;
    // A rung that finished over its allowance (inside the kill's slack, or faster than its limit but past the
    // growth its class allows) already fails the ladder: the rungs above it would run to allowances counted from
    // its own too-long time (a sort per findMedian ran its last rung for 16 s, twice, after failing the one before).
    if (!(loops <= allowed)) break;
    previous = { n: rung.n, loops };
  }
  return { timings, results };
}

/**
 * Runs the ladder: every rung in order, stopped at the first that fails; over its allowance is Time Limit
 * Exceeded once a second timing in a fresh worker agrees.
 */
export async function runLadder(
  worker: LadderWorker,
  complexity: Complexity,
  limitLoops: number,
  rungs: Rung[]
): Promise<LadderOutcome> {
  const inputs = rungs.map((r) => r.input());
  const notRun = (from: number): RungResult[] => rungs.slice(from).map(() => ({ verdict: 'notRun', ms: 0 }));
  const failed = (timed: Timed) => timed.results.some((r) => r.verdict === 'fail' || r.verdict === 'error');
  const first = await timeOnce(worker, complexity, limitLoops, rungs, inputs);
  if (failed(first)) return { results: [...first.results, ...notRun(first.results.length)], timings: first.timings };
  const growth = judgeGrowth(complexity, limitLoops, first.timings);
  if (growth.ok) return { results: first.results, growth, timings: first.timings };
  const second = await timeOnce(worker, complexity, limitLoops, rungs, inputs);
  if (failed(second))
    return { results: [...second.results, ...notRun(second.results.length)], timings: second.timings };
  // Each rung at the faster of its two timings, in loops (noise only ever adds time); a rung one timing stopped
  // before is as the other timed it.
  const timings: RungTiming[] = [];
  for (let i = 0; i < Math.max(first.timings.length, second.timings.length); i++) {
    const a = first.timings[i];
    const b = second.timings[i];
    timings.push(a && b ? (loopsOf(a) <= loopsOf(b) ? a : b) : (a ?? b)!);
  }
  const confirmed = judgeGrowth(complexity, limitLoops, timings);
  // A rung stopped at its allowance has no time of its own (Infinity to the rule): the time it was stopped at.
  const ms = (i: number) => {
    const timed = timings[i]?.ms ?? 0;
    return Number.isFinite(timed) ? timed : Math.max(first.results[i]?.ms ?? 0, second.results[i]?.ms ?? 0);
  };
  if (confirmed.ok) {
    // Every rung's output was judged right in one of the two timings.
    const results = rungs.map((_, i): RungResult => ({ verdict: 'pass', ms: ms(i), loops: loopsOf(timings[i]!) }));
    return { results, growth: confirmed, timings };
  }
  const results: RungResult[] = rungs.map((_, i): RungResult => {
    if (i < confirmed.index) return { verdict: 'pass', ms: ms(i), loops: loopsOf(timings[i]!) };
    if (i === confirmed.index) return { verdict: 'timeout', ms: ms(i), loops: confirmed.loops };
    return { verdict: 'notRun', ms: 0 };
  });
  return { results, growth: confirmed, timings };
}
