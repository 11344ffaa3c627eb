/** The candidate's prediction of each round's signal and the committee's decision: only before the packet opens. */
import type { LoopPredictionBody } from '@mockloop/contracts';
import { loopPredictionBodySchema } from '@mockloop/contracts';
import type { SignedInUser } from '../../db/client.ts';
import { ApiError } from '../../errors.ts';
import { loadLoop, writeLoop, type LoopContext } from './context.ts';

export async function savePrediction(ctx: LoopContext, user: SignedInUser, id: string, input: LoopPredictionBody) {
  const body = loopPredictionBodySchema.parse(input);
  const state = await loadLoop(ctx, user, id, 'predict');
  if (body.rounds.length !== state.doc.rounds.length) {
    throw new ApiError(400, 'VALIDATION_FAILED', `Predict each of the ${state.doc.rounds.length} rounds.`, {
      rounds: `Give ${state.doc.rounds.length} signals, one per round in order`
    });
  }
  const written = await writeLoop(ctx, user, state, 'predict', () => ({
    prediction: { rounds: body.rounds, decision: body.decision, level: body.level, savedAt: ctx.now() }
  }));
  await ctx.emit({ type: 'loop-changed', userId: user._id, loopId: state.doc._id, change: 'prediction' });
  return written;
}
