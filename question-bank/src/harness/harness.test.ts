import { beforeAll, describe, expect, it } from 'vitest';
import { nodeRuntimes } from './node.ts';
import { runCase } from './run.ts';
import type { Problem, Runtime } from './types.ts';

let runtimes: Awaited<ReturnType<typeof nodeRuntimes>>;
beforeAll(async () => {
  runtimes = await nodeRuntimes();
}, 60_000);

const sum: Problem = {
  comparator: 'exact',
  signature: {
    kind: 'function',
    name: 'addUp',
    pythonName: 'add_up',
    params: [{ name: 'nums', type: 'json' }],
    returns: 'json'
  }
};
const reverse: Problem = {
  comparator: 'exact',
  signature: {
    kind: 'function',
    name: 'reverseList',
    pythonName: 'reverse_list',
    params: [{ name: 'head', type: 'linkedList' }],
    returns: 'linkedList'
  }
};
const depth: Problem = {
  comparator: 'exact',
  signature: {
    kind: 'function',
    name: 'maxDepth',
    pythonName: 'max_depth',
    params: [{ name: 'root', type: 'binaryTree' }],
    returns: 'json'
  }
};
const zeroes: Problem = {
  comparator: 'exact',
  signature: {
    kind: 'function',
    name: 'zeroFirst',
    pythonName: 'zero_first',
    params: [{ name: 'nums', type: 'json' }],
    returns: 'json',
    mutatesArg: 0
  }
};
const counter: Problem = {
  comparator: 'exact',
  signature: { kind: 'class', name: 'Counter', methods: { add: 'add', total: 'total' } }
};

const code = {
  javascript: {
    sum: 'function addUp(nums) {\n  console.log("n", nums.length);\n  return nums.reduce((a, b) => a + b, 0);\n}',
    reverse:
      'function reverseList(head) { let prev = null; while (head) { const next = head.next; head.next = prev; prev = head; head = next; } return prev; }',
    depth: 'function maxDepth(root) { return root ? 1 + Math.max(maxDepth(root.left), maxDepth(root.right)) : 0; }',
    zeroes: 'function zeroFirst(nums) { nums.sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : 0)); }',
    counter: 'class Counter { constructor() { this.n = 0; } add(x) { this.n += x; } total() { return this.n; } }',
    throws: 'function addUp(nums) {\n  const x = 1;\n  throw new Error("boom");\n}'
  },
  typescript: {
    sum: 'function addUp(nums: number[]): number {\n  console.log("n", nums.length);\n  return nums.reduce((a: number, b: number) => a + b, 0);\n}',
    reverse:
      'function reverseList(head: ListNode | null): ListNode | null { let prev: ListNode | null = null; while (head) { const next = head.next; head.next = prev; prev = head; head = next; } return prev; }',
    depth:
      'function maxDepth(root: TreeNode | null): number { return root ? 1 + Math.max(maxDepth(root.left), maxDepth(root.right)) : 0; }',
    zeroes: 'function zeroFirst(nums: number[]): void { nums.sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : 0)); }',
    counter:
      'class Counter { private n = 0; add(x: number): void { this.n += x; } total(): number { return this.n; } }',
    throws:
      'interface Unused {\n  a: number;\n}\nfunction addUp(nums: number[]): number {\n  const x: number = 1;\n  throw new Error("boom");\n}'
  },
  python: {
    sum: 'def add_up(nums):\n    print("n", len(nums))\n    return sum(nums)',
    reverse:
      'def reverse_list(head):\n    prev = None\n    while head:\n        head.next, prev, head = prev, head, head.next\n    return prev',
    depth: 'def max_depth(root):\n    return 1 + max(max_depth(root.left), max_depth(root.right)) if root else 0',
    zeroes: 'def zero_first(nums):\n    nums.sort(key=lambda x: x != 0)',
    counter:
      'class Counter:\n    def __init__(self):\n        self.n = 0\n    def add(self, x):\n        self.n += x\n    def total(self):\n        return self.n',
    throws: 'def add_up(nums):\n    x = 1\n    raise ValueError("boom")'
  }
} as const;

describe.each(['javascript', 'typescript', 'python'] as const)('%s', (language) => {
  const runtime = () => runtimes[language] as Runtime;
  const c = code[language];

  it('runs a function, judges the result and captures output', async () => {
    const solution = await runtime().prepare(c.sum, sum);
    const pass = await runCase(solution, sum, { input: [[1, 2, 3]], expected: 6 });
    expect(pass).toMatchObject({ verdict: 'pass', actual: 6 });
    expect(pass.stdout.trim()).toBe('n 3');
    expect((await runCase(solution, sum, { input: [[1]], expected: 2 })).verdict).toBe('fail');
  });

  it('builds and reads back linked lists and binary trees', async () => {
    const list = await runtime().prepare(c.reverse, reverse);
    expect((await runCase(list, reverse, { input: [[1, 2, 3]], expected: [3, 2, 1] })).verdict).toBe('pass');
    const tree = await runtime().prepare(c.depth, depth);
    expect((await runCase(tree, depth, { input: [[3, 9, 20, null, null, 15, 7]], expected: 3 })).verdict).toBe('pass');
    expect((await runCase(tree, depth, { input: [[]], expected: 0 })).verdict).toBe('pass');
  });

  it('judges in-place problems by the mutated argument, and class call sequences', async () => {
    const inPlace = await runtime().prepare(c.zeroes, zeroes);
    expect((await runCase(inPlace, zeroes, { input: [[1, 0, 2, 0]], expected: [0, 0, 1, 2] })).verdict).toBe('pass');
    const cls = await runtime().prepare(c.counter, counter);
    const outcome = await runCase(cls, counter, {
      input: { ops: ['Counter', 'add', 'add', 'total'], args: [[], [2], [3], []] },
      expected: [null, null, null, 5]
    });
    expect(outcome.verdict).toBe('pass');
  });

  it('reports an exception with the line in the user’s code', async () => {
    const solution = await runtime().prepare(c.throws, sum);
    const outcome = await runCase(solution, sum, { input: [[1]], expected: 1 });
    expect(outcome.verdict).toBe('error');
    expect(outcome.error?.message).toMatch(/boom/);
    expect(outcome.error?.line).toBe(language === 'typescript' ? 6 : 3);
  });

  it('refuses code without the entry point', async () => {
    await expect(runtime().prepare(language === 'python' ? 'x = 1' : 'const x = 1;', sum)).rejects.toThrow(
      /Define a function named/
    );
  });
});
