import { describe, expect, it } from 'vitest';
import { phaseVerdict } from './phase-verdict.ts';

describe('phaseVerdict', () => {
  it.each([
    { name: 'no time spent in it', actualMinutes: 0, overrunMinutes: -10, verdict: 'skipped' },
    { name: 'less than planned', actualMinutes: 4, overrunMinutes: -6, verdict: 'within' },
    { name: 'exactly the plan', actualMinutes: 10, overrunMinutes: 0, verdict: 'within' },
    { name: 'over the plan', actualMinutes: 12.5, overrunMinutes: 2.5, verdict: 'over' }
  ])('$name → $verdict', ({ actualMinutes, overrunMinutes, verdict }) => {
    expect(phaseVerdict({ actualMinutes, overrunMinutes })).toBe(verdict);
  });
});
