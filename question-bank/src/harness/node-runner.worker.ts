/**
 * A Node worker thread that runs one language's candidate code for the suite and the calibration, so a test that
 * runs too long can be stopped: Python through Pyodide's interrupt buffer, JavaScript by ending the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { calibrationLoop } from './calibration-loop.ts';
import { createJsRuntime } from './js-runtime.ts';
import { makePyodideSnapshot, startPyodide } from './node.ts';
import { createPythonRuntime } from './python-runtime.ts';
import { transpileTypeScript } from './transpile.ts';
import type { CallOptions, PreparedSolution, Problem, Runtime } from './types.ts';
import { UserCodeError } from './types.ts';

export type RunnerRequest =
  | { type: 'prepare'; code: string; problem: Problem }
  | { type: 'call'; input: unknown; options: CallOptions }
  /** The calibration loop in this thread, timed by the parent: what this thread's time is worth now. */
  | { type: 'loop' }
  /** How this thread's runtime started: 'snapshot' (Pyodide restored), 'boot', or 'javascript'. */
  | { type: 'started' };
export type RunnerReply = { ok: true; value?: unknown } | { ok: false; message: string; line?: number };

const { language, interrupt, snapshot, makeSnapshot } = workerData as {
  language: string;
  interrupt: Int32Array;
  /** Pyodide's memory to restore (`NodeRunner`'s, shared by every Python thread of the process). */
  snapshot?: SharedArrayBuffer;
  /** This thread only makes that snapshot: it posts it in a SharedArrayBuffer and takes no request. */
  makeSnapshot?: boolean;
};

let started: 'snapshot' | 'boot' | 'javascript' = 'javascript';

async function loadRuntime(): Promise<Runtime> {
  if (language !== 'python') {
    return language === 'typescript' ? createJsRuntime(transpileTypeScript, 'typescript') : createJsRuntime();
  }
  const { pyodide, from } = await startPyodide(snapshot ? new Uint8Array(snapshot) : undefined);
  started = from;
  (pyodide as unknown as { setInterruptBuffer(buffer: Int32Array): void }).setInterruptBuffer(interrupt);
  return createPythonRuntime(pyodide);
}

async function postSnapshot(): Promise<void> {
  const bytes = await makePyodideSnapshot();
  const shared = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(shared).set(bytes);
  parentPort!.postMessage(shared);
}

if (makeSnapshot) await postSnapshot();
else serve(loadRuntime());

function serve(runtime: Promise<Runtime>): void {
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
      if (request.type === 'started') {
        await runtime;
        reply({ ok: true, value: started });
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
}
