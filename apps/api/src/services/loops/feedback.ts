/**
 * An interviewer's written feedback and hire signal on their round, with the round's rubric: a draft until
 * submitted, then final. Blind: nobody else sees it until every round is in (to-loop.ts).
 */
import type { RoundFeedbackBody } from '@mockloop/contracts';
import { roundFeedbackBodySchema } from '@mockloop/contracts';
import { ratingsSchemaFor } from '@mockloop/rubrics';
import { z } from 'zod';
import type { LoopFeedbackDoc, SignedInUser } from '../../db/client.ts';
import { ApiError, validationError } from '../../errors.ts';
import { assertKnownCriteria } from '../criteria.ts';
import { loadLoop, roundOf, writeLoop, type LoopContext } from './context.ts';

export async function saveFeedback(
  ctx: LoopContext,
  user: SignedInUser,
  id: string,
  n: number,
  input: RoundFeedbackBody
) {
  const body = roundFeedbackBodySchema.parse(input);
  const state = await loadLoop(ctx, user, id, 'write-feedback');
  const round = roundOf(state, n);
  if (!state.yourRounds.includes(n) || !round.session) {
    throw new ApiError(403, 'FORBIDDEN', 'Only the interviewer of this round writes its feedback.');
  }
  const { rubric } = round.session;
  assertKnownCriteria(rubric, { ratings: body.ratings, notes: body.notes });
  if (body.submit) {
    if (round.status === 'running') {
      throw new ApiError(409, 'CONFLICT', 'The candidate is still working: submit your feedback once the round ends.');
    }
    const complete = z.object({ ratings: ratingsSchemaFor(rubric) }).safeParse({ ratings: body.ratings });
    if (!complete.success) throw validationError(complete.error, 'feedback');
  }
  const written = await writeLoop(ctx, user, state, 'write-feedback', (current) => {
    const existing = roundOf(current, n).doc.feedback;
    if (existing?.submittedAt) throw new ApiError(409, 'CONFLICT', 'You already submitted this round’s feedback.');
    const at = ctx.now();
    const feedback: LoopFeedbackDoc = {
      interviewerId: user._id,
      interviewerName: user.name,
      ratings: body.ratings,
      notes: Object.fromEntries(Object.entries(body.notes).filter(([, note]) => note)),
      feedback: body.feedback,
      hireSignal: body.hireSignal,
      submittedAt: body.submit ? at : null,
      updatedAt: at
    };
    const rounds = [...current.doc.rounds];
    rounds[n] = { ...rounds[n]!, feedback };
    return { rounds };
  });
  await ctx.emit({ type: 'loop-changed', userId: state.doc.userId, loopId: state.doc._id, change: 'feedback' });
  return written;
}
