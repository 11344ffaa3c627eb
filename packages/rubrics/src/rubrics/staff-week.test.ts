/** The 24 weekly rubrics match the "Evaluation Rubric" blocks of the staff roadmap, names and weights exactly. */
import { describe, expect, it } from 'vitest';
import { SEED } from '../seeds.ts';
import { seedIndex } from '../seed-index.ts';
import { getRubric } from './index.ts';

const seedWeeks = seedIndex.staffWeeks;

describe('staff roadmap weekly rubrics', () => {
  it('finds 24 weeks, each with a four-item rubric, in the seed index', () => {
    expect(seedWeeks.map((w) => w.week)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')));
    for (const week of seedWeeks) expect(week.rubric).toHaveLength(4);
  });

  it.each(seedWeeks.map((w) => [w.week, w] as const))('week %s matches the seed', (week, seed) => {
    const rubric = getRubric(`staff-week-${week}`);
    expect(rubric).toBeDefined();
    expect(rubric?.source).toEqual({ file: SEED.staffEngineer24Week, section: seed.heading });
    expect(rubric?.criteria.map((c) => ({ name: c.name, weight: c.weight }))).toEqual(seed.rubric);
  });
});
