/**
 * Coding submissions, the candidate's side: the server numbers a submission and hands the candidate's browser
 * the hidden tests it needs to judge itself (never the held-back confirmation tests); the browser runs the code
 * in its sandbox and reports verdicts once. That result is self-run: the server did not see it computed.
 * Owners and invited reviewers read submissions back with every peer confirmation (confirm-submission.ts).
 */
import type { Language, SubmittedVerdict } from '@mockloop/contracts';
import { candidateTests } from '@mockloop/question-bank/confirmation';
import type { SignedInUser } from '../../db/client.ts';
import { ApiError, notFound } from '../../errors.ts';
import { explainMiss, loadOwnState, loadReadableState, openAfter, type SessionContext } from './context.ts';
import { permit } from './policy.ts';

export async function createSubmission(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  body: { language: Language; code: string }
) {
  // Only what this call needs of the session (a projection), then only its question's snapshot.
  const doc = await loadOwnState(ctx, user, id);
  const question = doc.question.kind === 'coding' ? await ctx.repos.sessions.questionOf(doc.questionRef) : null;
  if (question?.kind !== 'coding') {
    throw new ApiError(400, 'VALIDATION_FAILED', 'Only coding sessions take submissions.', {
      language: 'Not a coding session'
    });
  }
  const n = await ctx.repos.sessions.countSubmission(doc._id, openAfter(ctx));
  if (n === null) return explainMiss(ctx, user, id);
  const tests = candidateTests(question).map(({ input, expected }) => ({ input, expected }));
  // Sessions snapshotted before performance tests existed have none.
  const performance = question.performance?.tests ?? [];
  await ctx.repos.submissions.insert({
    sessionId: doc._id,
    n,
    language: body.language,
    code: body.code,
    createdAt: ctx.now(),
    total: tests.length + performance.length,
    passed: null,
    results: null
  });
  await ctx.emit({
    type: 'submission-made',
    userId: user._id,
    sessionId: doc._id,
    n,
    total: tests.length + performance.length
  });
  return { n, tests, performance };
}

const resultRecorded = () =>
  new ApiError(
    409,
    'RESULT_RECORDED',
    'This submission already has its result, and a result cannot change. Submit again to judge new code.'
  );

export async function saveSubmissionResult(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  n: number,
  results: { verdict: SubmittedVerdict; ms: number }[]
) {
  const doc = await loadOwnState(ctx, user, id);
  const submission = await ctx.repos.submissions.findByNumber(doc._id, n);
  if (!submission) throw notFound('That submission');
  if (submission.passed !== null) throw resultRecorded();
  permit('write-work', 'owner', doc, ctx.now());
  if (results.length !== submission.total) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `Report one result per hidden and performance test (${submission.total}).`,
      {
        results: `Expected ${submission.total} results`
      }
    );
  }
  const passed = results.filter((r) => r.verdict === 'pass').length;
  // Conditional on no result yet: of two racing reports, one is recorded and the other gets 409.
  if (!(await ctx.repos.submissions.recordResults(submission._id, results, passed))) throw resultRecorded();
  const { total } = submission;
  await ctx.emit({
    type: 'submission-judged',
    userId: user._id,
    sessionId: doc._id,
    submissionId: submission._id,
    n,
    passed,
    total
  });
  return { n, passed, total: submission.total };
}

/**
 * Every submission with its self-run result and its peer confirmations: all of them for the owner, a reviewer's
 * own for a reviewer.
 */
export async function listSubmissions(ctx: SessionContext, user: SignedInUser, id: string) {
  const { doc, role } = await loadReadableState(ctx, user, id);
  const [items, confirmations] = await Promise.all([
    ctx.repos.submissions.list(doc._id),
    ctx.repos.submissions.confirmationsOf(doc._id)
  ]);
  const visible = confirmations.filter((c) => role === 'owner' || c.reviewerId.equals(user._id));
  const reviewerIds = [...new Set(visible.map((c) => c.reviewerId.toHexString()))];
  const names = new Map(
    await Promise.all(
      reviewerIds.map(async (hex) => {
        const reviewer = visible.find((c) => c.reviewerId.toHexString() === hex)!.reviewerId;
        return [hex, (await ctx.repos.users.findById(reviewer))?.name ?? 'A reviewer'] as const;
      })
    )
  );
  return items.map((s) => ({
    n: s.n,
    language: s.language,
    code: s.code,
    createdAt: s.createdAt.toISOString(),
    passed: s.passed,
    total: s.total,
    results: s.results,
    confirmations: visible
      .filter((c) => c.submissionId.equals(s._id))
      .map((c) => ({
        reviewerName: names.get(c.reviewerId.toHexString()) ?? 'A reviewer',
        at: c.at.toISOString(),
        passed: c.passed,
        total: c.total,
        results: c.results
      }))
  }));
}
