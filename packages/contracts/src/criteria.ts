/** The criterion ids any rubric has: a score names only these (which of them a session's rubric has is its own). */
import { rubrics } from '@mockloop/rubrics';
import { z } from 'zod';

const KNOWN_CRITERIA = [...new Set(rubrics.flatMap((rubric) => rubric.criteria.map((criterion) => criterion.id)))];

export const criterionIdSchema = z.enum(KNOWN_CRITERIA as [string, ...string[]], { error: 'Unknown criterion' });

/**
 * Criterion id → value, for known criteria only; which criteria a score needs is its session's rubric's business.
 * Typed as a plain record: none of its keys is required.
 */
export function byCriterion<T extends z.ZodType>(value: T) {
  return z.partialRecord(criterionIdSchema, value).meta({ additionalProperties: false }) as unknown as z.ZodType<
    Record<string, z.output<T>>,
    Record<string, z.input<T>>
  >;
}
