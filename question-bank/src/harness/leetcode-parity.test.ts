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
      'Define a function named find_kth_largest'
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
