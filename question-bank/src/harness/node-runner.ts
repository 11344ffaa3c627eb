/**
 * Runs candidate code in a worker thread with a time limit per call (Node only: the suite and the calibration).
 * The browser does the same with its sandboxed worker; judging stays with the caller in both.
 */
import { Worker } from 'node:worker_threads';
import type { Language } from '../schema.ts';
import type { RunnerReply, RunnerRequest } from './node-runner.worker.ts';
import { readSnapshot, writeSnapshot } from './pyodide-snapshot-file.ts';
import type { CallOptions, Problem } from './types.ts';
import { workerBundle } from './worker-bundle.ts';

export type RunFailure = { kind: 'error'; message: string; line?: number } | { kind: 'timeout' };
export type RunOutcome = { kind: 'result'; value: unknown; ms: number } | RunFailure;

/** How long a Python run may take to notice the interrupt before its thread is ended. */
const INTERRUPT_GRACE_MS = 3000;

type Thread = { worker: Worker; interrupt: Int32Array };

/**
 * Pyodide's memory just after its boot, shared (not copied) with every Python thread started once it is ready: a
 * thread restores it in about a third of a boot's time (`npm run bench:python-start`), and the judge starts a fresh
 * thread for every ladder. Read from the repository's `.cache` when an earlier process kept it there; otherwise
 * made in a thread of its own, beside the first Python thread (which boots), and kept there.
 */
const pythonSnapshot: { state: 'none' | 'making' | 'failed'; ready?: SharedArrayBuffer } = { state: 'none' };

function makePythonSnapshot(): void {
  if (pythonSnapshot.state !== 'none' || pythonSnapshot.ready) return;
  pythonSnapshot.ready = readSnapshot();
  if (pythonSnapshot.ready) return;
  pythonSnapshot.state = 'making';
  const maker = new Worker(workerBundle(), { workerData: { language: 'python', makeSnapshot: true } });
  maker.unref();
  maker.once('message', (shared: SharedArrayBuffer) => {
    pythonSnapshot.ready = shared;
    writeSnapshot(shared);
    void maker.terminate();
  });
  maker.once('error', () => (pythonSnapshot.state = 'failed'));
}

/** Whether the next Python thread restores Pyodide from the process's snapshot (for the tests). */
export function pythonSnapshotReady(): boolean {
  return pythonSnapshot.ready !== undefined;
}

export class NodeRunner {
  private thread: Thread | null = null;
  /**
   * A Python thread loading in the background while the active one works, taken when that one is ended (a time-out,
   * a ladder's fresh thread): Pyodide's start takes seconds, more on a busy machine.
   */
  private spare: Thread | null = null;
  private prepared: { code: string; problem: Problem } | null = null;
  private preparedInWorker = false;
  /** The thread the calibration loop has already run in (compiled, the runtime up): its next timing needs no warm-up. */
  private loopWarmIn: Thread | null = null;

  constructor(
    readonly language: Language,
    private readonly keepSpare = language === 'python'
  ) {}

  private create(): Thread {
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    if (this.language === 'python') makePythonSnapshot();
    const snapshot = this.language === 'python' ? pythonSnapshot.ready : undefined;
    // The worker's TypeScript bundled into one JavaScript file: a thread starts without a loader to register.
    const worker = new Worker(workerBundle(), {
      workerData: { language: this.language, interrupt, ...(snapshot ? { snapshot } : {}) }
    });
    worker.unref();
    return { worker, interrupt };
  }

  private get interrupt(): Int32Array {
    return this.thread?.interrupt ?? new Int32Array(new SharedArrayBuffer(4));
  }

  private spawn(): Worker {
    if (!this.thread) {
      this.thread = this.spare ?? this.create();
      this.spare = null;
      this.preparedInWorker = false;
      // The spare loads its runtime as it starts (the worker module does on import), unasked.
      if (this.keepSpare) this.spare = this.create();
    }
    return this.thread.worker;
  }

  private async kill(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    await thread?.worker.terminate();
  }

