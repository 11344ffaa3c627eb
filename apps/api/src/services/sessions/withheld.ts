/**
 * What a design session's candidate may not see while the mock runs: the hints and key points are the
 * interviewer's, and so are the follow-ups whenever an interviewer is in the mock (they reveal them one by one
 * through the room). Alone, the candidate is shown the follow-ups from the deep dives on, as an interviewer would
 * ask them then. Once the session is over, nothing is withheld.
 */
import type { SessionQuestion } from '@mockloop/contracts';
import type { SessionDoc } from '../../db/client.ts';
import { publicQuestion } from '../catalog.ts';
import type { SessionContext } from './context.ts';

function deepDivesReached(doc: SessionDoc): boolean {
  const current = doc.phaseLog.at(-1)?.phaseId;
  const at = doc.phasePlan.findIndex((p) => p.id === current);
  const deepDives = doc.phasePlan.findIndex((p) => p.id === 'deep-dives');
  return deepDives >= 0 && at >= deepDives;
}

export async function questionFor(
  ctx: SessionContext,
  doc: SessionDoc,
  role: 'owner' | 'reviewer'
): Promise<SessionQuestion> {
  const question = publicQuestion(doc.question);
  if (question.kind !== 'design' || role !== 'owner' || doc.status !== 'active') return question;
  const followUps =
    deepDivesReached(doc) && !(await ctx.repos.invites.hasInterviewer(doc._id, ctx.now())) ? question.followUps : [];
  return { ...question, followUps, hints: [], keyPoints: [] };
}
