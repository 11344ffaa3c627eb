/**
 * The committee's packet, once every round is in: each round's scores, evidence (its kind's, as its result shows
 * it), feedback and signal side by side; the committee's rules and MockLoop's decision and level with its reasons
 * (packages/rubrics' committee.ts); the prediction against the outcome; the committee's votes. Also naming the
 * committee and voting on it.
 */
import type { CommitteeBody, CommitteeDecision, CommitteeVoteBody, Packet, PacketRound } from '@mockloop/contracts';
import { committeeBodySchema, committeeVoteBodySchema } from '@mockloop/contracts';
import {
  COMMITTEE_OUTCOME_LABELS,
  committeeRuleLines,
  decide,
  type CommitteePacket,
  type HireSignal
} from '@mockloop/rubrics';
import type { LoopDoc, SignedInUser } from '../../db/client.ts';
import { ApiError } from '../../errors.ts';
import { deadlinePassed } from '../sessions/policy.ts';
import { loadLoop, writeLoop, type LoopContext, type LoopState, type RoundState } from './context.ts';
import { feedbackOf, roundPlan } from './to-loop.ts';

type Vote = LoopDoc['votes'][number];

const voteOf = (vote: Vote) => ({
  interviewerName: vote.interviewerName,
  round: vote.round,
  decision: vote.decision,
  level: vote.level,
  note: vote.note,
  savedAt: vote.savedAt.toISOString()
});

/** What the committee reads of a round: its interviewer's signal and ratings (live), or its self-score's (solo). */
export function verdictOf(round: Pick<RoundState, 'doc' | 'session'>): {
  signal: HireSignal | null;
  ratings: Record<string, number> | null;
} {
  if (round.doc.mode === 'solo') {
    const self = round.session?.selfScore;
    return { signal: self?.hireSignal ?? null, ratings: self?.ratings ?? null };
  }
  const feedback = round.doc.feedback?.submittedAt ? round.doc.feedback : null;
  return { signal: feedback?.hireSignal ?? null, ratings: feedback?.ratings ?? null };
}

/** The loop's rounds as the committee takes them. */
export const committeeInputs = (state: Pick<LoopState, 'rounds'>): CommitteeInput[] =>
  state.rounds.map((round) => ({
    n: round.n,
    title: round.doc.title,
    rubricId: round.doc.rubricId,
    mode: round.doc.mode,
    ...verdictOf(round)
  }));

/** A round as the committee takes it. */
export type CommitteeInput = { n: number; title: string; rubricId: string; mode: 'solo' | 'live' | null } & ReturnType<
  typeof verdictOf
>;

/** The committee's decision and level, with its reasons (packages/rubrics' committee.ts), on the rounds as they are. */
export function committeeOn(targetLevel: LoopDoc['level'], rounds: CommitteeInput[]): Packet['committee'] {
  const result = decide(committeePacket(targetLevel, rounds));
  const decision = COMMITTEE_OUTCOME_LABELS[result.decision] as CommitteeDecision;
  return { decision, level: result.level, reasons: result.reasons };
}

/** Each round as the packet shows it, with the signal and ratings the committee reads (self-scored when solo). */
async function packetRounds(ctx: LoopContext, state: LoopState): Promise<PacketRound[]> {
  return Promise.all(
    state.rounds.map(async (round) => {
      const { doc, session } = round;
      // A round past its deadline that nobody read since is as good as submitted then (the sweeper will store it).
      const ended =
        session && deadlinePassed(session, ctx.now())
          ? {
              ...session,
              status: 'submitted' as const,
              submittedAt: session.deadline,
              submitReason: 'deadline' as const
            }
          : session;
      const result = ended ? await ctx.sessions.toResponse(ended, 'owner') : null;
      const feedback = doc.mode === 'live' && doc.feedback ? feedbackOf(doc.feedback, session?.rubric ?? null) : null;
      const { signal } = verdictOf(round);
      const score = doc.mode === 'solo' ? (result?.selfScore?.score ?? null) : (feedback?.score ?? null);
      return {
        ...roundPlan(round),
        interviewerName: doc.mode === 'live' ? (doc.feedback?.interviewerName ?? null) : null,
        selfScore: result?.selfScore ?? null,
        evidence: result?.evidence ?? null,
        feedback,
        signal,
        score
      };
    })
  );
}

