/**
 * Running a round: starting its session (the loop claims the session's id first, so a double start cannot begin two
 * clocks and the loop never names a session it did not start), and inviting its one interviewer with the ordinary
 * invite of peer review, to the round's session only.
 */
import type { StartRoundBody } from '@mockloop/contracts';
import { roundModeBodySchema, startRoundBodySchema } from '@mockloop/contracts';
import type { SignedInUser } from '../../db/client.ts';
import { newId, parseObjectId } from '../../db/ids.ts';
import { ApiError } from '../../errors.ts';
import { loadLoop, roundOf, writeLoop, type LoopContext } from './context.ts';

export async function startRound(ctx: LoopContext, user: SignedInUser, id: string, n: number, input: StartRoundBody) {
  const { mode } = startRoundBodySchema.parse(input);
  const state = await loadLoop(ctx, user, id, 'plan-loop');
  roundOf(state, n);
  const sessionId = newId();
  const claimed = await writeLoop(ctx, user, state, 'plan-loop', (current) => {
    if (roundOf(current, n).doc.sessionId) throw new ApiError(409, 'ROUND_STARTED', 'This round has already started.');
    const rounds = [...current.doc.rounds];
    rounds[n] = { ...rounds[n]!, sessionId, mode };
    return { rounds };
  });
  const round = roundOf(claimed, n).doc;
  try {
    await ctx.sessions.startLoopRound(user, {
      sessionId,
      loop: { id: claimed.doc._id, round: n },
      questionId: round.questionId,
      durationMin: round.durationMin
    });
  } catch (error) {
    // Nothing half-written: a session that was not stored gives its claim back, so the round can start again (one
    // that was, and failed only in telling its followers, stays the round's).
    if (!(await ctx.repos.sessions.findState(sessionId))) {
      await writeLoop(ctx, user, claimed, 'plan-loop', (current) => {
        const rounds = [...current.doc.rounds];
        rounds[n] = { ...rounds[n]!, sessionId: null, mode: null };
        return { rounds };
      });
    }
    throw error;
  }
  await ctx.emit({ type: 'loop-changed', userId: user._id, loopId: claimed.doc._id, change: 'round-started' });
  return loadLoop(ctx, user, id, 'read-loop');
}

/**
 * A started round's mode changed: to solo when its interviewer never came (the loop would wait for feedback that
 * will not be written; the candidate self-scores it instead), or to live to invite one.
 */
export async function changeMode(ctx: LoopContext, user: SignedInUser, id: string, n: number, input: StartRoundBody) {
  const { mode } = roundModeBodySchema.parse(input);
  const state = await loadLoop(ctx, user, id, 'plan-loop');
  roundOf(state, n);
  const written = await writeLoop(ctx, user, state, 'plan-loop', (current) => {
    const round = roundOf(current, n);
    if (!round.doc.sessionId) throw new ApiError(409, 'CONFLICT', 'Start this round first: its mode is chosen then.');
    if (round.doc.feedback?.submittedAt) {
      throw new ApiError(409, 'CONFLICT', 'This round’s interviewer submitted their feedback: it stays live.');
    }
    if (mode === 'solo' && round.interviewerId) {
      throw new ApiError(409, 'CONFLICT', 'This round has its interviewer: revoke the invite before running it solo.');
    }
    const rounds = [...current.doc.rounds];
    rounds[n] = { ...rounds[n]!, mode };
    return { rounds };
  });
  await ctx.emit({ type: 'loop-changed', userId: user._id, loopId: state.doc._id, change: 'planned' });
  return written;
}

/**
 * The invite to a live round's one interviewer: its link is shown once (as any invite's). A round keeps one
 * invite at a time: another only once the last was revoked or expired unused.
 */
export async function inviteInterviewer(
  ctx: LoopContext,
  user: SignedInUser,
  id: string,
  n: number,
  origin: string,
  expiresInDays?: number
) {
  const state = await loadLoop(ctx, user, id, 'plan-loop');
  const round = roundOf(state, n);
  if (round.doc.mode !== 'live' || !round.session) {
    throw new ApiError(409, 'CONFLICT', 'Start this round live first: a solo round has no interviewer.');
  }
  const invite = round.invite;
  // Open or accepted, until revoked or expired (an expired invite admits no one, accepted or not).
  const inForce = invite && !invite.revokedAt && invite.expiresAt > ctx.now();
  if (inForce) {
    throw new ApiError(409, 'CONFLICT', 'This round has its interviewer invite: revoke it before inviting another.');
  }
  const created = await ctx.reviews.create(round.session, origin, expiresInDays);
  const inviteId = created.invite.id;
  try {
    await writeLoop(ctx, user, state, 'plan-loop', (current) => {
      const now = roundOf(current, n);
      if (now.invite && now.invite._id.toHexString() !== invite?._id.toHexString()) {
        throw new ApiError(409, 'CONFLICT', 'This round was given another invite meanwhile.');
      }
      const rounds = [...current.doc.rounds];
      rounds[n] = { ...rounds[n]!, inviteId: parseObjectId(inviteId) };
      return { rounds };
    });
  } catch (error) {
    // The loop did not take the invite: it admits no one.
    await ctx.reviews.revoke(user, inviteId);
    throw error;
  }
  await ctx.emit({ type: 'loop-changed', userId: user._id, loopId: state.doc._id, change: 'invited' });
  return created;
}
