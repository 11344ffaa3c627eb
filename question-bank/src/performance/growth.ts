/**
 * The complexity rule: whether a solution's time grows as its problem's declared class allows. A problem's
 * performance tests are a ladder (the same seed at sizes n₀ < n₁ …), timed one after the other in one worker,
 * each time net of the harness's own work and in units of the calibration loop timed in that worker at that
 * moment, so a busy or a fast machine moves every rung alike and leaves the ratios alone. The first rung has a
 * limit in loop units (ten times the reference's); each later rung may take what the declared class allows over
 * the previous one: the geometric midpoint between the declared class's growth and the next slower class's, so
 * a solution one class too slow is out by a factor of about √(its growth ÷ the declared one's) whatever the
 * machine, and the reference is in by as much. Pure: the drivers (Node's `node-judge.ts`, the page's
 * `runner.ts`) time, this decides.
 */

/** The classes a problem may declare, slowest last. `n` is the size its performance ladder grows. */
export const COMPLEXITY_CLASSES = [
  'O(1)',
  'O(log n)',
  'O(n)',
  'O(n log n)',
  'O(n^2)',
  'O(n^2 log n)',
  'O(n^3)',
  'O(2^n)',
  'O(n * 2^n)',
  'O(n * n!)'
] as const;
export type ComplexityClass = (typeof COMPLEXITY_CLASSES)[number];

/**
 * What a problem declares: the class of one call, or of each operation when a test is a sequence of operations
 * whose count grows with n (a class problem's calls, many queries on one input): then the ladder's total is
 * n times the class.
 */
export interface Complexity {
  time: ComplexityClass;
  per: 'call' | 'operation';
}

const log = (n: number) => Math.log2(Math.max(2, n));
const factorial = (n: number) => {
  let out = 1;
  for (let i = 2; i <= n; i++) out *= i;
  return out;
};

/** Work of one call (or one operation) of each class at size n, up to a constant. */
const WORK: Record<ComplexityClass, (n: number) => number> = {
  'O(1)': () => 1,
  'O(log n)': (n) => log(n),
  'O(n)': (n) => n,
  'O(n log n)': (n) => n * log(n),
  'O(n^2)': (n) => n * n,
  'O(n^2 log n)': (n) => n * n * log(n),
  'O(n^3)': (n) => n ** 3,
  'O(2^n)': (n) => 2 ** n,
  'O(n * 2^n)': (n) => n * 2 ** n,
  'O(n * n!)': (n) => n * factorial(n)
};

/** The solution one class too slow: what a scan in place of a lookup, or a nested loop in place of one pass, costs. */
export const ONE_CLASS_SLOWER: Record<ComplexityClass, ComplexityClass> = {
  'O(1)': 'O(n)',
  'O(log n)': 'O(n)',
  'O(n)': 'O(n^2)',
  'O(n log n)': 'O(n^2)',
  'O(n^2)': 'O(n^3)',
  'O(n^2 log n)': 'O(n^3)',
  'O(n^3)': 'O(2^n)',
  'O(2^n)': 'O(n * 2^n)',
  'O(n * 2^n)': 'O(n * n!)',
  'O(n * n!)': 'O(n * n!)'
};

/** How much the total work of a test grows from size `from` to size `to` under `time` declared `per`. */
export function workGrowth(time: ComplexityClass, per: Complexity['per'], from: number, to: number): number {
  const total = (n: number) => WORK[time](n) * (per === 'operation' ? n : 1);
  return total(to) / total(from);
}

/**
 * The growth allowed from `from` to `to`: the geometric midpoint between the declared class's growth and the
 * next slower class's.
 */
export function allowedGrowth(complexity: Complexity, from: number, to: number): number {
  const declared = workGrowth(complexity.time, complexity.per, from, to);
  const slower = workGrowth(ONE_CLASS_SLOWER[complexity.time], complexity.per, from, to);
  return Math.sqrt(declared * slower);
}

