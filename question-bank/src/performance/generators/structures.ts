/** Generators for intervals, grids and trees. */
import type { Rng } from '../random.ts';
import { size, type Generator } from './types.ts';

/** `n` intervals [start, end] with lo ≤ start ≤ end ≤ hi. */
function intervals(rng: Rng, n: number, lo: number, hi: number, maxLength: number): number[][] {
  return Array.from({ length: n }, () => {
    const start = rng.int(lo, hi - 1);
    return [start, Math.min(hi, start + rng.int(1, maxLength))];
  });
}

/** A level-order array of the balanced BST holding `sorted` (LeetCode's encoding, nulls for missing children). */
function balancedBst(sorted: number[]): (number | null)[] {
  const out: (number | null)[] = [];
  const queue: ([number, number] | null)[] = [[0, sorted.length - 1]];
  for (let head = 0; head < queue.length; head++) {
    const range = queue[head];
    if (!range || range[0] > range[1]) {
      out.push(null);
      continue;
    }
    const mid = (range[0] + range[1]) >> 1;
    out.push(sorted[mid]!);
    queue.push([range[0], mid - 1], [mid + 1, range[1]]);
  }
  while (out.at(-1) === null) out.pop();
  return out;
}

const grid = <T>(rng: Rng, rows: number, cols: number, cell: () => T): T[][] =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, cell));

export const structureGenerators: Record<string, Generator> = {
  'lc-0056-merge-intervals': (rng, p) => ({ input: [rng.shuffle(intervals(rng, size(p, 'n', 10_000), 0, 10_000, 3))] }),
  'lc-0057-insert-interval': (rng, p) => {
    // Sorted, non-overlapping, spaced out; the new one swallows a stretch in the middle.
    const n = size(p, 'n', 10_000);
    const list = Array.from({ length: n }, (_, i) => [i * 10, i * 10 + rng.int(0, 5)]);
    return { input: [list, [n * 4 + 3, n * 6 + 7]] };
  },
  'lc-0252-meeting-rooms': (rng, p) => {
    // Back-to-back meetings with no overlap, shuffled: the answer is true only after every pair is checked.
    const n = size(p, 'n', 10_000);
    return { input: [rng.shuffle(Array.from({ length: n }, (_, i) => [i * 100, i * 100 + rng.int(1, 100)]))] };
  },
  'lc-0435-non-overlapping-intervals': (rng, p) => ({
    input: [intervals(rng, size(p, 'n', 100_000), -50_000, 50_000, 50)]
  }),
  'lc-0098-validate-binary-search-tree': (rng, p) => ({
    input: [balancedBst(rng.distinctInts(size(p, 'n', 10_000), -(2 ** 31), 2 ** 31 - 1).sort((a, b) => a - b))]
  }),
  'lc-0230-kth-smallest-element-in-a-bst': (rng, p) => {
    const n = size(p, 'n', 10_000);
    return { input: [balancedBst(rng.distinctInts(n, 0, 10_000).sort((a, b) => a - b)), rng.int(n / 2, n)] };
  },
  'lc-0200-number-of-islands': (rng, p) => ({
    input: [grid(rng, size(p, 'rows', 40), size(p, 'cols', 40), () => (rng.next() < 0.5 ? '1' : '0'))]
  }),
  'lc-0695-max-area-of-island': (rng, p) => ({
    input: [grid(rng, size(p, 'rows', 40), size(p, 'cols', 40), () => (rng.next() < 0.6 ? 1 : 0))]
  }),
  'lc-0994-rotting-oranges': (rng, p) => ({
    input: [grid(rng, size(p, 'rows', 10), size(p, 'cols', 10), () => rng.pick([1, 1, 1, 1, 2, 0]))]
  }),
  'lc-0417-pacific-atlantic-water-flow': (rng, p) => ({
    input: [grid(rng, size(p, 'rows', 25), size(p, 'cols', 25), () => rng.int(0, 100_000))]
  }),
  'lc-0547-number-of-provinces': (rng, p) => {
    const n = size(p, 'n', 200);
    const m = grid(rng, n, n, () => 0);
    for (let i = 0; i < n; i++) {
      m[i]![i] = 1;
      for (let j = 0; j < i; j++) if (rng.next() < 0.01) m[i]![j] = m[j]![i] = 1;
    }
    return { input: [m] };
  },
  /**
   * A board of mostly one letter and words sharing its prefixes: searching word by word repeats the walk of the
   * prefix from every cell. Past a word's first letter off the prefix, its letters are ones the board never has, so
   * the part of the trie a search can reach is whole at any word count: the search's work grows with the board,
   * the trie's with the words, and not one with the other (with every letter reachable, a trie of 30,000 words
   * let the search go 5.4 times deeper per cell than one of 1,876, and the reference grew ×25 for ×16 words).
   */
  'lc-0212-word-search-ii': (rng, p) => {
    const board = grid(rng, size(p, 'rows', 12), size(p, 'cols', 12), () =>
      rng.next() < 0.9 ? 'a' : rng.pick([...'bcd'])
    );
    const words = new Set<string>();
    while (words.size < size(p, 'words', 30_000))
      words.add(
        'a'.repeat(rng.int(2, 4)) + rng.string(1, 'abcdefghij') + rng.string(rng.int(0, 3), 'efghijklmnopqrstuvwxyz')
      );
    return { input: [board, [...words]] };
  }
};
