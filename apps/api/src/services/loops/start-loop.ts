/**
 * Starting a loop from a template (packages/rubrics' loop-templates.ts), its rounds as the template plans them or as
 * the candidate edited them, and editing a round before it starts. Each round's question is chosen now (the one
 * asked for, else the template's suggestion, else one of the bank's of its kind and rubric), so the candidate sees
 * the whole loop before the first clock starts.
 */
import type { CreateLoopBody, EditRoundBody, LoopTemplate, RoundPlan } from '@mockloop/contracts';
import { createLoopBodySchema, editRoundBodySchema } from '@mockloop/contracts';
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import { getLoopTemplate, LOOP_TEMPLATES, type LoopRoundSpec, type LoopTemplateSpec } from '@mockloop/rubrics';
import type { LoopDoc, LoopRoundDoc, SignedInUser } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { ApiError } from '../../errors.ts';
import { KINDS } from '../sessions/kinds/index.ts';
import { loadLoop, roundOf, writeLoop, type LoopContext } from './context.ts';

/** A failing field's path: within `rounds.n` of a new loop, or at the top of an edited round's body. */
const fieldOf = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

/** The question the template suggests for a round, if the bank has it with the round's kind. */
function suggested(ctx: LoopContext, spec: LoopRoundSpec | undefined, kind: RoundPlan['kind']) {
  if (spec?.kind !== kind) return undefined;
  return spec.suggestedQuestionIds.map((id) => ctx.catalog.get(id)).find((q) => q?.kind === kind);
}

/** A question of the bank for a round with no question chosen: the kind and rubric (and level) first. */
function drawn(ctx: LoopContext, spec: LoopRoundSpec | undefined, kind: RoundPlan['kind']) {
  const ofKind = ctx.catalog.all().filter((q) => q.kind === kind);
  const sameRubric = ofKind.filter((q) => !spec || spec.kind !== kind || q.rubricId === spec.rubricId);
  const atLevel = sameRubric.filter(
    (q) => !spec?.questionLevel || (q.kind !== 'coding' && q.level === spec.questionLevel)
  );
  return atLevel[0] ?? sameRubric[0] ?? ofKind[0];
}

function questionFor(
  ctx: LoopContext,
  plan: RoundPlan,
  spec: LoopRoundSpec | undefined,
  field: string
): VersionedQuestion {
  if (plan.questionId) {
    const question = ctx.catalog.get(plan.questionId);
    if (question?.kind !== plan.kind) {
      throw new ApiError(400, 'VALIDATION_FAILED', `A ${plan.kind} round takes a ${plan.kind} question.`, {
        [fieldOf(field, 'questionId')]: question ? `Not a ${plan.kind} question` : 'Unknown question'
      });
    }
    return question;
  }
  const question = suggested(ctx, spec, plan.kind) ?? drawn(ctx, spec, plan.kind);
  if (!question) throw new ApiError(409, 'CONFLICT', `The question bank has no ${plan.kind} question for this round.`);
  return question;
}

/** A round's plan, checked: a length its kind allows and a question of its kind. */
function roundDoc(ctx: LoopContext, plan: RoundPlan, spec: LoopRoundSpec | undefined, field: string): LoopRoundDoc {
  const lengths = KINDS[plan.kind].lengthsMin;
  if (!ctx.allowShortSessions && !lengths.includes(plan.durationMin)) {
    throw new ApiError(400, 'VALIDATION_FAILED', `A ${plan.kind} round lasts ${lengths.join(', ')} minutes.`, {
      [fieldOf(field, 'durationMin')]: `Choose ${lengths.join(', ')}`
    });
  }
  const question = questionFor(ctx, plan, spec, field);
  return {
    kind: plan.kind,
    title: plan.title,
    durationMin: plan.durationMin,
    plannedOn: plan.plannedOn ?? null,
    questionId: question.id,
    questionTitle: question.title,
    rubricId: question.rubricId,
    mode: null,
    sessionId: null,
    inviteId: null,
    feedback: null
  };
}

/** The templates as the API serves them, each round with the question it starts on in this bank. */
export function listTemplates(ctx: LoopContext): LoopTemplate[] {
  return LOOP_TEMPLATES.map((template) => ({
    id: template.id,
    name: template.name,
    summary: template.summary,
    level: template.level,
    schedule: template.schedule,
    rounds: template.rounds.map((spec) => ({
      kind: spec.kind,
      title: spec.title,
      focus: spec.focus,
      durationMin: spec.durationMin,
      rubricId: spec.rubricId,
      questionId: (suggested(ctx, spec, spec.kind) ?? drawn(ctx, spec, spec.kind))?.id ?? null
    }))
  }));
}

/** The calendar day `days` after `day` (YYYY-MM-DD, UTC). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function templateOf(id: string): LoopTemplateSpec {
  const template = getLoopTemplate(id);
  if (!template) {
    throw new ApiError(400, 'VALIDATION_FAILED', 'There is no loop template with that id.', {
      templateId: `Choose ${LOOP_TEMPLATES.map((t) => t.id).join(', ')}`
    });
  }
  return template;
}

export async function startLoop(ctx: LoopContext, user: SignedInUser, input: CreateLoopBody): Promise<LoopDoc> {
  const body = createLoopBodySchema.parse(input);
  const template = templateOf(body.templateId);
  const plans: RoundPlan[] =
    body.rounds ?? template.rounds.map(({ kind, title, durationMin }) => ({ kind, title, durationMin }));
  const schedule = body.schedule ?? template.schedule;
  const dayOf = (n: number) => (body.startOn ? addDays(body.startOn, schedule === 'spread' ? n : 0) : undefined);
  const rounds = plans.map((plan, n) =>
    roundDoc(ctx, { ...plan, plannedOn: plan.plannedOn ?? dayOf(n) }, template.rounds[n], `rounds.${n}`)
  );
  const at = ctx.now();
  const doc: LoopDoc = {
    _id: newId(),
    userId: user._id,
    templateId: template.id,
    name: template.name,
    level: body.level ?? template.level,
    createdAt: at,
    updatedAt: at,
    revision: 0,
    rounds,
    prediction: null,
    committeeRounds: [],
    votes: [],
    decidedAt: null
  };
  await ctx.repos.loops.insert(doc);
  await ctx.emit({ type: 'loop-changed', userId: user._id, loopId: doc._id, change: 'started' });
  return doc;
}

/** Replaces the plan of a round that has not started (its kind, title, length, question, day). */
export async function editRound(ctx: LoopContext, user: SignedInUser, id: string, n: number, input: EditRoundBody) {
  const plan = editRoundBodySchema.parse(input);
  const state = await loadLoop(ctx, user, id, 'plan-loop');
  roundOf(state, n);
  const spec = getLoopTemplate(state.doc.templateId)?.rounds[n];
  const written = await writeLoop(ctx, user, state, 'plan-loop', (current) => {
    if (roundOf(current, n).doc.sessionId) {
      throw new ApiError(409, 'ROUND_STARTED', 'This round has started: its plan can no longer change.');
    }
    const rounds = [...current.doc.rounds];
    rounds[n] = roundDoc(ctx, plan, spec, '');
    return { rounds };
  });
  await ctx.emit({ type: 'loop-changed', userId: user._id, loopId: written.doc._id, change: 'planned' });
  return written;
}
