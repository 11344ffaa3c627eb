/**
 * Starting a round of a loop: an ordinary session of the round's kind on one bank question, under the id the loop
 * claimed for it before (so a loop never points at a session it did not start, nor starts one twice), and marked
 * as that loop's round (its feedback is the loop's; see services/loops).
 */
import type { ObjectId } from 'mongodb';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { ApiError } from '../../errors.ts';
import type { SessionContext } from './context.ts';
import { kindModule } from './kinds/index.ts';
import { checkLength, newSession } from './start.ts';
import { admitSessionStarts } from './quota.ts';

export interface RoundStart {
  /** The id the loop claimed for the round's session. */
  sessionId: ObjectId;
  loop: { id: ObjectId; round: number };
  questionId: string;
  durationMin: number;
}

export async function startLoopRound(ctx: SessionContext, user: SignedInUser, round: RoundStart): Promise<SessionDoc> {
  const question = ctx.catalog.get(round.questionId);
  if (!question) {
    throw new ApiError(409, 'CONFLICT', 'This round’s question is no longer in the bank: choose another.');
  }
  checkLength(ctx, round.durationMin, kindModule(question.kind).lengthsMin);
  const doc: SessionDoc = {
    ...newSession(ctx, user, question, round.durationMin, ctx.now()),
    _id: round.sessionId,
    loop: round.loop
  };
  await admitSessionStarts(ctx, user, 1);
  await ctx.repos.sessions.insert(doc);
  await ctx.emit({ type: 'session-started', userId: user._id, sessionId: doc._id });
  return doc;
}
