/**
 * Runs candidate code in a worker thread with a time limit per call (Node only: the suite and the calibration).
 * The browser does the same with its sandboxed worker; judging stays with the caller in both.
 */
import { Worker } from 'node:worker_threads';
import type { Language } from '../schema.ts';
import type { RunnerReply, RunnerRequest } from './node-runner.worker.ts';
import type { CallOptions, Problem } from './types.ts';

export type RunFailure = { kind: 'error'; message: string; line?: number } | { kind: 'timeout' };
export type RunOutcome = { kind: 'result'; value: unknown; ms: number } | RunFailure;

const WORKER_URL = new URL('./node-runner.worker.ts', import.meta.url).href;

/** How long a Python run may take to notice the interrupt before its thread is ended. */
const INTERRUPT_GRACE_MS = 3000;

export class NodeRunner {
  private worker: Worker | null = null;
  private interrupt = new Int32Array(new SharedArrayBuffer(4));
  private prepared: { code: string; problem: Problem } | null = null;
  private preparedInWorker = false;

  constructor(readonly language: Language) {}

  private spawn(): Worker {
    if (!this.worker) {
      // The worker is TypeScript: tsx's loader is registered in the thread before it is imported.
      const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); })`;
      this.worker = new Worker(bootstrap, {
        eval: true,
        workerData: { language: this.language, interrupt: this.interrupt }
      });
      this.worker.unref();
      this.preparedInWorker = false;
    }
    return this.worker;
  }

  private async kill(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
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
    if (this.preparedInWorker && this.worker) return null;
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

  async dispose(): Promise<void> {
    await this.kill();
  }
}
