/** A planted weak area brings the units that teach it back into the plan, with a recheck mock a few days later. */
import { describe, expect, it } from 'vitest';
import { SEED } from '../seed-plans.ts';
import { layOut, mocksNow, scheduledMocks } from './calendar.ts';
import { compress } from './compress.ts';
import { roadmap } from './roadmaps.ts';
import { acceptWeakArea, proposeForWeakArea } from './weak-areas.ts';

const weeks24 = roadmap(SEED.staffEngineer24Week);
const patterns = new Set<string>();

describe('weak areas in the plan', () => {
  it('brings the skipped units that teach a weak criterion back, after the current week, and rechecks it', () => {
    const { slots, skipped } = compress(weeks24, '2026-12-07', '2027-02-15', {});
    const spec = { start: '2026-12-07', interview: '2027-02-15', slots, skipped, rechecks: [] };
    expect(skipped).toEqual(expect.arrayContaining(['w01', 'w02']));
    // Correctness keeps scoring low: weeks 1 and 2 of the staff roadmap teach it.
    const proposal = proposeForWeakArea(weeks24, spec, [], 'correctness', '2026-12-09', patterns);
    expect(proposal.units.map((u) => [u.key, u.status])).toEqual([
      ['w01', 'skipped'],
      ['w02', 'skipped']
    ]);
    expect(proposal.recheck).toEqual({ on: '2026-12-12', kind: 'coding' });
    const next = acceptWeakArea(weeks24, spec, [], proposal, '2026-12-09');
    expect(next.skipped).not.toContain('w01');
    const placed = layOut(weeks24, next, [], '2026-12-09');
    expect(placed[1]!.units.map((u) => u.key)).toEqual(['w01', 'w02']);
    expect(placed[1]!.start).toBe('2026-12-14');
    expect(scheduledMocks(placed, next).find((m) => m.area === 'correctness')).toMatchObject({
      on: '2026-12-12',
      kind: 'coding'
    });
    expect(mocksNow(placed, next, '2026-12-11', new Set()).some((m) => m.area)).toBe(false);
    expect(mocksNow(placed, next, '2026-12-12', new Set()).some((m) => m.area === 'correctness')).toBe(true);
    // Taken twice: no second recheck, no second slot.
    expect(
      acceptWeakArea(
        weeks24,
        next,
        [],
        proposeForWeakArea(weeks24, next, [], 'correctness', '2026-12-09', patterns),
        '2026-12-09'
      )
    ).toEqual(next);
  });
});
