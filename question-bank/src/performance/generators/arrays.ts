/** Generators for the array problems: sizes from each statement's constraints, shaped so a slower algorithm shows. */
import { size, type Generator } from './types.ts';

export const arrayGenerators: Record<string, Generator> = {
  /** Numbers ≡ 0 (mod 3) except two ≡ 1 near the end: their sum ≡ 2 is the only pair that reaches the target. */
  'lc-0001-two-sum': (rng, p) => {
    const n = size(p, 'n', 10_000);
    const nums = rng.ints(n - 2, -333_333_333, 333_333_333).map((x) => 3 * x);
    const a = 3 * rng.int(-100_000_000, 100_000_000) + 1;
    const b = 3 * rng.int(-100_000_000, 100_000_000) + 1;
    nums.splice(rng.int(n - 200, n - 2), 0, a);
    nums.push(b);
    return { input: [nums, a + b] };
  },
  'lc-0011-container-with-most-water': (rng, p) => ({ input: [rng.ints(size(p, 'n', 100_000), 0, 10_000)] }),
  /** Many distinct values, so the answer has thousands of triplets and a cubic scan is far too slow. */
  'lc-0015-3sum': (rng, p) => ({
    input: [rng.ints(size(p, 'n', 3000), -size(p, 'range', 100_000), size(p, 'range', 100_000))]
  }),
  'lc-0053-maximum-subarray': (rng, p) => ({ input: [rng.ints(size(p, 'n', 100_000), -10_000, 10_000)] }),
  'lc-0084-largest-rectangle-in-histogram': (rng, p) => {
    const n = size(p, 'n', 100_000);
    // Ascending runs make a naive "extend left and right" scan quadratic.
    return {
      input: [Array.from({ length: n }, (_, i) => (i < n / 2 ? Math.floor((i * 10_000) / n) : rng.int(0, 10_000)))]
    };
  },
  'lc-0128-longest-consecutive-sequence': (rng, p) => {
    const n = size(p, 'n', 100_000);
    // One long run and noise, shuffled.
    const run = Array.from({ length: n / 2 }, (_, i) => i - n / 4);
    return { input: [rng.shuffle([...run, ...rng.ints(n / 2, -1_000_000_000, 1_000_000_000)])] };
  },
  'lc-0150-evaluate-reverse-polish-notation': (rng, p) => {
    const operands = Math.floor(size(p, 'n', 10_000) / 2);
    const tokens = [String(rng.int(1, 9))];
    for (let i = 1; i < operands; i++) tokens.push(String(rng.int(1, 9)), rng.pick(['+', '-']));
    return { input: [tokens] };
  },
  'lc-0153-find-minimum-in-rotated-sorted-array': (rng, p) => {
    const sorted = rng.distinctInts(size(p, 'n', 5000), -5000, 5000).sort((a, b) => a - b);
    const k = rng.int(0, sorted.length - 1);
    return { input: [[...sorted.slice(k), ...sorted.slice(0, k)]] };
  },
  'lc-0167-two-sum-ii': (rng, p) => {
    const n = size(p, 'n', 30_000);
    // Multiples of 4, and two numbers ≡ 1 (mod 4) whose sum is the target: the only pair ≡ 2 (mod 4).
    const numbers = rng.ints(n - 2, -250, 250).map((x) => 4 * x);
    const a = 4 * rng.int(-200, 200) + 1;
    const b = 4 * rng.int(-200, 200) + 1;
    numbers.push(a, b);
    return { input: [numbers.sort((x, y) => x - y), a + b] };
  },
  'lc-0215-kth-largest-element-in-an-array': (rng, p) => {
    const n = size(p, 'n', 100_000);
    return { input: [rng.ints(n, -10_000, 10_000), Math.floor(n / 2)] };
  },
  'lc-0217-contains-duplicate': (rng, p) => ({
    input: [rng.distinctInts(size(p, 'n', 100_000), -1_000_000_000, 1_000_000_000)]
  }),
  'lc-0238-product-of-array-except-self': (rng, p) => {
    const n = size(p, 'n', 100_000);
    // Mostly ±1, a few 2s: every prefix and suffix product fits in 32 bits.
    const nums = Array.from({ length: n }, () => rng.pick([1, -1]));
    for (let i = 0; i < 20; i++) nums[rng.int(0, n - 1)] = 2;
    return { input: [nums] };
  },
  'lc-0283-move-zeroes': (rng, p) => ({
    input: [
      Array.from({ length: size(p, 'n', 10_000) }, () => (rng.next() < 0.5 ? 0 : rng.int(-(2 ** 31), 2 ** 31 - 1)))
    ]
  }),
  'lc-0344-reverse-string': (rng, p) => ({
    input: [[...rng.string(size(p, 'n', 100_000), 'abcdefghijklmnopqrstuvwxyz0123456789')]]
  }),
  /** k values seen 20 times, the rest 5 times: the top k is unique. */
  'lc-0347-top-k-frequent-elements': (rng, p) => {
    const n = size(p, 'n', 100_000);
    const k = size(p, 'k', 1000);
    const values = rng.distinctInts(k + Math.floor((n - 20 * k) / 5), -10_000, 10_000);
    const nums = values.flatMap((v, i) => new Array<number>(i < k ? 20 : 5).fill(v));
    return { input: [rng.shuffle(nums), k] };
  },
  'lc-0480-sliding-window-median': (rng, p) => ({
    input: [rng.ints(size(p, 'n', 100_000), -(2 ** 31), 2 ** 31 - 1), size(p, 'k', 1000)]
  }),
  'lc-0496-next-greater-element-i': (rng, p) => {
    const nums2 = rng.distinctInts(size(p, 'n', 1000), 0, 10_000);
    return { input: [rng.shuffle([...nums2]).slice(0, nums2.length / 2), nums2] };
  },
  'lc-0502-ipo': (rng, p) => {
    const n = size(p, 'n', 100_000);
    const profits = rng.ints(n, 0, 10_000);
    // Capital spread so projects become affordable a few at a time as the capital grows.
    const capital = Array.from({ length: n }, (_, i) => rng.int(0, i * 2500));
    return { input: [size(p, 'k', 100_000), 0, profits, capital] };
  },
  'lc-0540-single-element-in-a-sorted-array': (rng, p) => {
    const pairs = Math.floor(size(p, 'n', 99_999) / 2);
    const values = rng.distinctInts(pairs + 1, -100_000, 100_000).sort((a, b) => a - b);
    const single = rng.int(0, pairs);
    return { input: [values.flatMap((v, i) => (i === single ? [v] : [v, v]))] };
  },
  'lc-0560-subarray-sum-equals-k': (rng, p) => ({
    input: [rng.ints(size(p, 'n', 20_000), -1000, 1000), rng.int(-100, 100)]
  }),
  /** Many queries on one sorted array (LC 704 asks for O(log n) a search); half the targets are absent, so a scan reads the whole array for them. */
  'lc-0704-binary-search': (rng, p) => {
    const nums = rng.distinctInts(size(p, 'n', 10_000), -10_000, 9_999).sort((a, b) => a - b);
    return { input: [nums, rng.ints(size(p, 'queries', 20_000), -10_000, 9_999)], vary: 1 };
  },
  /** Many days at the top temperature first: a forward scan from each of them runs to the end. */
  'lc-0739-daily-temperatures': (rng, p) => {
    const n = size(p, 'n', 100_000);
    return { input: [Array.from({ length: n }, (_, i) => (i < n / 2 ? 100 : rng.int(30, 99)))] };
  },
  'lc-0853-car-fleet': (rng, p) => {
    const n = size(p, 'n', 100_000);
    const target = 1_000_000;
    return { input: [target, rng.distinctInts(n, 0, target - 1), rng.ints(n, 1, 1_000_000)] };
  },
  'lc-0973-k-closest-points-to-origin': (rng, p) => {
    const n = size(p, 'n', 10_000);
    // Distinct distances, so the k closest are one set.
    const points = rng.distinctInts(n, 0, 10_000 * 10_000).map((d) => [d % 10_000, Math.floor(d / 10_000)]);
    const seen = new Set<number>();
    const unique = points.filter(([x, y]) => !seen.has(x! * x! + y! * y!) && seen.add(x! * x! + y! * y!));
    return { input: [unique, Math.floor(unique.length / 2)] };
  },
  'k-means': (rng, p) => {
    const n = size(p, 'n', 2000);
    const d = size(p, 'd', 5);
    const k = size(p, 'k', 10);
    const point = () => Array.from({ length: d }, () => rng.int(-10_000, 10_000) / 100);
    const points = Array.from({ length: n }, point);
    return { input: [points, points.slice(0, k).map((c) => [...c]), size(p, 'iterations', 20)] };
  }
};
