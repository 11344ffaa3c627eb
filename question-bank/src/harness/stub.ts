/**
 * A solution that does nothing, in each language: the ladder runs it on a performance test's input in a fresh
 * worker, before the candidate's code is loaded there, so the harness's own time on that input (its conversion,
 * the loop over the calls, the results) is measured where the candidate's code cannot reach it, and subtracted.
 */
import type { Problem } from './types.ts';

export function stubSource(language: 'javascript' | 'typescript' | 'python', problem: Problem): string {
  const { signature } = problem;
  if (signature.kind === 'class') {
    // Every method, each returning nothing: the calls cost what any method call costs.
    const methods = Object.entries(signature.methods);
    if (language === 'python') {
      const defs = methods.map(([, name]) => `    def ${name}(self, *args):\n        return None\n`).join('');
      return `class ${signature.name}:\n    def __init__(self, *args):\n        pass\n${defs}`;
    }
    return `class ${signature.name} {\n${methods.map(([name]) => `  ${name}() { return null; }\n`).join('')}}\n`;
  }
  return language === 'python'
    ? `def ${signature.pythonName}(*args):\n    return None\n`
    : `function ${signature.name}() { return null; }\n`;
}
