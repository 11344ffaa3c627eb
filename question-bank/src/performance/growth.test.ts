/**
 * The complexity rule on synthetic timings: a solution of the declared class passes, one class slower fails by
 * growth, whatever the machine's speed or load (times in calibration loops), with noise on tiny times tolerated.
 */
import { describe, expect, it } from 'vitest';
import { allowedGrowth, judgeGrowth, RESOLUTION_LOOPS, type Complexity, type RungTiming } from './growth.ts';

const linear: Complexity = { time: 'O(n)', per: 'call' };
const nLogN: Complexity = { time: 'O(n log n)', per: 'call' };
const quadratic: Complexity = { time: 'O(n^2)', per: 'call' };
const logPerCall: Complexity = { time: 'O(log n)', per: 'call' };
const constantPerOp: Complexity = { time: 'O(1)', per: 'operation' };
const logPerOp: Complexity = { time: 'O(log n)', per: 'operation' };

/** Two rungs, n and 16n, on a machine whose loop takes `loopMs`; `harnessMs` of harness work on each. */
function ladder(msSmall: number, msLarge: number, loopMs = 30, harness: [number, number] = [0, 0]): RungTiming[] {
  return [
    { n: 6250, ms: msSmall + harness[0], harnessMs: harness[0], loopMs },
    { n: 100_000, ms: msLarge + harness[1], harnessMs: harness[1], loopMs }
  ];
}

describe('allowed growth', () => {
  it.each([
    [linear, 16, 64], // O(n) ×16, O(n²) ×256
    [constantPerOp, 16, 64], // n operations of O(1), against n of O(n)
    [quadratic, 256, 1024],
    [nLogN, 16 * (Math.log2(100_000) / Math.log2(6250)), undefined],
    [logPerCall, Math.log2(100_000) / Math.log2(6250), undefined]
  ] as const)('%o: the midpoint between its growth and the next class', (complexity, declared, expected) => {
    const allowed = allowedGrowth(complexity, 6250, 100_000);
    if (expected !== undefined) expect(allowed).toBeCloseTo(expected, 6);
    // At least ×3 from the declared class's growth, so the reference has its margin.
    expect(allowed / declared).toBeGreaterThanOrEqual(3);
  });
});

describe('the verdict', () => {
  const cases: [string, Complexity, RungTiming[], 'ok' | 'limit' | 'growth'][] = [
    ['linear reference', linear, ladder(3, 48), 'ok'],
    ['linear reference, the large rung preempted ×2', linear, ladder(3, 96), 'ok'],
    ['quadratic where linear is declared', linear, ladder(30, 7680), 'growth'],
    ['quadratic stopped at its allowance (Infinity)', linear, ladder(30, Infinity), 'growth'],
    ['the same quadratic on a machine ×4 slower', linear, ladder(120, 30_720, 120), 'growth'],
    ['the linear reference on a machine ×4 slower', linear, ladder(12, 192, 120), 'ok'],
    ['too fast to time, noise on both rungs', linear, ladder(0.2, 1.9), 'ok'],
    ['too fast to time, a 25 ms hiccup on the large rung', linear, ladder(0.1, 25), 'ok'],
    ['first rung over its limit', linear, ladder(400, 500), 'limit'],
    ['n log n reference', nLogN, ladder(5, 100), 'ok'],
    ['quadratic where n log n is declared', nLogN, ladder(10, 2560), 'growth'],
    ['O(log n) search, many calls', logPerCall, ladder(20, 26), 'ok'],
    ['linear scan where O(log n) is declared', logPerCall, ladder(20, 320), 'growth'],
    ['harness time subtracted: it grows linearly, the search does not', logPerCall, ladder(20, 26, 30, [5, 80]), 'ok'],
    ['O(1) per operation, n operations', constantPerOp, ladder(2, 35), 'ok'],
    ['O(n) per operation where O(1) is declared', constantPerOp, ladder(6, 1536), 'growth'],
    ['O(log n) per operation', logPerOp, ladder(4, 80), 'ok'],
    ['O(n) per operation where O(log n) is declared', logPerOp, ladder(8, 2048), 'growth'],
    ['cubic where quadratic is declared', quadratic, ladder(30, 122_880), 'growth'],
    ['quadratic reference', quadratic, ladder(3, 800), 'ok']
  ];
  it.each(cases)('%s', (_, complexity, rungs, expected) => {
    const verdict = judgeGrowth(complexity, 10, rungs);
    expect(verdict.ok ? 'ok' : verdict.reason).toBe(expected);
  });

  it('gives the same verdicts on a fast machine, a slow one and a busy moment (times scaled with the loop)', () => {
    for (const [, complexity, rungs] of cases) {
      const base = judgeGrowth(complexity, 10, rungs).ok;
      for (const factor of [0.25, 3, 7]) {
        const scaled = rungs.map((r) => ({
          ...r,
          ms: r.ms * factor,
          harnessMs: r.harnessMs * factor,
          loopMs: r.loopMs * factor
        }));
        expect(judgeGrowth(complexity, 10, scaled).ok).toBe(base);
      }
    }
  });

  it('reports the reference margin: the allowance over the time, at least ×3 for a clean linear ladder', () => {
    const verdict = judgeGrowth(linear, 10, ladder(3, 48));
    expect(verdict.ok && verdict.margin).toBeGreaterThanOrEqual(3);
  });

  it('counts a rung under the resolution as the resolution', () => {
    const verdict = judgeGrowth(linear, 10, ladder(0, 64 * RESOLUTION_LOOPS * 30 * 0.99));
    expect(verdict.ok).toBe(true);
    expect(judgeGrowth(linear, 10, ladder(0, 64 * RESOLUTION_LOOPS * 30 * 1.01)).ok).toBe(false);
  });
});
