/// <reference lib="webworker" />
// Runs the candidate's code off the main thread with the question bank's harness. The page terminates this
// worker when a test runs past its time limit, so an infinite loop never freezes the editor.
import {
  createJsRuntime,
  createPythonRuntime,
  runCase,
  transpileTypeScript,
  type PreparedSolution,
  type Problem,
  type PyodideLike,
  type Runtime,
  type TestOutcome,
  UserCodeError
} from '@mockloop/question-bank/harness';

export type WorkerRequest =
  | { id: number; type: 'load'; language: 'javascript' | 'typescript' | 'python' }
  | {
      id: number;
      type: 'run';
      language: 'javascript' | 'typescript' | 'python';
      code: string;
      problem: Problem;
      test: { input: unknown; expected: unknown };
    };
export type WorkerResponse = { id: number; outcome?: TestOutcome; error?: string };

const runtimes = new Map<string, Promise<Runtime>>();
let prepared: { key: string; solution: Promise<PreparedSolution> } | null = null;

function runtimeFor(language: string): Promise<Runtime> {
  let runtime = runtimes.get(language);
  if (!runtime) {
    runtime =
      language === 'python'
        ? (async () => {
            // Pyodide is served by us at /pyodide/ (copied at build time), never from a CDN.
            const { loadPyodide } = (await import(
              /* @vite-ignore */ `${self.location.origin}/pyodide/pyodide.mjs`
            )) as {
              loadPyodide(options: { indexURL: string }): Promise<PyodideLike>;
            };
            return createPythonRuntime(await loadPyodide({ indexURL: `${self.location.origin}/pyodide/` }));
          })()
        : Promise.resolve(
            language === 'typescript' ? createJsRuntime(transpileTypeScript, 'typescript') : createJsRuntime()
          );
    runtimes.set(language, runtime);
  }
  return runtime;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    const runtime = await runtimeFor(request.language);
    if (request.type === 'load') {
      self.postMessage({ id: request.id } satisfies WorkerResponse);
      return;
    }
    const key = `${request.language}\n${request.code}`;
    if (prepared?.key !== key) prepared = { key, solution: runtime.prepare(request.code, request.problem) };
    let solution: PreparedSolution;
    try {
      solution = await prepared.solution;
    } catch (error) {
      const line = error instanceof UserCodeError ? error.line : undefined;
      const outcome: TestOutcome = {
        verdict: 'error',
        stdout: '',
        error: { message: (error as Error).message, ...(line === undefined ? {} : { line }) },
        ms: 0
      };
      self.postMessage({ id: request.id, outcome } satisfies WorkerResponse);
      return;
    }
    const outcome = await runCase(solution, request.problem, request.test);
    self.postMessage({ id: request.id, outcome } satisfies WorkerResponse);
  } catch (error) {
    self.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) } satisfies WorkerResponse);
  }
};
