/** An assessment as a session shows it: its problems in order, each one's latest result, and the pair's score. */
import { difficultySchema } from '@mockloop/question-bank/schema';
import { z } from 'zod';

/** A problem's latest judged submission: tests passed (hidden and performance) and when it was made. */
const partResultSchema = z.object({
  passed: z.int(),
  total: z.int(),
  /** Minutes from the assessment's start to that submission. */
  minutes: z.number()
});

export const assessmentSchema = z.object({
  id: z.string(),
  parts: z.array(
    z.object({
      sessionId: z.string(),
      questionId: z.string(),
      questionTitle: z.string(),
      /** Null when the problem has left the bank since. */
      difficulty: difficultySchema.nullable(),
      status: z.enum(['active', 'submitted']),
      /** Null until a submission of this problem is judged; shown to the owner only. */
      result: partResultSchema.nullable()
    })
  ),
  /**
   * Both problems as one result, for the owner: `score` is the mean of the two pass rates in percent (a problem
   * with no judged submission counts 0), `minutes` runs to the last judged submission of either.
   */
  combined: z
    .object({ score: z.int().min(0).max(100), passed: z.int(), total: z.int(), minutes: z.number().nullable() })
    .nullable()
});
export type Assessment = z.infer<typeof assessmentSchema>;
