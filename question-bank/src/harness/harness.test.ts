import { beforeAll, describe, expect, it } from 'vitest';
import { nodeRuntimes } from './node.ts';
import { runCase } from './run.ts';
import type { Problem, Runtime } from './types.ts';
import { GRAPH_NOT_COPIED } from './types.ts';

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
const clone: Problem = {
  comparator: 'exact',
  signature: {
    kind: 'function',
    name: 'cloneGraph',
    pythonName: 'clone_graph',
    params: [{ name: 'node', type: 'graph' }],
    returns: 'graph'
  }
};
const degree: Problem = {
  comparator: 'exact',
  signature: {
    kind: 'function',
    name: 'degrees',
    pythonName: 'degrees',
    params: [{ name: 'node', type: 'graph' }],
    returns: 'json'
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
    throws: 'function addUp(nums) {\n  const x = 1;\n  throw new Error("boom");\n}',
    clone:
      'function cloneGraph(node, seen = new Map()) {\n  if (!node) return null;\n  if (seen.has(node)) return seen.get(node);\n  const copy = new Node(node.val);\n  seen.set(node, copy);\n  copy.neighbors = node.neighbors.map((n) => cloneGraph(n, seen));\n  return copy;\n}',
    same: 'function cloneGraph(node) { return node; }',
    partial:
      'function cloneGraph(node) { if (!node) return null; const copy = new Node(node.val, node.neighbors); return copy; }',
    degree:
      'function degrees(node) { const out = []; const seen = new Set([node]); const queue = [node]; while (queue.length) { const n = queue.shift(); out[n.val - 1] = n.neighbors.length; for (const m of n.neighbors) if (!seen.has(m)) { seen.add(m); queue.push(m); } } return out; }',
    ownNode:
      'class Node { constructor() { this.kids = {}; } }\nfunction addUp(nums) { const root = new Node(); return nums.length + Object.keys(root.kids).length; }'
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
      'interface Unused {\n  a: number;\n}\nfunction addUp(nums: number[]): number {\n  const x: number = 1;\n  throw new Error("boom");\n}',
    clone:
      'function cloneGraph(node: Node | null, seen = new Map<Node, Node>()): Node | null {\n  if (!node) return null;\n  const known = seen.get(node);\n  if (known) return known;\n  const copy = new Node(node.val);\n  seen.set(node, copy);\n  copy.neighbors = node.neighbors.map((n: Node) => cloneGraph(n, seen)!);\n  return copy;\n}',
    same: 'function cloneGraph(node: Node | null): Node | null { return node; }',
    partial:
      'function cloneGraph(node: Node | null): Node | null { if (!node) return null; return new Node(node.val, node.neighbors); }',
    degree:
      'function degrees(node: Node): number[] { const out: number[] = []; const seen = new Set<Node>([node]); const queue: Node[] = [node]; while (queue.length) { const n = queue.shift()!; out[n.val - 1] = n.neighbors.length; for (const m of n.neighbors) if (!seen.has(m)) { seen.add(m); queue.push(m); } } return out; }',
    ownNode:
      'class Node { kids: Record<string, Node> = {}; }\nfunction addUp(nums: number[]): number { const root = new Node(); return nums.length + Object.keys(root.kids).length; }'
  },
  python: {
    sum: 'def add_up(nums):\n    print("n", len(nums))\n    return sum(nums)',
    reverse:
      'def reverse_list(head):\n    prev = None\n    while head:\n        head.next, prev, head = prev, head, head.next\n    return prev',
    depth: 'def max_depth(root):\n    return 1 + max(max_depth(root.left), max_depth(root.right)) if root else 0',
    zeroes: 'def zero_first(nums):\n    nums.sort(key=lambda x: x != 0)',
    counter:
      'class Counter:\n    def __init__(self):\n        self.n = 0\n    def add(self, x):\n        self.n += x\n    def total(self):\n        return self.n',
    throws: 'def add_up(nums):\n    x = 1\n    raise ValueError("boom")',
    clone:
      'def clone_graph(node, seen=None):\n    seen = {} if seen is None else seen\n    if node is None:\n        return None\n    if node in seen:\n        return seen[node]\n    copy = Node(node.val)\n    seen[node] = copy\n    copy.neighbors = [clone_graph(n, seen) for n in node.neighbors]\n    return copy',
    same: 'def clone_graph(node):\n    return node',
    partial: 'def clone_graph(node):\n    return Node(node.val, node.neighbors) if node else None',
    degree:
      'def degrees(node):\n    out = {}; queue = [node]\n    while queue:\n        n = queue.pop()\n        if n.val in out:\n            continue\n        out[n.val] = len(n.neighbors)\n        queue.extend(n.neighbors)\n    return [out[v] for v in sorted(out)]',
    ownNode:
      'class Node:\n    def __init__(self):\n        self.kids = {}\ndef add_up(nums):\n    return len(nums) + len(Node().kids)'
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
    // A trailing call listed without its (empty) argument list runs with none, in every language.
    const short = await runCase(cls, counter, {
      input: { ops: ['Counter', 'add', 'total'], args: [[], [4]] },
      expected: [null, null, 4]
    });
    expect(short.verdict).toBe('pass');
  });

  it('builds graphs from adjacency lists and reads a returned graph back by value', async () => {
    const square = [
      [2, 4],
      [1, 3],
      [2, 4],
      [1, 3]
    ];
    const copy = await runtime().prepare(c.clone, clone);
    expect(await runCase(copy, clone, { input: [square], expected: square })).toMatchObject({
      verdict: 'pass',
      actual: square
    });
    expect((await runCase(copy, clone, { input: [[[]]], expected: [[]] })).verdict).toBe('pass');
    expect((await runCase(copy, clone, { input: [[]], expected: [] })).verdict).toBe('pass');
    const star = [[2, 3, 4], [1], [1], [1]];
    expect((await runCase(copy, clone, { input: [star], expected: star })).verdict).toBe('pass');
    const deg = await runtime().prepare(c.degree, degree);
    expect((await runCase(deg, degree, { input: [star], expected: [3, 1, 1, 1] })).verdict).toBe('pass');
  });

  it('reports a "copy" that returns the input graph, or shares nodes with it', async () => {
    for (const wrong of [c.same, c.partial]) {
      const solution = await runtime().prepare(wrong, clone);
      const outcome = await runCase(solution, clone, { input: [[[2], [1]]], expected: [[2], [1]] });
      expect(outcome.verdict).toBe('error');
      expect(outcome.error?.message).toBe(GRAPH_NOT_COPIED);
    }
  });

  it('lets a solution define its own Node class', async () => {
    const solution = await runtime().prepare(c.ownNode, sum);
    expect((await runCase(solution, sum, { input: [[1, 2]], expected: 2 })).verdict).toBe('pass');
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
      /Define (a function named|class Solution with a method addUp)/
    );
  });
});