  private send(request: RunnerRequest, limitMs = Infinity): Promise<RunnerReply | 'timeout'> {
    const worker = this.spawn();
    return new Promise((resolve, reject) => {
      const timers: NodeJS.Timeout[] = [];
      const done = (value: RunnerReply | 'timeout') => {
        timers.forEach(clearTimeout);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(value);
      };
      const onMessage = (reply: RunnerReply) => done(reply);
      const onError = (error: Error) => {
        timers.forEach(clearTimeout);
        reject(error);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      if (Number.isFinite(limitMs)) {
        timers.push(
          setTimeout(() => {
            if (this.language !== 'python') return void this.kill().then(() => done('timeout'));
            Atomics.store(this.interrupt, 0, 2); // SIGINT: Python raises KeyboardInterrupt
            timers.push(setTimeout(() => void this.kill().then(() => done('timeout')), INTERRUPT_GRACE_MS));
          }, limitMs)
        );
      }
      worker.postMessage(request);
    });
  }

  /** Loads the code (again after a timeout ended the thread); a compile error is the outcome of every run. */
  async prepare(code: string, problem: Problem): Promise<RunFailure | null> {
    this.prepared = { code, problem };
    this.preparedInWorker = false;
    return this.ensurePrepared();
  }

  private async ensurePrepared(): Promise<RunFailure | null> {
    if (this.preparedInWorker && this.thread) return null;
    const reply = await this.send({ type: 'prepare', ...this.prepared! });
    if (reply === 'timeout') return { kind: 'timeout' };
    if (!reply.ok) return { kind: 'error', message: reply.message, ...(reply.line ? { line: reply.line } : {}) };
    this.preparedInWorker = true;
    return null;
  }

  async run(input: unknown, limitMs: number, options: CallOptions = {}): Promise<RunOutcome> {
    const failed = await this.ensurePrepared();
    if (failed) return failed;
    Atomics.store(this.interrupt, 0, 0);
    // Timed here, from the request to the reply, as the browser's page times its sandbox: the thread runs the
    // candidate's code, which can replace its clock.
    const started = performance.now();
    const reply = await this.send({ type: 'call', input, options }, limitMs);
    const ms = performance.now() - started;
    if (reply === 'timeout') return { kind: 'timeout' };
    if (!reply.ok) {
      // An interrupted Python call answers with KeyboardInterrupt: that is the time limit, not the code's error.
      if (Atomics.load(this.interrupt, 0) !== 0 || /^KeyboardInterrupt/.test(reply.message)) return { kind: 'timeout' };
      return { kind: 'error', message: reply.message, ...(reply.line ? { line: reply.line } : {}) };
    }
    return ms > limitMs ? { kind: 'timeout' } : { kind: 'result', value: reply.value, ms };
  }

  /**
   * The calibration loop timed in this runner's thread now, from the request to the reply, ms: the best of two (the
   * first run in a fresh thread also compiles it).
   */
  async loop(): Promise<number> {
    // In a fresh thread the first run pays the runtime's start and the loop's compilation; once run, it is warm.
    if (!this.thread || this.loopWarmIn !== this.thread) {
      await this.send({ type: 'loop' });
      this.loopWarmIn = this.thread;
    }
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      await this.send({ type: 'loop' });
      best = Math.min(best, performance.now() - started);
    }
    return best;
  }

  /** How the current thread's runtime started: Pyodide restored from the snapshot, booted, or JavaScript's. */
  async startedFrom(): Promise<'snapshot' | 'boot' | 'javascript'> {
    const reply = await this.send({ type: 'started' });
    if (reply === 'timeout' || !reply.ok) throw new Error('the runner thread did not answer');
    return reply.value as 'snapshot' | 'boot' | 'javascript';
  }

  /** Ends the thread: the next run starts a fresh one (a new heap, no JIT warmed by earlier calls). */
  async restart(): Promise<void> {
    await this.kill();
  }

  async dispose(): Promise<void> {
    const spare = this.spare;
    this.spare = null;
    await Promise.all([this.kill(), spare?.worker.terminate()]);
  }
}
