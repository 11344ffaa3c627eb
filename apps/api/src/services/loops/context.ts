/**
 * What the loop's use cases share: the loop as one person may see it now (its rounds' sessions and invites read by
 * `_id`, each round's status, who the person is to it, whether the packet is open), the one write that names the
 * revision it read, and deciding the loop once every round is in.
 */
import type { RoundStatus } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { InviteDoc, LoopDoc, LoopRoundDoc, SessionDoc, SignedInUser } from '../../db/client.ts';
import { parseObjectId } from '../../db/ids.ts';
import type { LoopChange } from '../../db/loops-repo.ts';
import type { Repositories } from '../../db/repositories.ts';
import { ApiError, notFound } from '../../errors.ts';
import type { Catalog } from '../catalog.ts';
import type { Emit } from '../events.ts';
import type { ReviewService } from '../reviews.ts';
import type { SessionService } from '../sessions/index.ts';
import { deadlinePassed, permitLoop, type LoopAccess, type LoopAction } from '../sessions/policy.ts';

export interface LoopServiceOptions {
  repos: Repositories;
  catalog: Catalog;
  sessions: SessionService;
  reviews: ReviewService;
  now: () => Date;
  /** Allow any round length from 1 minute (tests); never in production. */
  allowShortSessions?: boolean;
  emit?: Emit;
}

export type LoopContext = Required<LoopServiceOptions>;

/** A round as the loop reads it: its plan, its session once started, its invite and the interviewer it admits. */
export interface RoundState {
  n: number;
  doc: LoopRoundDoc;
  session: SessionDoc | null;
  invite: InviteDoc | null;
  /** The person the round's invite admits now (accepted, neither revoked nor expired). */
  interviewerId: ObjectId | null;
  status: RoundStatus;
}

export interface LoopState {
  doc: LoopDoc;
  rounds: RoundState[];
  /** Every round is in: the blind rule is lifted. */
  packetOpen: boolean;
  access: LoopAccess;
  /** The rounds the viewer interviews. */
  yourRounds: number[];
}

/** Where a round is: planned, running, ended (waiting for its feedback or self-score), or in. */
export function roundStatus(doc: LoopRoundDoc, session: SessionDoc | null, now: Date): RoundStatus {
  if (!session) return doc.sessionId ? 'running' : 'planned';
  const ended = session.status === 'submitted' || deadlinePassed(session, now);
  if (!ended) return 'running';
  const isIn = doc.mode === 'solo' ? session.selfScore !== null : Boolean(doc.feedback?.submittedAt);
  return isIn ? 'in' : 'ended';
}

function admitted(invite: InviteDoc | null, now: Date): ObjectId | null {
  if (!invite?.acceptedBy || invite.revokedAt || invite.expiresAt.getTime() <= now.getTime()) return null;
  return invite.acceptedBy;
}

/** Each round's session and invite, by `_id`, and the status they give it. */
export async function roundStates(ctx: LoopContext, doc: LoopDoc): Promise<RoundState[]> {
  const now = ctx.now();
  return Promise.all(
    doc.rounds.map(async (round, n) => {
      const [session, invite] = await Promise.all([
        round.sessionId ? ctx.repos.sessions.findById(round.sessionId) : null,
        round.inviteId ? ctx.repos.invites.findById(round.inviteId) : null
      ]);
      return {
        n,
        doc: round,
        session,
        invite,
        interviewerId: admitted(invite, now),
        status: roundStatus(round, session, now)
      };
    })
  );
}

/** Who `user` is to the loop: its candidate, an interviewer of some rounds (on the committee or not), or no one. */
export function accessOf(user: SignedInUser, doc: LoopDoc, rounds: RoundState[]) {
  if (doc.userId.equals(user._id)) return { access: 'candidate' as const, yourRounds: [] };
  const yourRounds = rounds.filter((r) => r.interviewerId?.equals(user._id)).map((r) => r.n);
  if (yourRounds.length === 0) return { access: 'stranger' as const, yourRounds };
  const committee = yourRounds.some((n) => doc.committeeRounds.includes(n));
  return { access: committee ? ('committee' as const) : ('interviewer' as const), yourRounds };
}

