/** The candidate scores their own finished session against its rubric. */
import type { SelfScoreBody } from '@mockloop/contracts';
import { hireSignal, scoreSubmissionSchemaFor, weightedScore } from '@mockloop/rubrics';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { validationError } from '../../errors.ts';
import { assertKnownCriteria } from '../criteria.ts';
import { loadOwn, type SessionContext } from './context.ts';

export async function saveSelfScore(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  body: SelfScoreBody
): Promise<SessionDoc> {
  // The policy answers 409 until the session is finished.
  const doc = await loadOwn(ctx, user, id, 'self-score');
  assertKnownCriteria(doc.rubric, { ratings: body.ratings, notes: body.notes });
  const parsed = scoreSubmissionSchemaFor(doc.rubric).safeParse({ ratings: body.ratings, notes: body.notes });
  if (!parsed.success) throw validationError(parsed.error, 'score');
  const ratings = parsed.data.ratings as Record<string, number>;
  const selfScore = {
    ratings,
    notes: Object.fromEntries(Object.entries(parsed.data.notes).filter(([, note]) => note)) as Record<string, string>,
    oops: [...new Set(body.oops)],
    summary: body.summary,
    score: weightedScore(doc.rubric, ratings),
    hireSignal: hireSignal(doc.rubric, ratings),
    savedAt: ctx.now()
  };
  await ctx.repos.sessions.setSelfScore(doc._id, selfScore, ctx.now());
  await ctx.emit({ type: 'self-scored', userId: user._id, sessionId: doc._id });
  return loadOwn(ctx, user, id);
}
