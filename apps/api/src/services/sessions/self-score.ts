/** The candidate scores their own finished session against its rubric, and may predict a peer's hire signal. */
import type { SelfScoreBody } from '@mockloop/contracts';
import { hireSignal, scoreSubmissionSchemaFor, weightedScore } from '@mockloop/rubrics';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { ApiError, validationError } from '../../errors.ts';
import { assertKnownCriteria } from '../criteria.ts';
import { loadOwn, type SessionContext } from './context.ts';

type Prediction = NonNullable<SessionDoc['selfScore']>['peerPrediction'];

/**
 * The prediction to store: the body's (omitted keeps the stored one). A prediction is worth something only if made
 * blind, so once a peer's submitted score is visible to the candidate a change is refused.
 */
async function predictionOf(ctx: SessionContext, doc: SessionDoc, body: SelfScoreBody): Promise<Prediction> {
  const stored = doc.selfScore?.peerPrediction ?? null;
  if (body.peerPrediction === undefined || body.peerPrediction === (stored?.hireSignal ?? null)) return stored;
  // A rare path (one self-score save): the query by session id is not on a hot read.
  if ((await ctx.repos.peerScores.submittedFor(doc._id)).length > 0) {
    throw new ApiError(
      409,
      'PREDICTION_CLOSED',
      'A peer has already scored this session: a prediction counts only when made before you see their score.',
      { peerPrediction: 'Closed once a peer’s score is visible' }
    );
  }
  return body.peerPrediction ? { hireSignal: body.peerPrediction, at: ctx.now() } : null;
}

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
    savedAt: ctx.now(),
    peerPrediction: await predictionOf(ctx, doc, body)
  };
  await ctx.repos.sessions.setSelfScore(doc._id, selfScore, ctx.now());
  await ctx.emit({ type: 'self-scored', userId: user._id, sessionId: doc._id });
  return loadOwn(ctx, user, id);
}
