/**
 * The machine's calibration loop: a fixed amount of integer work, the same in Node (`bank:calibrate` records its
 * time beside the references' times) and in the browser (the page times it in a worker of its own, apart from the
 * candidate's code, to tell a busy machine from slow code). Its time moves with the machine's load and speed as
 * a solution's does.
 */

/** The loop as the source of a function, for a worker made from a blob. About 20–40 ms on an idle core. */
export const CALIBRATION_LOOP_SOURCE = `function calibrationLoop(n = 20000000) {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + Math.imul(i, 2654435761)) | 0;
  return x;
}`;

/** Short runs that get the loop compiled by the optimising tier before it is timed (its first long run is ×10). */
export const WARM_UP_SOURCE = 'for (let i = 0; i < 200; i++) calibrationLoop(20000);';

let compiledLoop: ((n?: number) => number) | undefined;

/**
 * The loop itself, for Node: one function, so it is optimised once. Compiled at the first call, not on import: the
 * browser imports this module for its source and its page policy forbids `new Function`.
 */
export function calibrationLoop(n?: number): number {
  compiledLoop ??= new Function(`${CALIBRATION_LOOP_SOURCE}\n${WARM_UP_SOURCE}\nreturn calibrationLoop;`)() as (
    n?: number
  ) => number;
  return compiledLoop(n);
}

/** The median of `runs` timings of the loop on this thread, in ms. */
export function timeCalibrationLoop(runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    calibrationLoop();
    times.push(performance.now() - started);
  }
  return median(times);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A loop this many times slower than the machine's best means the machine is busy: a time-out is not the code's. */
export const BUSY_FACTOR = 2;

/**
 * A confirmed time-out on a busy machine is run once more with its limit scaled by the loop's measured slowdown
 * (the limit in calibration units), up to this factor; past it the machine is too busy for a verdict.
 */
export const MAX_LOAD_SCALE = 6;

/** How much slower the loop ran than its best on this machine, and whether that is busy. */
export function machineLoad(nowMs: number, bestMs: number): { slowdown: number; busy: boolean } {
  const slowdown = bestMs > 0 && Number.isFinite(bestMs) ? nowMs / bestMs : 1;
  return { slowdown, busy: slowdown >= BUSY_FACTOR };
}
