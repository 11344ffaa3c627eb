import { describe, expect, it } from 'vitest';
import { currentPhaseId, designPhasePlan, phaseActuals, remainingMs } from './phase-plan.ts';

describe('designPhasePlan', () => {
  it.each([
    { duration: 60, minutes: [8, 7, 15, 15, 10, 5] },
    { duration: 45, minutes: [6, 5, 11, 11, 8, 4] },
    { duration: 90, minutes: [12, 11, 23, 22, 15, 7] },
    { duration: 1, minutes: [0, 0, 1, 0, 0, 0] }
  ])('scales to $duration minutes and adds up exactly', ({ duration, minutes }) => {
    const plan = designPhasePlan(duration);
    expect(plan.map((p) => p.minutes)).toEqual(minutes);
    expect(plan.reduce((sum, p) => sum + p.minutes, 0)).toBe(duration);
    expect(plan.map((p) => p.startsAtMin)).toEqual(
      minutes.map((_, i) => minutes.slice(0, i).reduce((a, b) => a + b, 0))
    );
  });
});

describe('phaseActuals', () => {
  const plan = designPhasePlan(60);
  const t0 = Date.parse('2026-01-01T10:00:00Z');
  const at = (min: number) => new Date(t0 + min * 60_000).toISOString();

  it('measures each phase from its start to the next, and the last to the end', () => {
    const log = [
      { phaseId: 'estimation', startedAt: at(10) },
      { phaseId: 'high-level-design', startedAt: at(15) }
    ];
    const actuals = phaseActuals(plan, log, at(0), at(40));
    expect(actuals.map((a) => [a.id, a.actualMinutes, a.overrunMinutes])).toEqual([
      ['requirements', 10, 2],
      ['estimation', 5, -2],
      ['high-level-design', 25, 10],
      ['deep-dives', 0, -15],
      ['tradeoffs', 0, -10],
      ['wrap-up', 0, -5]
    ]);
  });

  it('counts a phase revisited only from its first start', () => {
    const log = [
      { phaseId: 'estimation', startedAt: at(5) },
      { phaseId: 'estimation', startedAt: at(9) }
    ];
    expect(phaseActuals(plan, log, at(0), at(12))[1]?.actualMinutes).toBe(7);
  });
});

describe('currentPhaseId and remainingMs', () => {
  it('is the last phase moved to, else the first', () => {
    const plan = designPhasePlan(60);
    expect(currentPhaseId(plan, [])).toBe('requirements');
    expect(currentPhaseId(plan, [{ phaseId: 'deep-dives', startedAt: '' }])).toBe('deep-dives');
  });

  it('never goes below zero', () => {
    expect(remainingMs('2026-01-01T10:00:00Z', Date.parse('2026-01-01T09:59:00Z'))).toBe(60_000);
    expect(remainingMs('2026-01-01T10:00:00Z', Date.parse('2026-01-01T10:05:00Z'))).toBe(0);
  });
});
