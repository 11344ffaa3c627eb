/**
 * LeetCode parity: what a correct LeetCode solution may rely on works here too. LeetCode's shapes (Python's
 * `class Solution`, camelCase method names), void methods printed as null whatever they return, and the built-ins
 * (JavaScript's @datastructures-js queues, Python's sortedcontainers and the standard library without imports).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeRuntimes } from './node.ts';
import type { Problem } from './types.ts';

let runtimes: Awaited<ReturnType<typeof nodeRuntimes>>;
beforeAll(async () => {
  runtimes = await nodeRuntimes();
}, 120_000);

const kthLargest: Problem = {
  comparator: 'exact',
  signature: {
    kind: 'function',
    name: 'findKthLargest',
    pythonName: 'find_kth_largest',
    params: [
      { name: 'nums', type: 'json' },
      { name: 'k', type: 'json' }
    ],
    returns: 'json'
  }
};
const cache: Problem = {
  comparator: 'exact',
  signature: { kind: 'class', name: 'LRUCache', methods: { get: 'get', put: 'put' }, voidMethods: ['put'] }
};
const cacheCalls = {
  ops: ['LRUCache', 'put', 'put', 'get', 'put', 'get'],
  args: [[1], [1, 1], [2, 2], [1], [3, 3], [3]]
};

async function call(language: 'javascript' | 'typescript' | 'python', code: string, problem: Problem, input: unknown) {
  const solution = await runtimes[language].prepare(code, problem);
  return (await solution.call(input)).value;
}

describe('LeetCode built-ins', () => {
  it('JavaScript and TypeScript have PriorityQueue, MinPriorityQueue, MaxPriorityQueue and Queue as globals', async () => {
    const js = `function findKthLargest(nums, k) {
      const heap = new MinPriorityQueue();
      for (const x of nums) { heap.enqueue(x); if (heap.size() > k) heap.dequeue(); }
      const q = new Queue([1]); q.enqueue(2);
      const custom = new PriorityQueue((a, b) => b - a); custom.enqueue(1); custom.enqueue(3);
      const max = new MaxPriorityQueue(); max.enqueue(7);
      return q.size() === 2 && custom.front() === 3 && max.front() === 7 ? heap.front() : -1;
    }`;
    expect(await call('javascript', js, kthLargest, [[3, 2, 1, 5, 6, 4], 2])).toBe(5);
    const ts = js.replace('findKthLargest(nums, k)', 'findKthLargest(nums: number[], k: number): number');
    expect(await call('typescript', ts, kthLargest, [[3, 2, 1, 5, 6, 4], 2])).toBe(5);
  });

  it('Python has sortedcontainers and the standard library LeetCode imports', async () => {
    const py = [
      'def find_kth_largest(nums, k):',
      '    s = SortedList(nums)',
      '    h = [-x for x in nums]',
      '    heapify(h)',
      '    assert Counter(nums) and deque([1]) and bisect_left(s, 3) >= 0 and math.inf == inf',
      '    assert SortedDict({1: 2}) and SortedSet([1]) and lru_cache and accumulate',
      '    return s[-k] if -heappop(h) == s[-1] else -1'
    ].join('\n');
    expect(await call('python', py, kthLargest, [[3, 2, 1, 5, 6, 4], 2])).toBe(5);
  });
});

describe('LeetCode shapes', () => {
  it("Python accepts LeetCode's class Solution with the camelCase method", async () => {
    const py =
      'class Solution:\n    def findKthLargest(self, nums: List[int], k: int) -> int:\n        return sorted(nums)[-k]\n';
    expect(await call('python', py, kthLargest, [[3, 2, 1, 5, 6, 4], 2])).toBe(5);
  });

  it('a class problem without the entry point says what to define', async () => {
    await expect(runtimes.python.prepare('class Other:\n    pass\n', cache)).rejects.toThrow(
      'Define a class named LRUCache'
    );
    await expect(runtimes.python.prepare('def nothing():\n    pass\n', kthLargest)).rejects.toThrow(
      'Define class Solution with a method findKthLargest (or a function named find_kth_largest)'
    );
  });

  it.each(['javascript', 'python'] as const)(
    '%s: a void method returns null whatever the code returns',
    async (language) => {
      const code =
        language === 'python'
          ? 'class LRUCache:\n    def __init__(self, capacity):\n        self.d = {}\n    def get(self, key):\n        return self.d.get(key, -1)\n    def put(self, key, value):\n        self.d[key] = value\n        return self.d\n'
          : 'class LRUCache { constructor(c) { this.d = new Map(); } get(k) { return this.d.get(k) ?? -1; } put(k, v) { this.d.set(k, v); return this; } }';
      expect(await call(language, code, cache, cacheCalls)).toEqual([null, null, null, 1, null, 3]);
    }
  );
});

describe('many queries on one input (CallOptions.vary)', () => {
  it.each(['javascript', 'python'] as const)('%s calls once per value of the varying argument', async (language) => {
    const code =
      language === 'python'
        ? 'def find_kth_largest(nums, k):\n    return sorted(nums)[-k]\n'
        : 'function findKthLargest(nums, k) { return [...nums].sort((a, b) => a - b)[nums.length - k]; }';
    const solution = await runtimes[language].prepare(code, kthLargest);
    expect(
      (
        await solution.call(
          [
            [3, 2, 1, 5, 6, 4],
            [1, 2, 6]
          ],
          { vary: 1 }
        )
      ).value
    ).toEqual([6, 5, 1]);
  });
});

/** A problem whose entry LeetCode calls `name` (and the bank `pythonName`), its arguments and result plain JSON. */
const plain = (name: string, pythonName: string, params: string[]): Problem => ({
  comparator: 'exact',
  signature: {
    kind: 'function',
    name,
    pythonName,
    params: params.map((p) => ({ name: p, type: 'json' })),
    returns: 'json'
  }
});

