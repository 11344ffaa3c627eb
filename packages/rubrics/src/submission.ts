/** Schemas for ratings and for a self or peer score submission, shared by the API and the web app. */
import { z } from 'zod';
import type { Rubric } from './schema.ts';

/** 1 not shown, 2 partial, 3 solid, 4 exceptional. */
export const ratingSchema = z.int().min(1).max(4);

/** Criterion id → rating. Says nothing about which criteria must be present; see ratingsSchemaFor. */
export const ratingsSchema = z.record(z.string().min(1), ratingSchema);

/** Criterion id → a free-text note; bounded so a submission stays a small document. */
export const criterionNotesSchema = z.record(z.string().min(1), z.string().max(4000));

export const scoreSubmissionSchema = z.object({
  ratings: ratingsSchema,
  notes: criterionNotesSchema.default({})
});

export type Rating = z.infer<typeof ratingSchema>;
export type Ratings = Record<string, number>;
export type CriterionNotes = z.infer<typeof criterionNotesSchema>;
export type ScoreSubmission = z.infer<typeof scoreSubmissionSchema>;

function criterionIdSchema(rubric: Rubric) {
  const ids = rubric.criteria.map((c) => c.id);
  return z.enum(ids as [string, ...string[]]);
}

/**
 * Ratings for exactly this rubric's criteria: every criterion rated, no unknown ids. Validation
 * errors name the missing or unknown criterion, so the API can report the field.
 */
export function ratingsSchemaFor(rubric: Rubric) {
  return z.record(criterionIdSchema(rubric), ratingSchema);
}

/** A complete submission for this rubric: every criterion rated; notes optional, on known criteria only. */
export function scoreSubmissionSchemaFor(rubric: Rubric) {
  return z.object({
    ratings: ratingsSchemaFor(rubric),
    notes: z.partialRecord(criterionIdSchema(rubric), z.string().max(4000)).default({})
  });
}
