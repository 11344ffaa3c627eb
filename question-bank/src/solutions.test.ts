/**
 * Every coding problem's reference solutions pass every example and hidden test in TypeScript and Python, through
 * the same harness the browser uses; and the empty starter code passes none, so every test checks something.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCase } from './harness/index.ts';
import { nodeRuntimes } from './harness/node.ts';
import { loadQuestionBank, loadSolutions } from './load.ts';
import type { CodingQuestion } from './schema.ts';

const coding = (await loadQuestionBank()).filter((q): q is CodingQuestion & { version: string } => q.kind === 'coding');
let runtimes: Awaited<ReturnType<typeof nodeRuntimes>>;

beforeAll(async () => {
  runtimes = await nodeRuntimes();
}, 60_000);

describe.each(coding.map((q) => [q.id, q] as const))('%s', (_id, problem) => {
  const tests = [...problem.examples, ...problem.hiddenTests];

  it('has at least 3 examples and 10 hidden tests', () => {
    expect(problem.examples.length).toBeGreaterThanOrEqual(3);
    expect(problem.hiddenTests.length).toBeGreaterThanOrEqual(10);
  });

  it.each(['typescript', 'python'] as const)('the reference solution in %s passes every test', async (language) => {
    const source = (await loadSolutions(problem.id))[language];
    const solution = await runtimes[language].prepare(source, problem);
    for (const [index, test] of tests.entries()) {
      const outcome = await runCase(solution, problem, test);
      expect(outcome, `test ${index}: ${JSON.stringify(test.input).slice(0, 120)}`).toMatchObject({ verdict: 'pass' });
    }
  });

  it("the Python starter is LeetCode's: class Solution with the camelCase method, typed (a function problem)", async () => {
    if (problem.signature.kind !== 'function') return;
    const { name, pythonName } = problem.signature;
    expect(problem.starter.python).toMatch(
      new RegExp(`^class Solution:\\n    def ${name}\\(self[^)]*\\) -> [^:]+:\\n`, 'm')
    );
    // A snake_case function stays accepted: the reference solution, which passes every test above, is one.
    expect((await loadSolutions(problem.id)).python).toMatch(new RegExp(`^def ${pythonName}\\(`, 'm'));
  });

  it.each(['javascript', 'typescript', 'python'] as const)('the empty %s starter passes no test', async (language) => {
    const solution = await runtimes[language].prepare(problem.starter[language], problem);
    for (const [index, test] of tests.entries()) {
      const outcome = await runCase(solution, problem, test);
      expect(outcome.verdict, `test ${index} passes with an empty solution`).not.toBe('pass');
    }
  });
});
