/**
 * Runs tests in a Web Worker, one at a time, each with a time limit: a test that does not finish in time ends
 * the worker (Time Limit Exceeded) and a fresh one takes its place for the next test.
 */
import type { Problem } from '@mockloop/question-bank/harness';
import type { WorkerRequest, WorkerResponse } from './runner.worker.ts';
import RunnerWorker from './runner.worker.ts?worker';

export type Language = 'javascript' | 'typescript' | 'python';
export interface CaseResult {
  verdict: 'pass' | 'fail' | 'error' | 'timeout';
  actual?: unknown;
  stdout: string;
  error?: { message: string; line?: number };
  ms: number;
}

export const TIME_LIMIT_MS = 2000;
type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
/** Loading Python the first time takes seconds; that is not the candidate's code running. */
const LOAD_LIMIT_MS = 120_000;

export class CodeRunner {
  private worker: Worker | null = null;
  private nextId = 1;

  private ensureWorker(): Worker {
    this.worker ??= new RunnerWorker();
    return this.worker;
  }

  private restart(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private send(request: Request, limitMs: number): Promise<WorkerResponse | 'timeout'> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeEventListener('message', onMessage);
        this.restart();
        resolve('timeout');
      }, limitMs);
      const onMessage = (event: MessageEvent<WorkerResponse>) => {
        if (event.data.id !== id) return;
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        resolve(event.data);
      };
      worker.addEventListener('message', onMessage);
      worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  /** Loads the language's runtime (Pyodide for Python) before any test is timed. */
  async load(language: Language): Promise<void> {
    const response = await this.send({ type: 'load', language }, LOAD_LIMIT_MS);
    if (response === 'timeout' || response.error) throw new Error(`Could not load ${language}.`);
  }

  async run(
    language: Language,
    code: string,
    problem: Problem,
    tests: { input: unknown; expected: unknown }[],
    onResult?: (index: number, result: CaseResult) => void
  ): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (const [index, test] of tests.entries()) {
      await this.load(language);
      const response = await this.send({ type: 'run', language, code, problem, test }, TIME_LIMIT_MS);
      const result: CaseResult =
        response === 'timeout'
          ? {
              verdict: 'timeout',
              stdout: '',
              error: { message: `Time Limit Exceeded (${TIME_LIMIT_MS / 1000} s)` },
              ms: TIME_LIMIT_MS
            }
          : response.outcome
            ? (response.outcome as CaseResult)
            : { verdict: 'error', stdout: '', error: { message: response.error ?? 'unknown error' }, ms: 0 };
      results.push(result);
      onResult?.(index, result);
    }
    return results;
  }

  dispose(): void {
    this.restart();
  }
}
