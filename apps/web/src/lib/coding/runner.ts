/**
 * Runs the candidate's code on tests and judges it. The code runs in a sandbox (an opaque-origin iframe with
 * a worker, one per language, kept alive between runs); only each test's input goes in, and the output that
 * comes back is judged here, in the page (judge.ts). Every call has the problem's time limit for the language,
 * calibrated on the reference solutions: the page times each call, from its request to the reply (the
 * candidate's code shares the worker's clock and messages, never the page's), and a call still running a
 * little after the limit ends its sandbox. A time-out is confirmed once in a fresh sandbox before it is Time
 * Limit Exceeded, and said to be the machine's when the page's calibration loop (machine.ts) then runs slow.
 */
import type { ConfirmationBody } from '@mockloop/contracts';
import { PYTHON_LOAD_MARKS } from '@mockloop/contracts/sandbox';
import { MAX_LOAD_SCALE } from '@mockloop/question-bank/harness/calibration-loop';
import { stubSource } from '@mockloop/question-bank/harness/stub';
import type { Problem } from '@mockloop/question-bank/harness/types';
import type { LadderWorker } from '@mockloop/question-bank/performance/ladder';
import { MachineProbe } from './machine.ts';
import { keepPythonSnapshot, prefetchSandbox } from './sandbox/assets.ts';
import { Sandbox } from './sandbox/host.ts';
import type { CodeError, SandboxLanguage } from './sandbox/protocol.ts';
import type { SandboxResponse } from './sandbox/responses.ts';
import {
  judgeCases,
  type CallReply,
  type Caller,
  type CaseResult,
  type JudgeCase,
  type Judged,
  type JudgeOptions
} from './judge.ts';

export type Language = SandboxLanguage;
export type { CaseResult, Judged };
export type ConfirmationOutcome = ConfirmationBody['outcomes'][number];

/** What the runner needs of a problem: its signature and, once calibrated, its time limits. */
export interface RunnableProblem {
  signature: unknown;
  timeLimitMs?: { javascript: number; python: number };
}

/** The limit of a problem snapshotted before limits were calibrated. */
export const DEFAULT_TIME_LIMIT_MS = 2000;
/** How long past the limit a call may run before its sandbox is ended: the message's trip, not the code. */
const KILL_AFTER_LIMIT_MS = 500;
/** Loading Python the first time takes seconds; that is not the candidate's code running. */
const LOAD_LIMIT_MS = 120_000;

/**
 * Where a language's runtime is in loading: Python's takes seconds, so the page shows it, and what it waits for
 * when a fresh one replaces the last (`restarting`: after a time-out, or for the performance tests' fresh worker)
 * and the warm spare is not ready yet.
 */
export type RuntimeProgress =
  | { stage: 'downloading'; bytes: number }
  | { stage: 'starting' }
  | { stage: 'restarting'; why: RestartReason }
  | { stage: 'ready' }
  | { stage: 'failed' };

/** Why a language's sandbox was replaced by a fresh one. */
export type RestartReason = 'timeout' | 'performance';

/** How long after Python is first ready its warm spare starts loading: the first Run is not slowed by it. */
export const SPARE_DELAY_MS = 3000;

export function timeLimitFor(problem: RunnableProblem, language: Language): number {
  return problem.timeLimitMs?.[language === 'python' ? 'python' : 'javascript'] ?? DEFAULT_TIME_LIMIT_MS;
}

function failure(response: SandboxResponse): CodeError {
  if (response.type === 'failed') return { message: response.message };
  if (response.type === 'called' && response.error) return response.error;
  return { message: 'No result.' };
}

type Entry = { sandbox: Sandbox; loaded: Promise<void>; ready: boolean };

export class CodeRunner {
  private readonly sandboxes = new Map<Language, Entry>();
  /**
   * Python's warm spare: a second sandbox loaded in the background and kept ready, so a time-out (which ends the
   * sandbox) or the performance tests' fresh worker does not wait seconds for Pyodide; the next spare starts
   * loading as soon as one is taken.
   */
  private spare: Entry | null = null;
  private spareTimer: ReturnType<typeof setTimeout> | null = null;
  /** Why Python's sandbox is being replaced, for the progress the page shows. */
  private restartReason: RestartReason = 'timeout';
  private disposed = false;
  private readonly machine = new MachineProbe();

  /** `onProgress` hears each runtime's loading, from the download of its files to ready or failed. */
  constructor(private readonly onProgress?: (language: Language, progress: RuntimeProgress) => void) {
    prefetchSandbox();
  }

