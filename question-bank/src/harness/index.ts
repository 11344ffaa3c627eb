/** The coding harness: the same code judges solutions in the question-bank tests (Node) and in the browser's worker. */
export * from './compare.ts';
export * from './types.ts';
export { createJsRuntime, userLine } from './js-runtime.ts';
export { createPythonRuntime, PYTHON_PACKAGES, type PyodideLike } from './python-runtime.ts';
export { PRELOADED } from './preloaded.ts';
export { callCase, judgeCase, runCase } from './run.ts';
export { transpileTypeScript } from './transpile.ts';