/**
 * Times below this many calibration loops are too short to tell apart (the message's trip, a timer's grain, a
 * moment's preemption): a rung's time counts as at least this much when it is the base of the next one's allowance.
 */
export const RESOLUTION_LOOPS = 0.5;

/** One rung as timed: its size, the call's time, the harness's own time on the same input, the loop's time then. */
export interface RungTiming {
  n: number;
  /** The call's time (the page's clock, request to reply), ms. Infinity when it was stopped at its allowance. */
  ms: number;
  /** A call of the harness alone on the same input (a stub in place of the candidate's entry), ms. */
  harnessMs: number;
  /** The calibration loop timed in the same worker beside this rung, ms. */
  loopMs: number;
}

/** A rung's time in calibration loops, net of the harness. */
export function loopsOf(rung: Pick<RungTiming, 'ms' | 'harnessMs' | 'loopMs'>): number {
  return Math.max(0, rung.ms - rung.harnessMs) / rung.loopMs;
}

/**
 * What rung `index` may take, in loops: the first rung its limit; a later one the previous rung's time (at least
 * the resolution) times the growth the class allows between their sizes.
 */
export function allowedLoops(
  complexity: Complexity,
  limitLoops: number,
  previous: { n: number; loops: number } | null,
  n: number
): number {
  if (!previous) return limitLoops;
  return allowedGrowth(complexity, previous.n, n) * Math.max(previous.loops, RESOLUTION_LOOPS);
}

export type GrowthVerdict =
  | {
      ok: true;
      /** The smallest allowance over time of any rung: how far the solution is from a verdict against it. */
      margin: number;
    }
  | {
      ok: false;
      /** The rung that went over. */
      index: number;
      /** 'limit': the first rung over its limit; 'growth': a later rung grew more than the class allows. */
      reason: 'limit' | 'growth';
      loops: number;
      allowedLoops: number;
      /** For 'growth': the measured growth over the previous rung and the growth allowed. */
      growth?: number;
      allowed?: number;
    };

/** The verdict on a ladder timed in order (sizes rising). */
export function judgeGrowth(complexity: Complexity, limitLoops: number, rungs: RungTiming[]): GrowthVerdict {
  let margin = Infinity;
  let previous: { n: number; loops: number } | null = null;
  for (const [index, rung] of rungs.entries()) {
    const loops = loopsOf(rung);
    const allowed = allowedLoops(complexity, limitLoops, previous, rung.n);
    if (!(loops <= allowed)) {
      if (!previous) return { ok: false, index, reason: 'limit', loops, allowedLoops: allowed };
      const base = Math.max(previous.loops, RESOLUTION_LOOPS);
      return {
        ok: false,
        index,
        reason: 'growth',
        loops,
        allowedLoops: allowed,
        growth: loops / base,
        allowed: allowedGrowth(complexity, previous.n, rung.n)
      };
    }
    margin = Math.min(margin, allowed / Math.max(loops, RESOLUTION_LOOPS / 10));
    previous = { n: rung.n, loops };
  }
  return { ok: true, margin };
}

/** The verdict in words, for the results panel and the stats. */
export function describeGrowth(complexity: Complexity, verdict: GrowthVerdict, sizes: number[]): string {
  if (verdict.ok) return `grows within ${complexity.time}${complexity.per === 'operation' ? ' per operation' : ''}`;
  const loops = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : 'over');
  if (verdict.reason === 'limit')
    return `took ${loops(verdict.loops)} calibration loops at n = ${sizes[verdict.index]}, over the ${loops(verdict.allowedLoops)} allowed`;
  const grew = Number.isFinite(verdict.growth!)
    ? `×${verdict.growth!.toFixed(1)}`
    : `more than ×${verdict.allowed!.toFixed(1)}`;
  return `time grew ${grew} from n = ${sizes[verdict.index - 1]} to n = ${sizes[verdict.index]}; ${complexity.time}${complexity.per === 'operation' ? ' per operation' : ''} allows ×${verdict.allowed!.toFixed(1)}`;
}
