/**
 * Autosave: accepted only on the revision the client started from, while the session is open. Everything that can
 * refuse a save (the schema, the scene's size as stored) is decided before the first write, so a refused save
 * leaves nothing behind.
 */
import { MAX_SCENE_BYTES, type DesignNotes, type WorkPatchBody } from '@mockloop/contracts';
import type { SignedInUser } from '../../db/client.ts';
import { encodeScene } from '../../db/scene-codec.ts';
import { ApiError } from '../../errors.ts';
import { announce, explainMiss, openAfter, sessionId, type SessionContext } from './context.ts';
import { takeSnapshot } from './snapshots.ts';

export async function saveWork(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  patch: WorkPatchBody
): Promise<{ revision: number; savedAt: string }> {
  const _id = sessionId(id);
  const scene = patch.scene ? encodeScene(patch.scene) : null;
  if (scene && scene.bytes > MAX_SCENE_BYTES) {
    throw new ApiError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The whiteboard is ${(scene.bytes / 1024 / 1024).toFixed(1)} MiB as stored; the limit is ${MAX_SCENE_BYTES / 1024 / 1024} MiB. Nothing was saved.`,
      { scene: `At most ${MAX_SCENE_BYTES} bytes` }
    );
  }
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
  if (scene) await ctx.repos.scenes.write(_id, revision, scene);
  await takeSnapshot(ctx, _id);
  await announce(ctx, { type: 'work', sessionId: _id, revision, notes: patch.notes ?? {} });
  return { revision, savedAt: savedAt.toISOString() };
}