export function loopId(id: string): ObjectId {
  const _id = parseObjectId(id);
  if (!_id) throw notFound('That loop');
  return _id;
}

/** The loop and its rounds as `user` may see them, once the policy allows `action` (a stranger: 404). */
export async function loadLoop(
  ctx: LoopContext,
  user: SignedInUser,
  id: string,
  action: LoopAction
): Promise<LoopState> {
  const found = await ctx.repos.loops.findById(loopId(id));
  if (!found) throw notFound('That loop');
  let state = await stateOf(ctx, user, found);
  if (state.packetOpen && !state.doc.decidedAt) state = await decide(ctx, user, state);
  permitLoop(action, state.access, state.packetOpen);
  return state;
}

async function stateOf(ctx: LoopContext, user: SignedInUser, doc: LoopDoc): Promise<LoopState> {
  const rounds = await roundStates(ctx, doc);
  const packetOpen = rounds.length > 0 && rounds.every((r) => r.status === 'in');
  return { doc, rounds, packetOpen, ...accessOf(user, doc, rounds) };
}

/** The round `n` of the loop, or 404. */
export function roundOf(state: LoopState, n: number): RoundState {
  const round = state.rounds[n];
  if (!round) throw notFound('That round');
  return round;
}

/**
 * Writes what `change` makes of the loop as it stands, naming the revision it read; on a write that came between,
 * reads again and asks `change` again (which may refuse, seeing the new state). Returns the loop as written.
 */
export async function writeLoop(
  ctx: LoopContext,
  user: SignedInUser,
  state: LoopState,
  action: LoopAction,
  change: (state: LoopState) => LoopChange | Promise<LoopChange>
): Promise<LoopState> {
  let current = state;
  for (let attempt = 0; attempt < 5; attempt++) {
    const written = await ctx.repos.loops.update(
      current.doc._id,
      current.doc.revision,
      await change(current),
      ctx.now()
    );
    if (written) {
      const after = await stateOf(ctx, user, written);
      return after.packetOpen && !after.doc.decidedAt ? decide(ctx, user, after) : after;
    }
    current = await loadLoop(ctx, user, current.doc._id.toHexString(), action);
  }
  throw new ApiError(409, 'CONFLICT', 'This loop is being changed elsewhere: try again.');
}

/**
 * Every round is in: the packet opens. Each live round's feedback becomes a submitted peer score of its session
 * (so the session's result, insights and calibration read it as any reviewer's), then the loop is marked decided
 * and the changes told, once (only the write that marks it tells).
 */
async function decide(ctx: LoopContext, user: SignedInUser, state: LoopState): Promise<LoopState> {
  const published = state.rounds.filter((r) => r.doc.mode === 'live' && r.doc.feedback?.submittedAt && r.session);
  for (const round of published) {
    const feedback = round.doc.feedback!;
    await ctx.repos.peerScores.saveDraft(round.session!._id, feedback.interviewerId, {
      reviewerName: feedback.interviewerName,
      ratings: feedback.ratings,
      notes: feedback.notes,
      feedback: feedback.feedback,
      hireSignal: feedback.hireSignal,
      submittedAt: feedback.submittedAt,
      updatedAt: feedback.updatedAt
    });
  }
  const decidedAt = ctx.now();
  const written = await ctx.repos.loops.update(state.doc._id, state.doc.revision, { decidedAt }, decidedAt);
  if (!written) {
    const again = await ctx.repos.loops.findById(state.doc._id);
    return again ? stateOf(ctx, user, again) : state;
  }
  const { userId, _id: loopId } = state.doc;
  for (const round of published) {
    const score = await ctx.repos.peerScores.find(round.session!._id, round.doc.feedback!.interviewerId);
    if (score) await ctx.emit({ type: 'peer-scored', userId, sessionId: score.sessionId, peerScoreId: score._id });
  }
  const roundSessionIds = state.rounds.flatMap((r) => (r.session ? [r.session._id] : []));
  await ctx.emit({ type: 'loop-decided', userId, loopId, roundSessionIds });
  return stateOf(ctx, user, written);
}
