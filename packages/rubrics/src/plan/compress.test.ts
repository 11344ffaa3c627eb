/** Compression: what the scores show known is skipped first, then neighbours merge, the final unit always stays. */
import { describe, expect, it } from 'vitest';
import { SEED } from '../seed-plans.ts';
import { compress, layoutProblem } from './compress.ts';
import { roadmap } from './roadmaps.ts';

const weeks24 = roadmap(SEED.staffEngineer24Week);

describe('compressing a plan before the interview', () => {
  it('leaves a plan that fits alone', () => {
    const plan = compress(weeks24, '2026-12-07', '2027-06-01', {});
    expect(plan.slots).toHaveLength(24);
    expect(plan.decisions).toEqual([]);
  });

  it('fits 24 weeks into 10: merges neighbours, skips the earliest when nothing tells them apart', () => {
    const plan = compress(weeks24, '2026-12-07', '2027-02-15', {});
    expect(plan.available).toBe(10);
    expect(plan.slots).toHaveLength(10);
    expect(plan.slots.at(-1)).toEqual(['w24']);
    expect(plan.slots.flat().length + plan.skipped.length).toBe(24);
    expect(plan.skipped.slice(0, 2)).toEqual(['w01', 'w02']);
    expect(layoutProblem(weeks24, plan.slots, plan.skipped)).toBeNull();
  });

  it('skips what the scores show known, and keeps what they show weak', () => {
    const strong = { correctness: { rating: 3.8, sessions: 4 }, 'code-quality': { rating: 3.6, sessions: 4 } };
    const weak = { scalability: { rating: 1.4, sessions: 3 } };
    const plan = compress(weeks24, '2026-12-07', '2027-02-15', { ...strong, ...weak });
    expect(plan.skipped).toEqual(expect.arrayContaining(['w01']));
    expect(plan.decisions.find((d) => d.units.includes('w01'))!.reason).toMatch(/correctness 3\.8\/4/);
    // Week 9, 10 and 14 teach scalability: never skipped.
    for (const key of ['w09', 'w10', 'w14']) expect(plan.skipped).not.toContain(key);
  });

  it('refuses a layout that loses, repeats or reorders a unit', () => {
    const keys = weeks24.units.map((u) => [u.key]);
    expect(layoutProblem(weeks24, keys, [])).toBeNull();
    expect(layoutProblem(weeks24, keys.slice(1), [])).toMatch(/Every unit/);
    expect(layoutProblem(weeks24, [['w02', 'w01'], ...keys.slice(2)], [])).toMatch(/order/);
    expect(layoutProblem(weeks24, keys, ['w03'])).toMatch(/twice/);
  });
});
