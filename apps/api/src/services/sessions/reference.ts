/**
 * The reference answer of a finished session (the policy's `read-reference`: both sides, never while it runs): a
 * coding problem's editorial with its complexity and the bank's reference solutions, a design prompt's model
 * answer outline, its key points from the senior bar up, and the follow-ups an interviewer probes with.
 */
import type { SessionReference } from '@mockloop/contracts';
import { loadSolutions } from '@mockloop/question-bank/load';
import type { SignedInUser } from '../../db/client.ts';
import { loadReadable, type SessionContext } from './context.ts';

const LEVEL_ORDER = ['senior', 'staff', 'principal'];
const levelRank = (level: string) => (LEVEL_ORDER.includes(level) ? LEVEL_ORDER.indexOf(level) : LEVEL_ORDER.length);

export async function sessionReference(ctx: SessionContext, user: SignedInUser, id: string): Promise<SessionReference> {
  const { doc } = await loadReadable(ctx, user, id, 'read-reference');
  const { question } = doc;
  if (question.kind === 'coding') {
    // A snapshot from before the bank had editorials reads the problem's current one.
    const current = ctx.catalog.get(question.id);
    const editorial = question.editorial ?? (current?.kind === 'coding' ? current.editorial : undefined);
    if (!editorial) return null;
    const solutions = await loadSolutions(question.id).catch(() => null);
    return { kind: 'coding', ...editorial, solutions };
  }
  if (question.kind === 'design') {
    const outline = question.keyPoints
      .map(({ point, level }, i) => ({ point, level, i }))
      .sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.i - b.i)
      .map(({ point, level }) => ({ point, level }));
    return { kind: 'design', outline, followUps: question.followUps };
  }
  return null;
}
