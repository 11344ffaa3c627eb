/**
 * Coding submissions: the server numbers a submission and hands its hidden tests to the browser, which runs them
 * and reports the verdicts (no user code runs here). Owners and invited reviewers read them back.
 */
import type { SignedInUser } from '../../db/client.ts';
import { ApiError, notFound } from '../../errors.ts';
import {
  announce,
  explainMiss,
  isOpen,
  loadOwn,
  loadReadable,
  openAfter,
  sessionLocked,
  type SessionContext
} from './context.ts';

export async function createSubmission(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  body: { language: string; code: string }
) {
  const doc = await loadOwn(ctx, user, id);
  if (doc.question.kind !== 'coding') {
    throw new ApiError(400, 'VALIDATION_FAILED', 'Only coding sessions take submissions.', {
      language: 'Not a coding session'
    });
  }
  const n = await ctx.repos.sessions.countSubmission(doc._id, openAfter(ctx));
  if (n === null) return explainMiss(ctx, user, id);
  const tests = doc.question.hiddenTests.map(({ input, expected }) => ({ input, expected }));
  await ctx.repos.submissions.insert({
    sessionId: doc._id,
    n,
    language: body.language,
    code: body.code,
    createdAt: ctx.now(),
    total: tests.length,
    passed: null,
    results: null
  });
  await announce(ctx, { type: 'submission', sessionId: doc._id, n, passed: null, total: tests.length });
  return { n, tests };
}

export async function saveSubmissionResult(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  n: number,
  results: { verdict: string; ms: number }[]
) {
  const doc = await loadOwn(ctx, user, id);
  const submission = await ctx.repos.submissions.findByNumber(doc._id, n);
  if (!submission) throw notFound('That submission');
  if (!isOpen(ctx, doc)) throw sessionLocked();
  if (results.length !== submission.total) {
    throw new ApiError(400, 'VALIDATION_FAILED', `Report one result per hidden test (${submission.total}).`, {
      results: `Expected ${submission.total} results`
    });
  }
  const passed = results.filter((r) => r.verdict === 'pass').length;
  await ctx.repos.submissions.setResults(submission._id, results, passed);
  await ctx.repos.insightsCache.touch(user._id);
  await announce(ctx, { type: 'submission', sessionId: doc._id, n, passed, total: submission.total });
  return { n, passed, total: submission.total };
}

/**
 * The hidden tests of a submission already made, for the owner and invited reviewers: a reviewer's browser
 * re-runs the submitted code on them to confirm the reported result.
 */
export async function submissionTests(ctx: SessionContext, user: SignedInUser, id: string, n: number) {
  const { doc } = await loadReadable(ctx, user, id);
  const exists = await ctx.repos.submissions.exists(doc._id, n);
  if (!exists || doc.question.kind !== 'coding') throw notFound('That submission');
  return { n, tests: doc.question.hiddenTests.map(({ input, expected }) => ({ input, expected })) };
}

export async function listSubmissions(ctx: SessionContext, user: SignedInUser, id: string) {
  const { doc } = await loadReadable(ctx, user, id);
  const items = await ctx.repos.submissions.list(doc._id);
  return items.map((s) => ({
    n: s.n,
    language: s.language,
    code: s.code,
    createdAt: s.createdAt.toISOString(),
    passed: s.passed,
    total: s.total,
    results: s.results
  }));
}
