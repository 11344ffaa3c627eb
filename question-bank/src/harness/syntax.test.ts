/** A syntax error names its line and column in the candidate's own code, in every language. */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeRuntimes } from './node.ts';
import { locateSyntaxError } from './syntax.ts';
import type { Problem } from './types.ts';
import { UserCodeError } from './types.ts';

let runtimes: Awaited<ReturnType<typeof nodeRuntimes>>;
beforeAll(async () => {
  runtimes = await nodeRuntimes();
}, 120_000);

const problem: Problem = {
  comparator: 'exact',
  signature: {
    kind: 'function',
    name: 'addUp',
    pythonName: 'add_up',
    params: [{ name: 'nums', type: 'json' }],
    returns: 'json'
  }
};

async function compileError(language: 'javascript' | 'typescript' | 'python', code: string): Promise<UserCodeError> {
  const error = await runtimes[language].prepare(code, problem).then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(UserCodeError);
  return error as UserCodeError;
}

describe('syntax errors', () => {
  it('JavaScript: the line and column V8 does not give', async () => {
    const error = await compileError(
      'javascript',
      'function addUp(nums) {\n  let total = 0;\n  for (const x of nums {\n  }\n}\n'
    );
    expect(error.message).toMatch(/^SyntaxError/);
    expect([error.line, error.column]).toEqual([3, 24]); // the "{" where ")" belongs
  });

  it('TypeScript: the position as fields, not only inside the message', async () => {
    const error = await compileError(
      'typescript',
      'function addUp(nums: number[]): number {\n  return nums.reduce((a, b) => a + b, );;\n  const = 1;\n}\n'
    );
    expect(error.line).toBe(3);
    expect(error.column).toBeGreaterThan(0);
  });

  it('Python: line and column from the compiler', async () => {
    const error = await compileError(
      'python',
      'def add_up(nums):\n    total = 0\n    for x in nums\n        total += x\n'
    );
    expect(error.message).toMatch(/^SyntaxError/);
    expect(error.line).toBe(3);
    expect(error.column).toBeGreaterThan(0);
  });

  it('code that parses has no syntax error to locate', () => {
    expect(locateSyntaxError('const a = 1;', 'javascript')).toBeUndefined();
    expect(locateSyntaxError('const a: number = 1;', 'typescript')).toBeUndefined();
  });
});