/** The packet as packages/rubrics' committee reads it. */
export function committeePacket(targetLevel: LoopDoc['level'], rounds: CommitteeInput[]): CommitteePacket {
  return {
    targetLevel,
    rounds: rounds.map((round) => ({
      id: String(round.n),
      title: round.title,
      rubricId: round.rubricId,
      feedback:
        round.signal && round.ratings
          ? { signal: round.signal, ratings: round.ratings, selfScored: round.mode === 'solo' }
          : null
    }))
  };
}

/** The candidate's prediction against the outcome, round by round, then the decision and the level. */
export function predictionAgainst(
  prediction: NonNullable<LoopDoc['prediction']>,
  rounds: Pick<PacketRound, 'signal'>[],
  decision: CommitteeDecision,
  level: LoopDoc['level'] | null
): NonNullable<Packet['prediction']> {
  return {
    rounds: prediction.rounds.map((predicted, n) => {
      const actual = rounds[n]?.signal ?? null;
      return { predicted, actual, hit: predicted === actual };
    }),
    decision: { predicted: prediction.decision, actual: decision, hit: prediction.decision === decision },
    level: { predicted: prediction.level, actual: level, hit: prediction.level === level }
  };
}

export async function readPacket(ctx: LoopContext, user: SignedInUser, id: string): Promise<Packet> {
  const state = await loadLoop(ctx, user, id, 'read-packet');
  const rounds = await packetRounds(ctx, state);
  const committee = committeeOn(state.doc.level, committeeInputs(state));
  const { prediction, votes } = state.doc;
  const yourVote = votes.find((v) => v.interviewerId.equals(user._id));
  return {
    loopId: state.doc._id.toHexString(),
    name: state.doc.name,
    level: state.doc.level,
    rounds,
    rules: committeeRuleLines(),
    committee,
    // The candidate's self-calibration is their own: the committee reads the rounds, not the guess.
    prediction:
      prediction && state.access === 'candidate'
        ? predictionAgainst(prediction, rounds, committee.decision, committee.level)
        : null,
    votes: votes.map(voteOf),
    mayVote: state.access === 'committee',
    yourVote: yourVote ? voteOf(yourVote) : null
  };
}

/** The candidate names the rounds whose interviewers sit on the committee (live rounds only). */
export async function nameCommittee(ctx: LoopContext, user: SignedInUser, id: string, input: CommitteeBody) {
  const body = committeeBodySchema.parse(input);
  const state = await loadLoop(ctx, user, id, 'name-committee');
  const fields: Record<string, string> = {};
  body.rounds.forEach((n, i) => {
    const round = state.doc.rounds[n];
    if (!round) fields[`rounds.${i}`] = 'No such round';
    else if (round.mode === 'solo') fields[`rounds.${i}`] = 'A solo round has no interviewer';
  });
  if (Object.keys(fields).length > 0) {
    throw new ApiError(400, 'VALIDATION_FAILED', 'The committee is made of live rounds’ interviewers.', fields);
  }
  const written = await writeLoop(ctx, user, state, 'name-committee', () => ({
    committeeRounds: [...body.rounds].sort((a, b) => a - b)
  }));
  await ctx.emit({ type: 'loop-changed', userId: user._id, loopId: state.doc._id, change: 'committee' });
  return written;
}

/** A committee member's vote and final note; voting again replaces their own vote. */
export async function vote(ctx: LoopContext, user: SignedInUser, id: string, input: CommitteeVoteBody) {
  const body = committeeVoteBodySchema.parse(input);
  const state = await loadLoop(ctx, user, id, 'vote');
  await writeLoop(ctx, user, state, 'vote', (current) => {
    const round = current.yourRounds.find((n) => current.doc.committeeRounds.includes(n));
    if (round === undefined)
      throw new ApiError(403, 'FORBIDDEN', 'Only an interviewer invited to the committee votes.');
    const mine: Vote = {
      round,
      interviewerId: user._id,
      interviewerName: user.name,
      decision: body.decision,
      level: body.level,
      note: body.note,
      savedAt: ctx.now()
    };
    return { votes: [...current.doc.votes.filter((v) => !v.interviewerId.equals(user._id)), mine] };
  });
  await ctx.emit({ type: 'loop-changed', userId: state.doc.userId, loopId: state.doc._id, change: 'vote' });
  return readPacket(ctx, user, id);
}
