/** A coding session's submissions: the code judged on the hidden tests, the verdicts, and reviewers' confirmations. */
import { performanceTestSchema } from '@mockloop/question-bank/schema';
import { z } from 'zod';
import { MAX_SCENE_DEPTH } from './constants.ts';
import { languageSchema, nestingDepth, noteSchema } from './work.ts';

/** A test's verdict: passed, a wrong answer, an error, or past its time limit. */
export const verdictSchema = z.enum(['pass', 'fail', 'error', 'timeout']);
export type Verdict = z.infer<typeof verdictSchema>;
/** A submitted test's verdict: as above, or `notRun` for the tests after a Time Limit Exceeded (Submit stops there). */
export const submittedVerdictSchema = z.enum([...verdictSchema.options, 'notRun']);
export type SubmittedVerdict = z.infer<typeof submittedVerdictSchema>;

/** A coding submission: the code that ran on the hidden tests, and then what the candidate's browser measured. */
export const createSubmissionBodySchema = z.object({
  language: languageSchema,
  code: noteSchema
});
export const submissionTestsSchema = z.object({
  n: z.int(),
  tests: z.array(z.object({ input: z.unknown(), expected: z.unknown() })),
  /**
   * The problem's performance tests, run after the hidden tests: the browser generates each large input from
   * its seed and sizes and judges the output against `expected` or the SHA-256 of its normal form.
   */
  performance: z.array(performanceTestSchema)
});
/** A performance test as the browser receives it (a seed and sizes, not the large input itself). */
export type PerformanceTest = z.infer<typeof performanceTestSchema>;
/**
 * One result per test of the submission, in order: its hidden tests, then its performance tests. After a Time
 * Limit Exceeded the rest are `notRun`.
 */
export const submissionResultBodySchema = z.object({
  results: z
    .array(z.object({ verdict: submittedVerdictSchema, ms: z.number().min(0).max(600_000) }))
    .min(1)
    .max(1000)
});
/**
 * A reviewer's confirmation of a submission: the reviewer's browser ran the code (in its sandbox) on tests the
 * candidate never received, and the server judged the outputs. Recorded once per reviewer and submission.
 */
export const confirmationSchema = z.object({
  reviewerName: z.string(),
  at: z.string(),
  passed: z.int(),
  total: z.int(),
  results: z.array(z.object({ verdict: verdictSchema }))
});
export type Confirmation = z.infer<typeof confirmationSchema>;
/** The confirmation tests' inputs, for a reviewer's browser; their expected outputs stay on the server. */
export const confirmationInputsSchema = z.object({ n: z.int(), inputs: z.array(z.unknown()) });
/** What the reviewer's sandbox produced for each confirmation test, in order. */
export const confirmationBodySchema = z.object({
  outcomes: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('output'),
          // A program's output as JSON; the rule every stored body follows (an answer is never nested this deep).
          value: z.unknown().refine((value) => nestingDepth(value) <= MAX_SCENE_DEPTH, {
            message: `Nested more than ${MAX_SCENE_DEPTH} levels deep`
          })
        }),
        z.object({ kind: z.literal('error'), message: z.string().max(2_000) }),
        z.object({ kind: z.literal('timeout') })
      ])
    )
    .max(1000)
});
export type ConfirmationBody = z.infer<typeof confirmationBodySchema>;

export const submissionSchema = z.object({
  n: z.int(),
  language: languageSchema,
  code: z.string(),
  createdAt: z.string(),
  /** The candidate's own run (self-run): judged in the candidate's browser, not seen computed by the server. */
  passed: z.int().nullable(),
  total: z.int(),
  results: z.array(z.object({ verdict: submittedVerdictSchema, ms: z.number() })).nullable(),
  /** Peer-confirmed runs, one per reviewer who confirmed it. */
  confirmations: z.array(confirmationSchema)
});
export type Submission = z.infer<typeof submissionSchema>;
export const submissionListSchema = z.object({ items: z.array(submissionSchema) });
