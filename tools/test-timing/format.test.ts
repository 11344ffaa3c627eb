import { describe, expect, it } from 'vitest';
import { formatDuration, summary } from './format.mjs';

describe('formatDuration', () => {
  it.each([
    [0, '0.0 s'],
    [58_240, '58.2 s'],
    [60_000, '1 min 00 s'],
    [845_400, '14 min 05 s'],
    [3_661_000, '61 min 01 s']
  ])('%i ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('summary', () => {
  it('names each step and the wall time, and says whether the run passed', () => {
    const steps = [
      { name: 'build', ms: 61_000 },
      { name: 'vitest', ms: 842_000 }
    ];
    expect(summary(steps, 903_500, 0)).toBe(
      'npm test passed: build 1 min 01 s, vitest 14 min 02 s; wall time 15 min 04 s'
    );
    expect(summary(steps.slice(0, 1), 61_000, 2)).toBe(
      'npm test failed (exit 2): build 1 min 01 s; wall time 1 min 01 s'
    );
  });
});
