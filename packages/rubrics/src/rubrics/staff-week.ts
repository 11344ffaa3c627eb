/** Builds a weekly rubric of the 24-week staff roadmap: id, title, source and thresholds follow from the week. */
import type { Criterion, Rubric } from '../schema.ts';
import { SEED } from '../seeds.ts';
import { STANDARD_HIRE_THRESHOLDS } from './thresholds.ts';

/**
 * @param week 1–24
 * @param theme the week's heading after the dash, verbatim from the seed
 * @param criteria the week's "Evaluation Rubric" items, names and weights as the seed writes them
 */
export function staffWeekRubric(week: number, theme: string, criteria: Criterion[]): Rubric {
  const nn = String(week).padStart(2, '0');
  return {
    id: `staff-week-${nn}`,
    version: 1,
    title: `Staff roadmap week ${week}: ${theme}`,
    kind: 'project',
    source: { file: SEED.staffEngineer24Week, section: `WEEK ${nn} — ${theme}` },
    hireThresholds: STANDARD_HIRE_THRESHOLDS,
    criteria
  };
}
