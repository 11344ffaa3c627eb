/** The path parameters and the small acknowledgements every route family shares, declared once. */
import { rubricSchema } from '@mockloop/rubrics';
import { z } from 'zod';
import { confirmationSchema } from './submissions.ts';

/** A stored record's id in a path (a session, an invite, a story…): the handler says 404 for one it does not know. */
export const idParamSchema = z.object({ id: z.string().min(1).max(100) });

/** A question's or a rubric's id in the bank (slugs can be long). */
export const bankIdParamSchema = z.object({ id: z.string().min(1).max(200) });

/** A session's submission: its id and the submission's number. */
export const submissionParamsSchema = z.object({
  id: z.string().min(1).max(100),
  n: z.coerce.number().int().min(1).max(100_000)
});

/** One segment of a session's recording: its number, up to a day's worth. */
export const recordingSegmentParamsSchema = idParamSchema.extend({
  segment: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60_000)
});

export const okResponseSchema = z.object({ ok: z.literal(true) });
export const deletedResponseSchema = z.object({ deleted: z.literal(true) });
export const deletedChunksResponseSchema = z.object({ deletedChunks: z.int() });

/** A self-run submission's result as stored. */
export const submissionResultSchema = z.object({ n: z.int(), passed: z.int(), total: z.int() });
export type SubmissionResult = z.infer<typeof submissionResultSchema>;
/** A reviewer's confirmation as recorded. */
export const recordedConfirmationSchema = submissionResultSchema.extend({ results: confirmationSchema.shape.results });

const studyRefSchema = z.object({ file: z.string(), section: z.string(), label: z.string(), topic: z.string() });
/** `GET /api/rubrics`: every rubric, the competency taxonomy, the coding patterns and the study-plan map. */
export const rubricCatalogSchema = z.object({
  items: z.array(rubricSchema),
  competencies: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
  patterns: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  studyPlan: z.object({
    competencies: z.record(z.string(), z.array(studyRefSchema)),
    patterns: z.record(z.string(), z.array(studyRefSchema))
  })
});
export type RubricCatalog = z.infer<typeof rubricCatalogSchema>;
export const rubricResponseSchema = z.object({ rubric: rubricSchema });