  /** A new sandbox loading; its progress is reported only while it is the language's active one. */
  private startSandbox(language: Language, first: boolean): Entry {
    const python = language === 'python';
    const active = () => this.sandboxes.get(language) === entry;
    const report = (progress: RuntimeProgress) => {
      if (active()) this.onProgress?.(language, progress);
    };
    if (python && first) performance.mark(PYTHON_LOAD_MARKS.start);
    // A restart's download and start are one wait, said once.
    const sandbox = new Sandbox(language, first ? report : undefined);
    const loaded = sandbox.request({ type: 'load' }, LOAD_LIMIT_MS).then((response) => {
      if (response === 'timeout' || response.type !== 'loaded') {
        sandbox.destroy();
        report({ stage: 'failed' });
        throw new Error(`Could not load ${language}.`);
      }
      entry.ready = true;
      if (response.snapshot) keepPythonSnapshot(response.snapshot);
      // Said by the sandbox (untrusted): a mark for the tests and the benchmark, never a verdict.
      if (python && response.restored) performance.mark(PYTHON_LOAD_MARKS.restored);
      if (python && first) performance.mark(PYTHON_LOAD_MARKS.ready);
      report({ stage: 'ready' });
      if (python) this.keepSpare(first ? SPARE_DELAY_MS : 0);
    });
    const entry: Entry = { sandbox, loaded, ready: false };
    return entry;
  }

  /** Starts Python's warm spare after `delayMs`, unless one is there already. */
  private keepSpare(delayMs: number): void {
    if (this.disposed || this.spare?.sandbox.alive || this.spareTimer) return;
    this.spareTimer = setTimeout(() => {
      this.spareTimer = null;
      if (this.disposed || this.spare?.sandbox.alive) return;
      this.spare = this.startSandbox('python', false);
      this.spare.loaded.catch(() => (this.spare = null));
    }, delayMs);
  }

  private sandboxFor(language: Language): Entry {
    const current = this.sandboxes.get(language);
    if (current?.sandbox.alive) return current;
    const spare = language === 'python' && this.spare?.sandbox.alive ? this.spare : null;
    const entry = spare ?? this.startSandbox(language, !current);
    if (spare) this.spare = null;
    this.sandboxes.set(language, entry);
    if (current && language === 'python') {
      // A replacement: say what it waits for until it is ready, and have the next spare loading.
      if (!entry.ready) this.onProgress?.(language, { stage: 'restarting', why: this.restartReason });
      else this.onProgress?.(language, { stage: 'ready' });
      this.restartReason = 'timeout';
      if (entry.ready) this.keepSpare(0);
    }
    return entry;
  }

  /** Loads the language's runtime (Pyodide for Python) before any test is timed. */
  load(language: Language): Promise<void> {
    return this.sandboxFor(language).loaded;
  }

  /**
   * Judges the cases in order (judge.ts): compiled once, stopped at the first Time Limit Exceeded. What is
   * judged is plain data: the caller passes snapshots, never the page's reactive proxies.
   */
  async judge(
    language: Language,
    code: string,
    problem: RunnableProblem,
    cases: JudgeCase[],
    onResult?: (index: number, result: CaseResult) => void,
    options: JudgeOptions & { measureMachine?: boolean } = {}
  ): Promise<Judged> {
    // Submit first times the calibration loop: its best time here is what a busy moment is measured against.
    if (options.measureMachine) await this.machine.baseline();
    return judgeCases(this.caller(language, code, problem), cases, onResult, options);
  }

  /** The code in the language's sandbox under the problem's limit, a fresh sandbox after each time-out. */
  caller(language: Language, code: string, problem: RunnableProblem): Caller {
    const limitMs = timeLimitFor(problem, language);
    const { signature } = problem;
    const send = async (
      message: { type: 'prepare' } | { type: 'call'; input: unknown; vary?: number },
      limit = limitMs
    ) => {
      const { sandbox, loaded } = this.sandboxFor(language);
      try {
        await loaded;
      } catch (error) {
        return { response: { id: 0, type: 'failed', message: (error as Error).message } as const, ms: 0 };
      }
      const started = performance.now();
      const response = await sandbox.request({ ...message, code, signature }, limit + KILL_AFTER_LIMIT_MS);
      return { response, ms: performance.now() - started };
    };
    /** One call under `limit`, timed here, from the request to the reply. */
    const once = async (input: unknown, vary?: number, limit = limitMs): Promise<CallReply> => {
      const message = vary === undefined ? { type: 'call' as const, input } : { type: 'call' as const, input, vary };
      const { response, ms } = await send(message, limit);
      if (response === 'timeout') return { kind: 'timeout', ms };
      if (response.type !== 'called') return { kind: 'error', error: failure(response), stdout: '', ms };
      // The worker runs the candidate's code, which can replace its clock or its messages: no time it reports
      // is read.
      if (ms > limit) return { kind: 'timeout', ms };
      if (!response.ok) return { kind: 'error', error: failure(response), stdout: response.stdout, ms };
      return { kind: 'result', value: response.value ?? null, stdout: response.stdout, ms };
    };
    const restart = () => {
      this.sandboxes.get(language)?.sandbox.destroy();
      // Python's next sandbox takes over now (the warm spare, when it is ready), not when the next run asks.
      if (language === 'python') void this.load(language).catch(() => {});
    };
    const machine = this.machine;
    return {
      limitMs,
      ladder: () => this.ladderWorker(language, code, problem),
      async prepare() {
        const { response } = await send({ type: 'prepare' });
        if (response === 'timeout') return 'timeout';
        if (response.type === 'prepared') return response.error ?? null;
        return failure(response);
      },
      async call(input, vary): Promise<CallReply> {
        const first = await once(input, vary);
        if (first.kind !== 'timeout') return first;
        // A time-out is confirmed before it is reported. The sandbox goes (nothing of the code runs beside the
        // loop), the machine's load is measured, and the call runs once more in a fresh sandbox (a new heap, no
        // JIT warmed by earlier tests) with the limit scaled by the measured slowdown when the machine is busy:
        // the limit in calibration units. Over it even so is the code's time-out; a machine too slow to scale
        // for is not judged.
        restart();
        const { slowdown, busy } = await machine.load();
        if (busy && slowdown > MAX_LOAD_SCALE) return { kind: 'busy', ms: first.ms, slowdown };
        const allowedMs = busy ? Math.round(limitMs * slowdown) : limitMs;
        const prepared = await send({ type: 'prepare' });
        if (prepared.response === 'timeout' || prepared.response.type !== 'prepared' || prepared.response.error)
          return first;
        const second = await once(input, vary, allowedMs);
        if (second.kind !== 'timeout') return second;
        restart();
        return allowedMs > limitMs ? { ...second, allowedMs } : second;
      }
    };
  }

