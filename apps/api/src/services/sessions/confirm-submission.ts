/**
 * A reviewer confirms a submission: the server serves the held-back confirmation tests' inputs to the session's
 * reviewers only (never the candidate), the reviewer's browser runs the submitted code on them in its sandbox
 * and sends back the outputs, and the server judges them against expected outputs that never leave it. The
 * confirmation is recorded once per reviewer and submission (peer-confirmed); a new run is a new submission.
 */
import { confirmationTests } from '@mockloop/question-bank/confirmation';
import { matches } from '@mockloop/question-bank/harness/compare';
import type { CodingQuestion } from '@mockloop/question-bank/schema';
import type { ConfirmationBody } from '@mockloop/contracts';
import type { SessionDoc, SignedInUser, SubmissionDoc } from '../../db/client.ts';
import { ApiError, notFound } from '../../errors.ts';
import { loadReadable, type SessionContext } from './context.ts';

const reviewersOnly = () =>
  new ApiError(403, 'REVIEWERS_ONLY', 'Only a reviewer of this session can confirm its submissions.');

/** The reviewer's view of one submission of a coding session, or the error that explains why not. */
async function reviewedSubmission(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  n: number
): Promise<{ doc: SessionDoc & { question: CodingQuestion }; submission: SubmissionDoc }> {
  const { doc, role } = await loadReadable(ctx, user, id);
  const submission = doc.question.kind === 'coding' ? await ctx.repos.submissions.findByNumber(doc._id, n) : null;
  if (!submission) throw notFound('That submission');
  if (role !== 'reviewer') throw reviewersOnly();
  return { doc: doc as SessionDoc & { question: CodingQuestion }, submission };
}

export async function confirmationInputs(ctx: SessionContext, user: SignedInUser, id: string, n: number) {
  const { doc } = await reviewedSubmission(ctx, user, id, n);
  return { n, inputs: confirmationTests(doc.question).map((test) => test.input) };
}

export async function confirmSubmission(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  n: number,
  body: ConfirmationBody
) {
  const { doc, submission } = await reviewedSubmission(ctx, user, id, n);
  const tests = confirmationTests(doc.question);
  if (body.outcomes.length !== tests.length) {
    throw new ApiError(400, 'VALIDATION_FAILED', `Send one outcome per confirmation test (${tests.length}).`, {
      outcomes: `Expected ${tests.length} outcomes`
    });
  }
  const results = body.outcomes.map((outcome, i) => ({
    verdict:
      outcome.kind === 'output'
        ? matches(doc.question.comparator, outcome.value, tests[i]!.expected)
          ? ('pass' as const)
          : ('fail' as const)
        : outcome.kind
  }));
  const passed = results.filter((r) => r.verdict === 'pass').length;
  const recorded = await ctx.repos.submissions.recordConfirmation({
    submissionId: submission._id,
    sessionId: doc._id,
    reviewerId: user._id,
    at: ctx.now(),
    passed,
    total: tests.length,
    results
  });
  if (!recorded) {
    throw new ApiError(409, 'CONFIRMATION_RECORDED', 'You have already confirmed this submission; it cannot change.');
  }
  await ctx.repos.insightsCache.touch(doc.userId);
  return { n, passed, total: tests.length, results };
}
