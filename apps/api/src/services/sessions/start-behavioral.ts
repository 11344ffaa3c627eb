/** Starting a behavioral mock: the prompts chosen, or 2–4 drawn from the bank by level and theme. */
import type { CreateBehavioralMockBody } from '@mockloop/contracts';
import { createBehavioralMockBodySchema } from '@mockloop/contracts';
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import type { BehavioralQuestion } from '@mockloop/question-bank/schema';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { ApiError } from '../../errors.ts';
import type { SessionContext } from './context.ts';
import { KINDS } from './kinds/index.ts';
import { checkLength, newSession } from './start.ts';
import { admitSessionStarts } from './quota.ts';

type BehavioralEntry = VersionedQuestion & BehavioralQuestion;

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * `count` prompts: those at the level with the theme first, then the theme at any level, then the level with any
 * theme, then the rest, each tier in random order, so a narrow choice still fills the mock.
 */
export function drawPrompts(
  bank: BehavioralEntry[],
  { count, level, theme }: { count: number; level?: string; theme?: string },
  random: () => number = Math.random
): BehavioralEntry[] {
  const atLevel = (q: BehavioralEntry) => !level || q.level === level;
  const onTheme = (q: BehavioralEntry) => !theme || (q.themes as string[]).includes(theme);
  const tiers = [
    bank.filter((q) => atLevel(q) && onTheme(q)),
    bank.filter((q) => !atLevel(q) && onTheme(q)),
    bank.filter((q) => atLevel(q) && !onTheme(q)),
    bank.filter((q) => !atLevel(q) && !onTheme(q))
  ];
  return tiers.flatMap((tier) => shuffled(tier, random)).slice(0, count);
}

function chosenPrompt(ctx: SessionContext, id: string, index: number): BehavioralEntry {
  const question = ctx.catalog.get(id);
  if (question?.kind !== 'behavioral') {
    throw new ApiError(400, 'VALIDATION_FAILED', 'A behavioral mock takes behavioral prompts.', {
      [`questionIds.${index}`]: question ? 'Not a behavioral prompt' : 'Unknown question'
    });
  }
  return question;
}

export async function startBehavioralMock(
  ctx: SessionContext,
  user: SignedInUser,
  input: CreateBehavioralMockBody
): Promise<SessionDoc> {
  const body = createBehavioralMockBodySchema.parse(input);
  checkLength(ctx, body.durationMin, KINDS.behavioral.lengthsMin);
  const bank = ctx.catalog.all().filter((q): q is BehavioralEntry => q.kind === 'behavioral');
  const prompts = body.questionIds
    ? body.questionIds.map((id, index) => chosenPrompt(ctx, id, index))
    : drawPrompts(bank, body);
  if (prompts.length === 0) throw new ApiError(409, 'CONFLICT', 'The question bank has no behavioral prompts.');
  const doc = newSession(ctx, user, prompts[0]!, body.durationMin, ctx.now(), prompts);
  await admitSessionStarts(ctx, user, 1);
  await ctx.repos.sessions.insert(doc);
  await ctx.emit({ type: 'session-started', userId: user._id, sessionId: doc._id });
  return doc;
}
