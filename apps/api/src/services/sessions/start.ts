/**
 * Starting a timed mock: one design or coding session, an assessment (two coding problems on one clock), or a
 * behavioral mock (2–4 prompts, each a phase with its own time box; see start-behavioral.ts).
 */
import type { CreateAssessmentBody, CreateSessionBody } from '@mockloop/contracts';
import { ASSESSMENT_LENGTHS_MIN } from '@mockloop/contracts';
import { getRubric, type Rubric } from '@mockloop/rubrics';
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import type { CodingQuestion } from '@mockloop/question-bank/schema';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { ApiError } from '../../errors.ts';
import { pickAssessmentPair } from './assessment-pick.ts';
import type { SessionContext } from './context.ts';
import { kindModule } from './kinds/index.ts';
import { admitSessionStarts } from './quota.ts';

export { CODING_LENGTHS_MIN, DESIGN_LENGTHS_MIN } from './kinds/index.ts';

type CodingEntry = VersionedQuestion & CodingQuestion;

export function checkLength(ctx: SessionContext, durationMin: number, allowed: readonly number[]): void {
  if (!ctx.allowShortSessions && !allowed.includes(durationMin)) {
    throw new ApiError(400, 'VALIDATION_FAILED', `This mock lasts ${allowed.join(', ')} minutes.`, {
      durationMin: `Choose ${allowed.join(', ')}`
    });
  }
}

/** A new session on `question`; a behavioral mock passes its prompts (the question is the first of them). */
export function newSession(
  ctx: SessionContext,
  user: SignedInUser,
  question: VersionedQuestion,
  durationMin: number,
  startedAt: Date,
  prompts: VersionedQuestion[] = [question],
  rubric: Rubric = ctx.catalog.rubricFor(question)
): SessionDoc {
  const kind = kindModule(question.kind);
  const plan = kind.phasePlan(durationMin, prompts);
  return {
    _id: newId(),
    userId: user._id,
    kind: question.kind,
    status: 'active',
    question,
    ...(kind.keepsPrompts ? { prompts } : {}),
    rubric,
    durationMin,
    startedAt,
    deadline: new Date(startedAt.getTime() + durationMin * 60_000),
    submittedAt: null,
    submitReason: null,
    revision: 0,
    phasePlan: plan,
    phaseLog: plan[0] ? [{ phaseId: plan[0].id, startedAt }] : [],
    work: { notes: kind.startingNotes(question) },
    selfScore: null,
    updatedAt: startedAt,
    lastSnapshotAt: new Date(0)
  };
}

/**
 * A design or coding mock on one question. `options.rubricId` scores it with another rubric of the catalogue: the
 * study plan's weekly assessment is scored with that week's evaluation rubric (not a choice the public route offers).
 */
export async function startSession(
  ctx: SessionContext,
  user: SignedInUser,
  body: CreateSessionBody,
  options: { rubricId?: string } = {}
) {
  const question = ctx.catalog.get(body.questionId);
  if (!question) {
    throw new ApiError(400, 'VALIDATION_FAILED', 'There is no question with that id.', {
      questionId: 'Unknown question'
    });
  }
  const kind = kindModule(question.kind);
  const durationMin = body.durationMin ?? kind.defaultLengthMin(question);
  checkLength(ctx, durationMin, kind.lengthsMin);
  const rubric = options.rubricId ? getRubric(options.rubricId) : undefined;
  if (options.rubricId && !rubric) throw new Error(`no rubric ${options.rubricId}`);
  const doc = newSession(ctx, user, question, durationMin, ctx.now(), [question], rubric);
  await admitSessionStarts(ctx, user, 1);
  await ctx.repos.sessions.insert(doc);
  await ctx.emit({ type: 'session-started', userId: user._id, sessionId: doc._id });
  return doc;
}

function codingQuestion(ctx: SessionContext, id: string, index: number): CodingEntry {
  const question = ctx.catalog.get(id);
  if (question?.kind !== 'coding') {
    throw new ApiError(400, 'VALIDATION_FAILED', 'An assessment takes two coding problems.', {
      [`questionIds.${index}`]: question ? 'Not a coding problem' : 'Unknown question'
    });
  }
  return question;
}

/** The assessment's two problems when none are chosen: an easier one and a harder one (assessment-pick.ts). */
function pickAssessment(ctx: SessionContext): CodingEntry[] {
  const coding = ctx.catalog.all().filter((q): q is CodingEntry => q.kind === 'coding');
  const pair = pickAssessmentPair(coding);
  if (!pair) {
    throw new ApiError(
      409,
      'CONFLICT',
      'The question bank needs an easier and a harder coding problem for an assessment.'
    );
  }
  return pair;
}

/** Two coding problems on one clock; returns the first problem's session. */
export async function startAssessment(ctx: SessionContext, user: SignedInUser, body: CreateAssessmentBody) {
  const durationMin = body.durationMin ?? 90;
  checkLength(ctx, durationMin, ASSESSMENT_LENGTHS_MIN);
  const questions = body.questionIds
    ? body.questionIds.map((id, index) => codingQuestion(ctx, id, index))
    : pickAssessment(ctx);
  const startedAt = ctx.now();
  const id = newId();
  const docs = questions.map((question, part) => ({
    ...newSession(ctx, user, question, durationMin, startedAt),
    assessment: { id, part }
  }));
  await admitSessionStarts(ctx, user, docs.length);
  for (const doc of docs) await ctx.repos.sessions.insert(doc);
  for (const doc of docs) await ctx.emit({ type: 'session-started', userId: user._id, sessionId: doc._id });
  return docs[0]!;
}
