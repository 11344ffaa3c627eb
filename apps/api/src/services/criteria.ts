/** Checks that a score names only criteria of the session's rubric, reporting each stray id as a field. */
import type { Rubric } from '@mockloop/rubrics';
import { ApiError } from '../errors.ts';

export function assertKnownCriteria(rubric: Rubric, score: { ratings: object; notes: object }): void {
  const known = new Set(rubric.criteria.map((c) => c.id));
  const fields: Record<string, string> = {};
  for (const [part, record] of Object.entries(score) as [string, object][]) {
    for (const id of Object.keys(record))
      if (!known.has(id)) fields[`${part}.${id}`] = 'Not a criterion of this rubric';
  }
  if (Object.keys(fields).length > 0) {
    throw new ApiError(400, 'VALIDATION_FAILED', `Unknown criteria: ${Object.keys(fields).join(', ')}.`, fields);
  }
}
