/** Autosave: accepted only on the revision the client started from, while the session is open. */
import type { DesignNotes, WorkPatchBody } from '@mockloop/contracts';
import type { SignedInUser } from '../../db/client.ts';
import { explainMiss, openAfter, sessionId, type SessionContext } from './context.ts';
import { takeSnapshot } from './snapshots.ts';

export async function saveWork(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  patch: WorkPatchBody
): Promise<{ revision: number; savedAt: string }> {
  const _id = sessionId(id);
  const savedAt = ctx.now();
  const notes = (patch.notes ?? {}) as Record<keyof DesignNotes, string>;
  const saved = await ctx.repos.sessions.saveNotes(
    { _id, userId: user._id },
    patch.revision,
    openAfter(ctx),
    notes,
    savedAt
  );
  if (!saved) return explainMiss(ctx, user, id, patch.revision);
  const revision = patch.revision + 1;
  if (patch.scene) await ctx.repos.scenes.write(_id, revision, patch.scene);
  await takeSnapshot(ctx, _id);
  return { revision, savedAt: savedAt.toISOString() };
}
