/**
 * Starting a timed mock: one design or coding session, an assessment (two coding problems on one clock), or a
 * behavioral mock (2–4 prompts, each a phase with its own time box; see start-behavioral.ts).
 */
import type { CreateAssessmentBody, CreateSessionBody, DesignNotes } from '@mockloop/contracts';
import { ASSESSMENT_LENGTHS_MIN, CODE_FIELDS } from '@mockloop/contracts';
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import type { CodingQuestion } from '@mockloop/question-bank/schema';
import { BEHAVIORAL_LENGTHS_MIN, behavioralPhasePlan, designPhasePlan, type PlannedPhase } from '@mockloop/rubrics';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { ApiError } from '../../errors.ts';
import type { SessionContext } from './context.ts';

export const DESIGN_LENGTHS_MIN = [45, 60, 90] as const;
export const CODING_LENGTHS_MIN = [15, 30, 45, 60, 90] as const;

type CodingEntry = VersionedQuestion & CodingQuestion;

/** A coding session starts with the problem's starter code in every language, in TypeScript by default. */
function codingStarter(question: CodingQuestion): DesignNotes {
  return {
    language: 'typescript',
    [CODE_FIELDS.javascript]: question.starter.javascript,
    [CODE_FIELDS.typescript]: question.starter.typescript,
    [CODE_FIELDS.python]: question.starter.python
  };
}

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
  prompts: VersionedQuestion[] = question.kind === 'behavioral' ? [question] : []
): SessionDoc {
  const coding = question.kind === 'coding';
  const plan: PlannedPhase[] = coding
    ? []
    : question.kind === 'behavioral'
      ? behavioralPhasePlan(
          durationMin,
          prompts.map((p) => p.title)
        )
      : designPhasePlan(durationMin);
  return {
    _id: newId(),
    userId: user._id,
    kind: question.kind,
    status: 'active',
    question,
    ...(question.kind === 'behavioral' ? { prompts } : {}),
    rubric: ctx.catalog.rubricFor(question),
    durationMin,
    startedAt,
    deadline: new Date(startedAt.getTime() + durationMin * 60_000),
    submittedAt: null,
    submitReason: null,
    revision: 0,
    phasePlan: plan,
    phaseLog: plan[0] ? [{ phaseId: plan[0].id, startedAt }] : [],
    work: { notes: coding ? codingStarter(question as CodingQuestion) : {} },
    selfScore: null,
    updatedAt: startedAt,
    lastSnapshotAt: new Date(0)
  };
}

export async function startSession(ctx: SessionContext, user: SignedInUser, body: CreateSessionBody) {
  const question = ctx.catalog.get(body.questionId);
  if (!question) {
    throw new ApiError(400, 'VALIDATION_FAILED', 'There is no question with that id.', {
      questionId: 'Unknown question'
    });
  }
  const coding = question.kind === 'coding';
  // Coding: the roadmap's time box for the difficulty unless another length is chosen; one behavioral prompt: 30.
  const durationMin =
    body.durationMin ??
    (coding ? question.timeBoxMin : question.kind === 'behavioral' ? BEHAVIORAL_LENGTHS_MIN[0] : 60);
  checkLength(
    ctx,
    durationMin,
    coding ? CODING_LENGTHS_MIN : question.kind === 'behavioral' ? BEHAVIORAL_LENGTHS_MIN : DESIGN_LENGTHS_MIN
  );
  const doc = newSession(ctx, user, question, durationMin, ctx.now());
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

/** LeetCode's assessment shape: a warm-up (easy or medium) and a harder one (medium or hard), never the same. */
function pickAssessment(ctx: SessionContext): CodingEntry[] {
  const coding = ctx.catalog.all().filter((q): q is CodingEntry => q.kind === 'coding');
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
  const second = pick(coding.filter((q) => q.difficulty !== 'easy'));
  const first = pick(coding.filter((q) => q.difficulty !== 'hard' && q !== second));
  if (!first || !second) {
    throw new ApiError(409, 'CONFLICT', 'The question bank needs at least two coding problems for an assessment.');
  }
  return [first, second];
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
  for (const doc of docs) await ctx.repos.sessions.insert(doc);
  for (const doc of docs) await ctx.emit({ type: 'session-started', userId: user._id, sessionId: doc._id });
  return docs[0]!;
}
