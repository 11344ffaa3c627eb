/**
 * Starting one half of a practice pair (services/partners): an ordinary session of the pair's kind on one bank
 * question, for the half's candidate, under the id the booking claimed for it before (so a booking never points at a
 * session it did not start, nor starts one twice when both people open the room at once).
 */
import type { ObjectId } from 'mongodb';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { ApiError } from '../../errors.ts';
import type { SessionContext } from './context.ts';
import { kindModule } from './kinds/index.ts';
import { checkLength, newSession } from './start.ts';
import { admitSessionStarts } from './quota.ts';

export interface PairHalfStart {
  /** The id the booking claimed for the half's session. */
  sessionId: ObjectId;
  /** The booking and the half: the session's call is the pair's (it carries over the swap). */
  pair: { bookingId: ObjectId; half: 0 | 1 };
  questionId: string;
  durationMin: number;
}

export async function startPairHalf(ctx: SessionContext, candidate: SignedInUser, half: PairHalfStart) {
  const question = ctx.catalog.get(half.questionId);
  if (!question) throw new ApiError(409, 'CONFLICT', 'This half’s question is no longer in the bank.');
  checkLength(ctx, half.durationMin, kindModule(question.kind).lengthsMin);
  const doc: SessionDoc = {
    ...newSession(ctx, candidate, question, half.durationMin, ctx.now()),
    _id: half.sessionId,
    pair: half.pair
  };
  await admitSessionStarts(ctx, candidate, 1);
  await ctx.repos.sessions.insert(doc);
  await ctx.emit({ type: 'session-started', userId: candidate._id, sessionId: doc._id });
  return doc;
}
