/**
 * The loop as one person sees it. The blind rule (policy.ts, `maySeeFeedback`) decides each round's feedback: its
 * author sees it always, anyone else only once every round is in. The prediction is the candidate's own.
 */
import type { Loop, LoopRound, RoundFeedback } from '@mockloop/contracts';
import { hireSignal, ratingsSchemaFor, weightedScore, type Rubric } from '@mockloop/rubrics';
import type { LoopFeedbackDoc, SignedInUser } from '../../db/client.ts';
import { maySeeFeedback } from '../sessions/policy.ts';
import type { LoopContext, LoopState, RoundState } from './context.ts';

export function feedbackOf(doc: LoopFeedbackDoc, rubric: Rubric | null): RoundFeedback {
  const complete = rubric !== null && ratingsSchemaFor(rubric).safeParse(doc.ratings).success;
  return {
    interviewerName: doc.interviewerName,
    ratings: doc.ratings,
    notes: doc.notes,
    feedback: doc.feedback,
    hireSignal: doc.hireSignal,
    computedSignal: complete ? hireSignal(rubric, doc.ratings) : null,
    score: complete ? weightedScore(rubric, doc.ratings) : null,
    submittedAt: doc.submittedAt?.toISOString() ?? null,
    updatedAt: doc.updatedAt.toISOString()
  };
}

/** Whose eyes: the feedback's author, the candidate, or another interviewer of the loop. */
function viewerOf(user: SignedInUser, state: LoopState, round: RoundState) {
  if (round.doc.feedback?.interviewerId.equals(user._id)) return 'author' as const;
  return state.access === 'candidate' ? ('candidate' as const) : ('other-interviewer' as const);
}

async function inviteOf(ctx: LoopContext, round: RoundState): Promise<LoopRound['invite']> {
  const invite = round.invite;
  if (!invite) return { status: 'none', interviewerName: null };
  const status = invite.revokedAt
    ? 'revoked'
    : invite.acceptedBy
      ? 'accepted'
      : invite.expiresAt.getTime() <= ctx.now().getTime()
        ? 'expired'
        : 'open';
  const interviewer = invite.acceptedBy ? await ctx.repos.users.findById(invite.acceptedBy) : null;
  return { status, interviewerName: interviewer?.name ?? null };
}

/** A round's plan and where it is: what every view of a round shows, the loop's and the packet's alike. */
export function roundPlan(round: RoundState) {
  const { doc } = round;
  return {
    n: round.n,
    kind: doc.kind,
    title: doc.title,
    durationMin: doc.durationMin,
    plannedOn: doc.plannedOn,
    questionId: doc.questionId,
    questionTitle: doc.questionTitle,
    rubricId: doc.rubricId,
    mode: doc.mode,
    status: round.status,
    sessionId: round.session?._id.toHexString() ?? null,
    feedbackSubmitted: Boolean(doc.feedback?.submittedAt)
  };
}

export async function toRound(
  ctx: LoopContext,
  user: SignedInUser,
  state: LoopState,
  round: RoundState
): Promise<LoopRound> {
  const { doc } = round;
  const feedback = doc.feedback;
  const visible = feedback && maySeeFeedback(viewerOf(user, state, round), state.packetOpen);
  return {
    ...roundPlan(round),
    invite: await inviteOf(ctx, round),
    yours: state.yourRounds.includes(round.n),
    feedback: visible ? feedbackOf(feedback, round.session?.rubric ?? null) : null
  };
}

export async function toLoop(ctx: LoopContext, user: SignedInUser, state: LoopState): Promise<Loop> {
  const { doc } = state;
  const candidate = state.access === 'candidate';
  return {
    id: doc._id.toHexString(),
    role: candidate ? 'candidate' : 'interviewer',
    templateId: doc.templateId,
    name: doc.name,
    level: doc.level,
    createdAt: doc.createdAt.toISOString(),
    rounds: await Promise.all(state.rounds.map((round) => toRound(ctx, user, state, round))),
    packetOpen: state.packetOpen,
    prediction:
      candidate && doc.prediction ? { ...doc.prediction, savedAt: doc.prediction.savedAt.toISOString() } : null,
    committeeRounds: doc.committeeRounds,
    onCommittee: state.access === 'committee'
  };
}
