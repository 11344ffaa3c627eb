/** The replay: snapshots of the work taken while a session runs, and the list the result page plays back. */
import type { Scene } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { SignedInUser } from '../../db/client.ts';
import { loadReadable, type SessionContext } from './context.ts';

const SNAPSHOT_EVERY_MS = 30_000;
/** Sessions this process remembers a snapshot time for; the oldest is dropped first. */
const REMEMBERED = 10_000;

function remember(ctx: SessionContext, key: string, at: number): void {
  ctx.lastSnapshotAt.delete(key);
  ctx.lastSnapshotAt.set(key, at);
  if (ctx.lastSnapshotAt.size > REMEMBERED) ctx.lastSnapshotAt.delete(ctx.lastSnapshotAt.keys().next().value!);
}

/** What `takeSnapshot` may be given: `force` (phase changes, submit); the save that called it and its scene. */
export interface SnapshotOptions {
  force?: boolean;
  /** The revision the calling save wrote, and the scene's elements when it carried one (never read back). */
  written?: { revision: number; elements?: Scene['elements'] | undefined };
}

/**
 * Records the work as it stands for the replay: at most every 30 s of activity, and always when `force`d
 * (phase changes, submit). The conditional claim makes concurrent saves take one snapshot, not two.
 */
export async function takeSnapshot(
  ctx: SessionContext,
  sessionId: ObjectId,
  { force = false, written }: SnapshotOptions = {}
): Promise<void> {
  const at = ctx.now();
  const key = sessionId.toHexString();
  // Most saves are not due: this process remembers when it last took one, so they cost no database read.
  // The conditional claim below stays the rule across processes and restarts.
  const known = ctx.lastSnapshotAt.get(key);
  if (!force && known !== undefined && at.getTime() - known < SNAPSHOT_EVERY_MS) return;
  const dueBefore = force ? null : new Date(at.getTime() - SNAPSHOT_EVERY_MS);
  const doc = await ctx.repos.sessions.claimSnapshot(sessionId, at, dueBefore);
  if (!doc) {
    // Another process took one recently; look again after a full interval rather than on every save.
    if (!force) remember(ctx, key, at.getTime());
    return;
  }
  remember(ctx, key, at.getTime());
  // The calling save's own scene, if the session still stands at its revision; otherwise the work as read.
  const work =
    written?.elements && doc.revision === written.revision
      ? { notes: doc.work.notes, elements: written.elements }
      : await ctx.repos.scenes.workAt(doc).then(({ notes, scene }) => ({ notes, elements: scene.elements }));
  await ctx.repos.snapshots.insert(sessionId, {
    at,
    phaseId: doc.phaseLog.at(-1)?.phaseId ?? '',
    notes: work.notes,
    elements: work.elements
  });
}

/** The replay: the work at each snapshot, oldest first. */
export async function listSnapshots(ctx: SessionContext, user: SignedInUser, id: string) {
  const { doc } = await loadReadable(ctx, user, id);
  const items = await ctx.repos.snapshots.list(doc._id);
  return items.map((s) => ({
    at: s.at.toISOString(),
    phaseId: s.phaseId,
    notes: s.notes,
    scene: { elements: s.elements }
  }));
}
