import { describe, expect, it } from 'vitest';
import { BUSY_FACTOR, calibrationLoop, machineLoad, median, timeCalibrationLoop } from './calibration-loop.ts';

describe('the calibration loop', () => {
  it('does a fixed amount of work: the same result every time, a time that grows with its length', () => {
    expect(calibrationLoop(1000)).toBe(calibrationLoop(1000));
    expect(calibrationLoop()).not.toBe(calibrationLoop(1000));
    expect(timeCalibrationLoop(3)).toBeGreaterThan(0);
  });

  it('says busy when it runs BUSY_FACTOR times slower than its best, never before', () => {
    expect(machineLoad(40, 20)).toEqual({ slowdown: 2, busy: true });
    expect(machineLoad(39, 20).busy).toBe(false);
    expect(machineLoad(20, Infinity)).toEqual({ slowdown: 1, busy: false });
    expect(BUSY_FACTOR).toBe(2);
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
