/** The taxonomy: one entry per id, each with a name and a one-line description. */
import { describe, expect, it } from 'vitest';
import { COMPETENCY_IDS, competencies, getCompetency } from './competencies.ts';

describe('competencies', () => {
  it('has one entry per id, in the same order, about 14–17 of them', () => {
    expect(competencies.map((c) => c.id)).toEqual([...COMPETENCY_IDS]);
    expect(competencies.length).toBeGreaterThanOrEqual(14);
    expect(competencies.length).toBeLessThanOrEqual(17);
  });

  it.each(competencies.map((c) => [c.id, c] as const))('%s has a name and a one-line description', (_id, c) => {
    expect(c.name.length).toBeGreaterThan(3);
    expect(c.description).toMatch(/^[^\n]{20,160}$/);
  });

  it('looks competencies up by id', () => {
    expect(getCompetency('estimation')?.name).toBe('Capacity estimation');
    expect(getCompetency('juggling')).toBeUndefined();
  });
});
