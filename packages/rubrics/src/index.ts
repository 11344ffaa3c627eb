/** @mockloop/rubrics: rubric data and schemas, the competency taxonomy, the study plan, pure scoring functions. */
export * from './schema.ts';
export * from './seeds.ts';
export * from './submission.ts';
export * from './competencies.ts';
export * from './patterns.ts';
export * from './study-plan.ts';
export * from './scoring.ts';
export * from './calibration.ts';
export * from './auto-rating.ts';
export { rubrics, getRubric, RUBRIC_IDS } from './rubrics/index.ts';
export { STANDARD_HIRE_THRESHOLDS } from './rubrics/thresholds.ts';
export * from './phase-plan.ts';
export * from './key-point-match.ts';
export * from './leadership-themes.ts';
export * from './star.ts';
export * from './loop-templates.ts';
export * from './committee.ts';
export * from './committee-lines.ts';
