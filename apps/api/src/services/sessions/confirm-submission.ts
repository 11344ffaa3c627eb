/**
 * A reviewer confirms a submission: the server serves the held-back confirmation tests' inputs to the session's
 * reviewers only (never the candidate), the reviewer's browser runs the submitted code on them in its sandbox
 * and sends back the outputs, and the server judges them against expected outputs that never leave it. The
 * confirmation is recorded once per reviewer and submission (peer-confirmed); a new run is a new submission.
 */
import { confirmationTests } from '@mockloop/question-bank/confirmation';
import { matches } from '@mockloop/question-bank/harness/compare';
import type { ConfirmationBody } from '@mockloop/contracts';
import type { SignedInUser } from '../../db/client.ts';
import { ApiError, notFound } from '../../errors.ts';
import { loadReadableState, type SessionContext } from './context.ts';
import { accessOf, permit } from './policy.ts';

/** The reviewer's view of one submission of a coding session, or the error that explains why not. */
async function reviewedSubmission(ctx: SessionContext, user: SignedInUser, id: string, n: number) {
  // Only the session's owner, clock and question reference (a projection), then only its question's snapshot.
  const { doc, role } = await loadReadableState(ctx, user, id);
  const submission = doc.question.kind === 'coding' ? await ctx.repos.submissions.findByNumber(doc._id, n) : null;
  if (!submission) throw notFound('That submission');
  permit('confirm', accessOf(role), doc, ctx.now());
  const question = await ctx.repos.sessions.questionOf(doc.questionRef);
  if (question?.kind !== 'coding') throw notFound('That submission');
  return { doc, question, submission };
}

export async function confirmationInputs(ctx: SessionContext, user: SignedInUser, id: string, n: number) {
  const { question } = await reviewedSubmission(ctx, user, id, n);
  return { n, inputs: confirmationTests(question).map((test) => test.input) };
}

export async function confirmSubmission(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  n: number,
  body: ConfirmationBody
) {
  const { doc, question, submission } = await reviewedSubmission(ctx, user, id, n);
  const tests = confirmationTests(question);
  if (body.outcomes.length !== tests.length) {
    throw new ApiError(400, 'VALIDATION_FAILED', `Send one outcome per confirmation test (${tests.length}).`, {
      outcomes: `Expected ${tests.length} outcomes`
    });
  }
  const results = body.outcomes.map((outcome, i) => ({
    verdict:
      outcome.kind === 'output'
        ? matches(question.comparator, outcome.value, tests[i]!.expected)
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
    // The same confirmation again (a retry, a second tab) gets what was recorded; a different one cannot replace it.
    const earlier = (await ctx.repos.submissions.confirmationsOf(doc._id)).find(
      (c) => c.submissionId.equals(submission._id) && c.reviewerId.equals(user._id)
    );
    const same =
      earlier?.results.length === results.length && earlier.results.every((r, i) => r.verdict === results[i]!.verdict);
    if (earlier && same) return { n, passed: earlier.passed, total: earlier.total, results: earlier.results };
    throw new ApiError(409, 'CONFIRMATION_RECORDED', 'You have already confirmed this submission; it cannot change.');
  }
  await ctx.emit({
    type: 'submission-confirmed',
    userId: doc.userId,
    sessionId: doc._id,
    submissionId: submission._id,
    reviewerId: user._id,
    n,
    passed,
    total: tests.length
  });
  return { n, passed, total: tests.length, results };
}
