/** Moving a design session to another phase of its plan (the log keeps when each phase began). */
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { ApiError } from '../../errors.ts';
import { explainMiss, loadOwn, openAfter, type SessionContext } from './context.ts';
import { takeSnapshot } from './snapshots.ts';

export async function movePhase(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  phaseId: string
): Promise<SessionDoc> {
  const doc = await loadOwn(ctx, user, id, 'write-work');
  if (!doc.phasePlan.some((p) => p.id === phaseId)) {
    throw new ApiError(400, 'VALIDATION_FAILED', 'That phase is not in this session’s plan.', {
      phaseId: 'Unknown phase'
    });
  }
  if (doc.phaseLog.at(-1)?.phaseId !== phaseId) {
    const moved = await ctx.repos.sessions.pushPhase(
      { _id: doc._id, userId: user._id },
      openAfter(ctx),
      phaseId,
      ctx.now()
    );
    if (!moved) return explainMiss(ctx, user, id);
    await takeSnapshot(ctx, doc._id, { force: true });
    const after = await loadOwn(ctx, user, id);
    await ctx.emit({ type: 'phase-moved', userId: user._id, sessionId: doc._id, session: after });
    return after;
  }
  return loadOwn(ctx, user, id);
}
