/** The plan on the calendar: laid from the start, missed days moved forward, today's work, progress, the streak. */
import { describe, expect, it } from 'vitest';
import { SEED } from '../seed-plans.ts';
import { fullLayout } from './compress.ts';
import { currentSlot, layOut, mocksNow, progress, streak, todayIn, todaysTasks, type PlanSpec } from './calendar.ts';
import { roadmap } from './roadmaps.ts';

const days60 = roadmap(SEED.principalAiArchitect60Day);
const weeks24 = roadmap(SEED.staffEngineer24Week);
const spec = (road = days60, start = '2026-12-01'): PlanSpec => ({
  start,
  interview: null,
  slots: fullLayout(road),
  skipped: [],
  rechecks: []
});

describe('plan calendar', () => {
  it('lays one day a unit from the start', () => {
    const placed = layOut(days60, spec(), [], '2026-12-01');
    expect(placed.slice(0, 3).map((s) => [s.units[0]!.key, s.start])).toEqual([
      ['d01', '2026-12-01'],
      ['d02', '2026-12-02'],
      ['d03', '2026-12-03']
    ]);
    expect(placed.at(-1)!.start).toBe('2027-01-29');
  });

  it('moves a missed day forward instead of piling it up', () => {
    // Day 1 ticked on the 1st; nothing on the 2nd or 3rd; it is now the 4th.
    const ticks = [{ task: 'd01.0', on: '2026-12-01' }];
    const placed = layOut(days60, spec(), ticks, '2026-12-04');
    expect(placed.slice(0, 3).map((s) => [s.units[0]!.key, s.start, s.moved])).toEqual([
      ['d01', '2026-12-01', 0],
      ['d02', '2026-12-04', 2],
      ['d03', '2026-12-05', 0]
    ]);
    expect(currentSlot(placed, '2026-12-04')!.units[0]!.key).toBe('d02');
    expect(todaysTasks(currentSlot(placed, '2026-12-04'), ticks, '2026-12-04')[0]!.text).toBe(
      'Decision Trees, Random Forests, Gradient Boosting'
    );
    expect(placed.at(-1)!.start).toBe('2027-01-31');
  });

  it("shows a week's tasks for today's day of it, daily ones each day, and carries an undone earlier day", () => {
    const road = roadmap(SEED.bigTechInterview16Week);
    const s = spec(road, '2026-12-07');
    const wednesday = '2027-01-06'; // week 5 starts Monday 2027-01-04
    const earlier = ['w01', 'w02', 'w03', 'w04'].map((w) => ({ task: `${w}.0`, on: '2026-12-07' }));
    const slot = currentSlot(layOut(road, s, earlier, wednesday), wednesday);
    expect(slot!.units[0]!.key).toBe('w05');
    const tasks = todaysTasks(slot, [{ task: 'w05.1', on: '2027-01-04' }], wednesday);
    expect(tasks.filter((t) => !t.carried).map((t) => t.label)).toEqual(['Wed', 'Wed']);
    // Monday's first block undone: carried; Monday's second done: gone; Tuesday's two undone: carried.
    expect(tasks.filter((t) => t.carried).map((t) => t.label)).toEqual(['Mon', 'Tue', 'Tue']);
  });

  it("offers the week's assessment all week, until it is started", () => {
    const s = spec(weeks24, '2026-12-07');
    const placed = layOut(weeks24, s, [], '2026-12-08');
    expect(mocksNow(placed, s, '2026-12-08', new Set()).map((m) => [m.id, m.rubricId, m.on])).toEqual([
      ['w01.m0', 'staff-week-01', '2026-12-13']
    ]);
    expect(mocksNow(placed, s, '2026-12-08', new Set(['w01.m0']))).toEqual([]);
  });

  it('keeps progress as the 60-day tracker does', () => {
    const ticks = days60.units[0]!.tasks.map((t) => ({ task: t.id, on: '2026-12-01' }));
    expect(progress(days60, spec(), ticks, '2026-12-02')).toMatchObject({
      done: 1,
      total: 60,
      percent: 1.7,
      phase: 'PHASE 1: ML/AI TECHNICAL FOUNDATIONS (Days 1-15)',
      lastDone: { unit: 'd01' },
      current: { unit: 'd02' },
      nextUp: { unit: 'd03' },
      streak: 1
    });
  });

  it("counts the streak in the user's own time zone", () => {
    // 23:30 UTC on the 3rd is already the 4th in Tokyo.
    const at = new Date('2026-12-03T23:30:00Z');
    expect(todayIn(at, 'Asia/Tokyo')).toBe('2026-12-04');
    expect(todayIn(at, 'America/New_York')).toBe('2026-12-03');
    const ticks = ['2026-12-01', '2026-12-02', '2026-12-03'].map((on) => ({ task: 'd01.0', on }));
    expect(streak(ticks, todayIn(at, 'America/New_York'))).toBe(3);
    expect(streak(ticks, todayIn(at, 'Asia/Tokyo'))).toBe(3);
    expect(streak(ticks, '2026-12-05')).toBe(0);
  });
});