describe("LeetCode's Python prelude: modules and names, never in place of the candidate's entry", () => {
  it('class Solution.merge is the entry although the prelude has heapq.merge, and heapq.merge still works', async () => {
    const py = [
      'class Solution:',
      '    def merge(self, intervals: List[List[int]]) -> List[List[int]]:',
      '        out = []',
      '        for s, e in heapq.merge(sorted(intervals[::2]), sorted(intervals[1::2])):',
      '            if out and s <= out[-1][1]:',
      '                out[-1][1] = max(out[-1][1], e)',
      '            else:',
      '                out.append([s, e])',
      '        return out'
    ].join('\n');
    const intervals = [
      [1, 3],
      [8, 10],
      [2, 6],
      [15, 18]
    ];
    expect(await call('python', py, plain('merge', 'merge', ['intervals']), [intervals])).toEqual([
      [1, 6],
      [8, 10],
      [15, 18]
    ]);
  });

  it('bisect is the module (bisect.bisect_left) and search is the candidate’s, not re.search', async () => {
    const py = [
      'class Solution:',
      '    def search(self, nums: List[int], target: int) -> int:',
      '        i = bisect.bisect_left(nums, target)',
      '        assert bisect_left(nums, target) == i and bisect.bisect(nums, target) >= i',
      '        return i if i < len(nums) and nums[i] == target else -1'
    ].join('\n');
    expect(await call('python', py, plain('search', 'search', ['nums', 'target']), [[-1, 0, 3, 5, 9, 12], 9])).toBe(4);
    // The bank's shape too: a top-level function named like a prelude name is the candidate's.
    const top = 'def search(nums, target):\n    return nums.index(target) if target in nums else -1\n';
    expect(await call('python', top, plain('search', 'search', ['nums', 'target']), [[1, 2, 3], 3])).toBe(2);
  });

  it('a prelude name alone is not an entry point: merge without a definition says what to define', async () => {
    await expect(runtimes.python.prepare('x = 1\n', plain('merge', 'merge', ['intervals']))).rejects.toThrow(
      'Define class Solution with a method merge (or a function named merge)'
    );
  });

  it('random, gcd, comb, sqrt, log2, hypot, sys, deepcopy and typing without an import; builtins unshadowed', async () => {
    const py = [
      'class Solution:',
      '    def twoSum(self, nums: List[int], target: int) -> List[int]:',
      '        random.seed(1); shuffle(list(nums)); randint(1, 2)',
      '        assert gcd(12, 18) == 6 and comb(5, 2) == 10 and sqrt(16) == 4 and log2(8) == 3 and hypot(3, 4) == 5',
      '        assert sys.maxsize > 0 and deepcopy([[1]]) == [[1]] and copy.copy([1]) == [1] and inf > 0',
      "        assert pow(2, 10, 1000) == 24 and compile('1', 's', 'eval') and isinstance(Optional[int], object)",
      '        seen = {}',
      '        for i, x in enumerate(nums):',
      '            if target - x in seen:',
      '                return [seen[target - x], i]',
      '            seen[x] = i'
    ].join('\n');
    expect(await call('python', py, plain('twoSum', 'two_sum', ['nums', 'target']), [[2, 7, 11, 15], 9])).toEqual([
      0, 1
    ]);
  });

  it('dict.values(), a generator, a tuple and a map are returned as lists (nested too)', async () => {
    const groups = [
      'class Solution:',
      '    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:',
      '        d = defaultdict(list)',
      '        for s in strs:',
      "            d[''.join(sorted(s))].append(s)",
      '        return d.values()'
    ].join('\n');
    const problem = plain('groupAnagrams', 'group_anagrams', ['strs']);
    expect(await call('python', groups, problem, [['eat', 'tea', 'ate', 'nat']])).toEqual([
      ['eat', 'tea', 'ate'],
      ['nat']
    ]);
    const generator = 'def group_anagrams(strs):\n    return (tuple(s) for s in strs)\n';
    expect(await call('python', generator, problem, [['ab', 'c']])).toEqual([['a', 'b'], ['c']]);
    const mapped = 'def group_anagrams(strs):\n    return map(lambda s: {s: 1}.keys(), strs)\n';
    expect(await call('python', mapped, problem, [['ab', 'c']])).toEqual([['ab'], ['c']]);
  });
});