  /**
   * The sandbox as the performance ladder drives it (`@mockloop/question-bank/performance/ladder`): a fresh sandbox
   * on restart; the calibration loop timed in the sandbox's worker and in the page's own probe at that moment, the
   * faster counting (the candidate's code shares the worker, so it could only slow its loop there, never speed
   * it); calls timed here, the do-nothing solution's (`stub`) run where none of the candidate's code has run yet.
   */
  ladderWorker(language: Language, code: string, problem: RunnableProblem): LadderWorker {
    const { signature } = problem;
    const stub = stubSource(language, { signature } as Problem);
    // What the sandbox has compiled, so a call's time is the call's, not the compilation's.
    let compiled: { sandbox: Sandbox; code: string } | null = null;
    return {
      restart: async () => {
        this.restartReason = 'performance';
        this.sandboxes.get(language)?.sandbox.destroy();
      },
      loop: async () => {
        const { sandbox, loaded } = this.sandboxFor(language);
        await loaded;
        let inWorker = Infinity;
        for (let i = 0; i < 2; i++) {
          const started = performance.now();
          const reply = await sandbox.request({ type: 'loop' }, LOAD_LIMIT_MS);
          if (reply !== 'timeout' && reply.type === 'looped')
            inWorker = Math.min(inWorker, performance.now() - started);
        }
        return Math.min(inWorker, await this.machine.measure());
      },
      call: async (input, options, limitMs) => {
        const { sandbox, loaded } = this.sandboxFor(language);
        try {
          await loaded;
        } catch (error) {
          return { kind: 'error', ms: 0, error: { message: (error as Error).message } };
        }
        const wanted = options.stub ? stub : code;
        if (compiled?.sandbox !== sandbox || compiled.code !== wanted) {
          const prepared = await sandbox.request({ type: 'prepare', code: wanted, signature }, LOAD_LIMIT_MS);
          if (prepared === 'timeout') return { kind: 'timeout', ms: limitMs };
          if (prepared.type !== 'prepared' || prepared.error)
            return { kind: 'error', ms: 0, error: prepared.type === 'prepared' ? prepared.error! : failure(prepared) };
          compiled = { sandbox, code: wanted };
        }
        const started = performance.now();
        const response = await sandbox.request(
          {
            type: 'call',
            code: wanted,
            signature,
            input,
            ...(options.vary === undefined ? {} : { vary: options.vary }),
            ...(options.repeat === undefined ? {} : { repeat: options.repeat })
          },
          limitMs
        );
        const ms = performance.now() - started;
        if (response === 'timeout' || ms > limitMs) {
          sandbox.destroy();
          return { kind: 'timeout', ms };
        }
        if (response.type !== 'called' || !response.ok)
          return {
            kind: 'error',
            ms,
            error: failure(response),
            stdout: response.type === 'called' ? response.stdout : ''
          };
        return { kind: 'result', value: response.value ?? null, ms, stdout: response.stdout };
      }
    };
  }

  /**
   * The code's output on each input, judged nowhere here: a reviewer's browser sends these to the server, which
   * holds the expected outputs of the confirmation tests.
   */
  async outputs(
    language: Language,
    code: string,
    problem: RunnableProblem,
    inputs: unknown[]
  ): Promise<ConfirmationOutcome[]> {
    const caller = this.caller(language, code, problem);
    const outcomes: ConfirmationOutcome[] = [];
    for (const input of inputs) {
      const reply = await caller.call(input);
      outcomes.push(
        reply.kind === 'timeout' || reply.kind === 'busy'
          ? { kind: 'timeout' }
          : reply.kind === 'result'
            ? { kind: 'output', value: reply.value }
            : { kind: 'error', message: reply.error.message }
      );
    }
    return outcomes;
  }

  dispose(): void {
    this.disposed = true;
    if (this.spareTimer) clearTimeout(this.spareTimer);
    this.spare?.sandbox.destroy();
    this.spare = null;
    for (const { sandbox } of this.sandboxes.values()) sandbox.destroy();
    this.sandboxes.clear();
    this.machine.dispose();
  }
}
