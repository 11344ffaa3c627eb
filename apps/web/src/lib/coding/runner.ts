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
import { MachineProbe } from './machine.ts';
import { prefetchSandbox } from './sandbox/assets.ts';
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

/** Where a language's runtime is in loading: Python's takes seconds, so the page shows it. */
export type RuntimeProgress =
  { stage: 'downloading'; bytes: number } | { stage: 'starting' } | { stage: 'ready' } | { stage: 'failed' };

export function timeLimitFor(problem: RunnableProblem, language: Language): number {
  return problem.timeLimitMs?.[language === 'python' ? 'python' : 'javascript'] ?? DEFAULT_TIME_LIMIT_MS;
}

function failure(response: SandboxResponse): CodeError {
  if (response.type === 'failed') return { message: response.message };
  if (response.type === 'called' && response.error) return response.error;
  return { message: 'No result.' };
}

export class CodeRunner {
  private readonly sandboxes = new Map<Language, { sandbox: Sandbox; loaded: Promise<void> }>();
  private readonly machine = new MachineProbe();

  /** `onProgress` hears each runtime's loading, from the download of its files to ready or failed. */
  constructor(private readonly onProgress?: (language: Language, progress: RuntimeProgress) => void) {
    prefetchSandbox();
  }

  private sandboxFor(language: Language): { sandbox: Sandbox; loaded: Promise<void> } {
    const current = this.sandboxes.get(language);
    if (current?.sandbox.alive) return current;
    const report = (progress: RuntimeProgress) => this.onProgress?.(language, progress);
    const python = language === 'python';
    if (python) performance.mark(PYTHON_LOAD_MARKS.start);
    const sandbox = new Sandbox(language, report);
    const loaded = sandbox.request({ type: 'load' }, LOAD_LIMIT_MS).then((response) => {
      if (response === 'timeout' || response.type !== 'loaded') {
        sandbox.destroy();
        report({ stage: 'failed' });
        throw new Error(`Could not load ${language}.`);
      }
      if (python) performance.mark(PYTHON_LOAD_MARKS.ready);
      report({ stage: 'ready' });
    });
    const entry = { sandbox, loaded };
    this.sandboxes.set(language, entry);
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
      // Python's next sandbox starts loading now rather than when the next run asks for it.
      if (response === 'timeout' && language === 'python') void this.load(language).catch(() => {});
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
    const restart = () => this.sandboxes.get(language)?.sandbox.destroy();
    const machine = this.machine;
    return {
      limitMs,
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
    for (const { sandbox } of this.sandboxes.values()) sandbox.destroy();
    this.sandboxes.clear();
    this.machine.dispose();
  }
}
