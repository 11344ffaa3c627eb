/**
 * Autosave: accepted only on the revision the client started from, while the session is open. Everything that can
 * refuse a save (the schema, the scene's size as stored) is decided before the first write. A scene is stored as a
 * new version first; one session update then switches to it with the notes and the revision (all or nothing), so
 * no reader sees the new revision with the old drawing. A refused save drops the version it stored, an accepted
 * one the version it replaced. The replay's snapshot, when one is due, is taken after the answer.
 */
import { MAX_SCENE_BYTES, type DesignNotes, type WorkPatchBody } from '@mockloop/contracts';
import type { SignedInUser } from '../../db/client.ts';
import { encodeScene } from '../../db/scene-codec.ts';
import { ApiError } from '../../errors.ts';
import { explainMiss, openAfter, sessionId, type SessionContext } from './context.ts';
import { snapshotAfterSave } from './snapshots.ts';

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
  const revision = patch.revision + 1;
  const sceneId = scene ? await ctx.repos.scenes.insert(_id, revision, scene) : null;
  const own = { _id, userId: user._id };
  const saved = await ctx.repos.sessions.saveWork(own, patch.revision, openAfter(ctx), { notes, sceneId }, savedAt);
  if (!saved) {
    if (sceneId) await ctx.repos.scenes.discard(sceneId);
    return explainMiss(ctx, user, id, patch.revision);
  }
  if (saved.replacedScene) await ctx.repos.scenes.discard(saved.replacedScene);
  // The snapshot takes the scene just written (if this save carried one) rather than reading it back.
  snapshotAfterSave(ctx, _id, { revision, elements: patch.scene?.elements });
  await ctx.emit({ type: 'work-saved', userId: user._id, sessionId: _id, revision, notes: patch.notes ?? {} });
  return { revision, savedAt: savedAt.toISOString() };
}
