import { describe, expect, it } from 'vitest';
import { along, sparkline } from './readiness-picture.ts';

describe('readiness picture', () => {
  it('clamps scores to the track', () => {
    expect([along(-5), along(42), along(120)]).toEqual([0, 42, 100]);
  });
  it('draws the history left to right, higher scores higher', () => {
    expect(sparkline([{ estimate: 0 }, { estimate: 50 }, { estimate: 100 }], 100, 20)).toBe('0,20 50,10 100,0');
    expect(sparkline([{ estimate: 50 }], 100, 20)).toBe('50,10');
    expect(sparkline([], 100, 20)).toBe('');
  });
});