describe("LeetCode's JavaScript and TypeScript templates", () => {
  const cloneGraph: Problem = {
    comparator: 'exact',
    signature: {
      kind: 'function',
      name: 'cloneGraph',
      pythonName: 'clone_graph',
      params: [{ name: 'node', type: 'graph' }],
      returns: 'graph'
    }
  };
  const adjacency = [
    [2, 4],
    [1, 3],
    [2, 4],
    [1, 3]
  ];
  const js = `function cloneGraph(node, seen = new Map()) {
    if (!node) return null;
    if (seen.has(node)) return seen.get(node);
    const copy = new _Node(node.val);
    seen.set(node, copy);
    for (const next of node.neighbors) copy.neighbors.push(cloneGraph(next, seen));
    return copy;
  }`;

  it('JavaScript: Clone Graph with `new _Node(val)`', async () => {
    expect(await call('javascript', js, cloneGraph, [adjacency])).toEqual(adjacency);
  });

  it('TypeScript: _Node and Node as types and as classes', async () => {
    const ts = js
      .replace(
        'cloneGraph(node, seen = new Map())',
        'cloneGraph(node: _Node | null, seen = new Map<_Node, _Node>()): _Node | null'
      )
      .replace('new _Node(node.val)', 'new _Node(node.val) as Node');
    expect(await call('typescript', ts, cloneGraph, [adjacency])).toEqual(adjacency);
  });

  it('a solution may still declare its own Node (a trie’s) or _Node', async () => {
    const own = `class _Node { constructor(val, neighbors) { this.val = val; this.neighbors = neighbors ?? []; this.mine = true; } }
    function cloneGraph(node, seen = new Map()) {
      if (!node) return null;
      if (seen.has(node)) return seen.get(node);
      const copy = new _Node(node.val);
      if (!copy.mine) throw new Error('not mine');
      seen.set(node, copy);
      for (const next of node.neighbors) copy.neighbors.push(cloneGraph(next, seen));
      return copy;
    }`;
    expect(await call('javascript', own, cloneGraph, [adjacency])).toEqual(adjacency);
  });

  it('Math.max(...nums) on 100,000 numbers', async () => {
    const nums = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_003);
    const problem = plain('maxOf', 'max_of', ['nums']);
    expect(await call('javascript', 'function maxOf(nums) { return Math.max(...nums); }', problem, [nums])).toBe(
      Math.max(...nums)
    );
  });
});

describe("the harness's own time per call", () => {
  it('returns a class method’s numbers, strings and booleans as JSON has them, without a round trip through text', async () => {
    const stack: Problem = {
      comparator: 'exact',
      signature: { kind: 'class', name: 'MinStack', methods: {}, voidMethods: ['push'] }
    };
    const code = `class MinStack { push() {} a() { return -0; } b() { return NaN; } c() { return 'x'; } d() { return true; } e() {} f() { return [1, undefined]; } }`;
    const ops = ['MinStack', 'push', 'a', 'b', 'c', 'd', 'e', 'f'];
    const value = (await call('javascript', code, stack, { ops, args: ops.map(() => []) })) as unknown[];
    expect(value).toEqual([null, null, 0, null, 'x', true, null, [1, null]]);
    expect(Object.is(value[2], 0)).toBe(true);
  });
});
