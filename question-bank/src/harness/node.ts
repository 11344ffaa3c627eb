/** Node-only glue for the harness: Pyodide loaded from node_modules. */
import { createJsRuntime } from './js-runtime.ts';
import { createPythonRuntime, type PyodideLike } from './python-runtime.ts';
import { transpileTypeScript } from './transpile.ts';
import type { Runtime } from './types.ts';

/** JavaScript, TypeScript and Python runtimes; Pyodide loads once (a couple of seconds). */
export async function nodeRuntimes(): Promise<Record<'javascript' | 'typescript' | 'python', Runtime>> {
  const { loadPyodide } = await import('pyodide');
  const pyodide = (await loadPyodide()) as unknown as PyodideLike;
  return {
    javascript: createJsRuntime(),
    typescript: createJsRuntime(transpileTypeScript, 'typescript'),
    python: createPythonRuntime(pyodide)
  };
}
