/**
 * A Node worker thread that runs one language's candidate code for the suite and the calibration, so a test that
 * runs too long can be stopped: Python through Pyodide's interrupt buffer, JavaScript by ending the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { calibrationLoop } from './calibration-loop.ts';
import { createJsRuntime } from './js-runtime.ts';
import { nodePyodide } from './node.ts';
import { createPythonRuntime } from './python-runtime.ts';
import { transpileTypeScript } from './transpile.ts';
import type { CallOptions, PreparedSolution, Problem, Runtime } from './types.ts';
import { UserCodeError } from './types.ts';

export type RunnerRequest =
  | { type: 'prepare'; code: string; problem: Problem }
  | { type: 'call'; input: unknown; options: CallOptions }
  /** The calibration loop in this thread, timed by the parent: what this thread's time is worth now. */
  | { type: 'loop' };
export type RunnerReply = { ok: true; value?: unknown } | { ok: false; message: string; line?: number };

const { language, interrupt } = workerData as { language: string; interrupt: Int32Array };

async function loadRuntime(): Promise<Runtime> {
  if (language !== 'python') {
    return language === 'typescript' ? createJsRuntime(transpileTypeScript, 'typescript') : createJsRuntime();
  }
  const pyodide = await nodePyodide();
  (pyodide as unknown as { setInterruptBuffer(buffer: Int32Array): void }).setInterruptBuffer(interrupt);
  return createPythonRuntime(pyodide);
}

const runtime = loadRuntime();
let solution: PreparedSolution | null = null;

parentPort!.on('message', async (request: RunnerRequest) => {
  const reply = (message: RunnerReply) => parentPort!.postMessage(message);
  try {
    if (request.type === 'loop') {
      // Once the runtime is up: Pyodide's start in this thread is not what the loop measures.
      await runtime;
      reply({ ok: true, value: calibrationLoop() });
      return;
    }
    if (request.type === 'prepare') {
      solution = await (await runtime).prepare(request.code, request.problem);
      reply({ ok: true });
      return;
    }
    const { value } = await solution!.call(request.input, request.options);
    reply({ ok: true, value });
  } catch (error) {
    const line = error instanceof UserCodeError ? error.line : undefined;
    reply({ ok: false, message: error instanceof Error ? error.message : String(error), ...(line ? { line } : {}) });
  }
});
