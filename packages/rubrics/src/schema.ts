/** The zod schema of a rubric: its criteria, level descriptors, hire thresholds and the seed it comes from. */
import { z } from 'zod';
import { competencyIdSchema } from './competencies.ts';
import { LEADERSHIP_THEME_IDS } from './leadership-themes.ts';
import { RUBRIC_KINDS } from './kinds.ts';
import { sourceSchema } from './seeds.ts';

export { RUBRIC_KINDS };

const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

/** One line of text: the UI shows descriptions and level descriptors inline. */
const oneLineSchema = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .regex(/^[^\n\r]*$/, 'a single line');

/** A leadership theme a behavioral prompt or a story is filed under. */
export const leadershipThemeSchema = z.enum(LEADERSHIP_THEME_IDS);

export const rubricKindSchema = z.enum(RUBRIC_KINDS);

/** Criteria that can be rated from measurements of the session rather than by judgement. */
export const AUTO_KINDS = ['testPassRate', 'timeVsBox', 'phaseTiming', 'keyPointCoverage', 'starStructure'] as const;
export const autoKindSchema = z.enum(AUTO_KINDS);

/** Worst to best; the order matters to hireSignal's cap. */
import { HIRE_SIGNALS } from './constants.ts';

export { HIRE_SIGNALS };
export const hireSignalSchema = z.enum(HIRE_SIGNALS);

/** What each rating means, written for one criterion: 1 not shown, 2 partial, 3 solid, 4 exceptional. */
export const levelsSchema = z.object({
  1: oneLineSchema,
  2: oneLineSchema,
  3: oneLineSchema,
  4: oneLineSchema
});

export const criterionSchema = z.object({
  id: slugSchema,
  name: z.string().min(3),
  /** Percent of the score; a rubric's weights sum to 100. Whole numbers keep the sum exact. */
  weight: z.int().min(1).max(100),
  description: oneLineSchema,
  levels: levelsSchema,
  competency: competencyIdSchema,
  /** A rating of 1 here caps the hire signal at "No Hire", whatever the score. */
  critical: z.boolean().optional(),
  auto: autoKindSchema.optional()
});

/**
 * The lowest weighted score (0–100) that earns each signal; anything below `noHire` is
 * "Strong No Hire", so three cut-offs define the four signals.
 */
export const hireThresholdsSchema = z
  .object({
    noHire: z.int().min(1).max(100),
    hire: z.int().min(1).max(100),
    strongHire: z.int().min(1).max(100)
  })
  .refine((t) => t.noHire < t.hire && t.hire < t.strongHire, {
    message: 'thresholds must rise: noHire < hire < strongHire'
  });

export const rubricSchema = z.object({
  id: slugSchema,
  version: z.int().min(1),
  title: z.string().min(3),
  kind: rubricKindSchema,
  source: sourceSchema,
  /** Further seed sections the rubric draws on, when it is built from more than one. */
  alsoFrom: z.array(sourceSchema).optional(),
  hireThresholds: hireThresholdsSchema,
  criteria: z
    .array(criterionSchema)
    .min(1)
    .refine((criteria) => criteria.reduce((sum, c) => sum + c.weight, 0) === 100, {
      message: 'criterion weights must sum to 100'
    })
    .refine((criteria) => new Set(criteria.map((c) => c.id)).size === criteria.length, {
      message: 'criterion ids must be unique within a rubric'
    })
});

export type RubricKind = z.infer<typeof rubricKindSchema>;
export type AutoKind = z.infer<typeof autoKindSchema>;
export type HireSignal = z.infer<typeof hireSignalSchema>;
export type Levels = z.infer<typeof levelsSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type HireThresholds = z.infer<typeof hireThresholdsSchema>;
export type Rubric = z.infer<typeof rubricSchema>;
