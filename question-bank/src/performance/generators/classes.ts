/** Generators for the class problems: long call sequences, LeetCode style (`{ ops, args }`). */
import { LOWER, type Rng } from '../random.ts';
import { size, type Generator } from './types.ts';

/** A call sequence: the constructor's arguments first, then `calls` made by `next`. */
function sequence(name: string, ctorArgs: unknown[], calls: number, next: (i: number) => [string, unknown[]]) {
  const ops = [name];
  const args: unknown[][] = [ctorArgs];
  for (let i = 0; i < calls; i++) {
    const [op, a] = next(i);
    ops.push(op);
    args.push(a);
  }
  return { input: { ops, args } };
}

const word = (rng: Rng, length: number) => rng.string(length, LOWER.slice(0, 4));

export const classGenerators: Record<string, Generator> = {
  /** Pushes going down then many getMin calls: a getMin that scans the stack is quadratic. */
  'lc-0155-min-stack': (rng, p) => {
    const n = size(p, 'n', 30_000);
    let depth = 0;
    return sequence('MinStack', [], n, (i) => {
      if (i < n / 2 || depth === 0) {
        depth++;
        return ['push', [rng.int(-(2 ** 31), 2 ** 31 - 1)]];
      }
      const op = rng.pick(['getMin', 'getMin', 'getMin', 'top', 'pop']);
      if (op === 'pop') depth--;
      return [op, []];
    });
  },
  /**
   * A third of the calls insert first, then every call probes: most probes miss (a known word with two letters
   * changed at the end), so a solution that scans its words pays for all of them on each call.
   */
  'lc-0208-implement-trie': (rng, p) => {
    const calls = size(p, 'n', 30_000);
    const words: string[] = [];
    return sequence('Trie', [], calls, (i) => {
      if (i < calls / 3) {
        const w = word(rng, rng.int(5, 20));
        words.push(w);
        return ['insert', [w]];
      }
      const known = rng.pick(words);
      const probe = rng.next() < 0.2 ? known : known.slice(0, rng.int(1, known.length)) + word(rng, 2);
      return [i % 2 === 0 ? 'search' : 'startsWith', [probe]];
    });
  },
  'lc-0295-find-median-from-data-stream': (rng, p) => {
    let added = 0;
    return sequence('MedianFinder', [], size(p, 'n', 50_000), () => {
      if (added === 0 || rng.next() < 0.5) {
        added++;
        return ['addNum', [rng.int(-100_000, 100_000)]];
      }
      return ['findMedian', []];
    });
  },
  'lc-0303-range-sum-query-immutable': (rng, p) => {
    const n = size(p, 'n', 10_000);
    return sequence('NumArray', [rng.ints(n, -100_000, 100_000)], size(p, 'queries', 10_000), () => {
      const left = rng.int(0, n / 10);
      return ['sumRange', [left, rng.int(n - n / 10, n - 1)]];
    });
  },
  /** Rising prices: a span found by looking back day by day is quadratic. */
  'lc-0901-online-stock-span': (rng, p) => {
    const n = size(p, 'n', 10_000);
    return sequence('StockSpanner', [], n, (i) => ['next', [Math.min(100_000, 1 + i * 10 + rng.int(0, 9))]]);
  },
  'lru-cache': (rng, p) => {
    const capacity = size(p, 'capacity', 3000);
    return sequence('LRUCache', [capacity], size(p, 'n', 200_000), () =>
      rng.next() < 0.5 ? ['get', [rng.int(0, 2 * capacity)]] : ['put', [rng.int(0, 2 * capacity), rng.int(0, 100_000)]]
    );
  },
  /** Many live keys and many counts: a count that walks every key is quadratic. */
  'ttl-kv-store': (rng, p) => {
    let now = 0;
    return sequence('TtlStore', [], size(p, 'n', 100_000), (i) => {
      now += rng.int(0, 10);
      if (i % 2 === 0) return ['set', [`k${i}`, rng.int(0, 1000), size(p, 'ttl', 200_000), now]];
      return rng.next() < 0.8 ? ['count', [now]] : ['get', [`k${rng.int(0, i)}`, now]];
    });
  }
};
