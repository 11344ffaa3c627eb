/** Finishing a session (or, one problem of an assessment, the whole assessment), and the deadline sweeper. */
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { endedAtDeadline, loadOwn, type SessionContext } from './context.ts';
import { openAfter } from './policy.ts';
import { takeSnapshot } from './snapshots.ts';

export async function submitSession(ctx: SessionContext, user: SignedInUser, id: string): Promise<SessionDoc> {
  const doc = await loadOwn(ctx, user, id);
  if (doc.status === 'active') {
    const at = ctx.now();
    // The page submits when its countdown ends; that is the deadline, not an early finish.
    const atDeadline = at.getTime() >= doc.deadline.getTime();
    // Finishing one problem of an assessment finishes the assessment: it has one clock.
    const scope = doc.assessment ? { assessmentId: doc.assessment.id, userId: doc.userId } : { _id: doc._id };
    await ctx.repos.sessions.submit(scope, {
      submittedAt: atDeadline ? doc.deadline : at,
      submitReason: atDeadline ? 'deadline' : 'finished',
      at
    });
    // An assessment's problems finish together: each is a session that ended.
    const changed = doc.assessment ? await ctx.repos.sessions.assessmentParts(doc.assessment.id, doc.userId) : [doc];
    await takeSnapshot(ctx, doc._id, { force: true });
    const after = await loadOwn(ctx, user, id);
    const submittedAt = after.submittedAt ?? at;
    const reason = after.submitReason ?? 'finished';
    for (const part of changed) {
      await ctx.emit({ type: 'session-ended', userId: doc.userId, sessionId: part._id, submittedAt, reason });
    }
    return after;
  }
  return loadOwn(ctx, user, id);
}

/** Submits every session whose deadline has passed; safe to run on every instance at once. */
export async function sweepExpired(ctx: SessionContext): Promise<number> {
  const expired = await ctx.repos.sessions.expired(openAfter(ctx.now()), 500);
  for (const doc of expired) {
    if (await ctx.repos.sessions.settleAtDeadline(doc._id, doc.deadline, ctx.now()))
      await ctx.emit(endedAtDeadline(doc));
  }
  return expired.length;
}
