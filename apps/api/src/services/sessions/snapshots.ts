/** The replay: snapshots of the work taken while a session runs, and the list the result page plays back. */
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

/**
 * Records the work as it stands for the replay: at most every 30 s of activity, and always when `force`d
 * (phase changes, submit). The conditional claim makes concurrent saves take one snapshot, not two.
 */
export async function takeSnapshot(ctx: SessionContext, sessionId: ObjectId, force = false): Promise<void> {
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
  const scene = await ctx.repos.scenes.read(sessionId);
  await ctx.repos.snapshots.insert(sessionId, {
    at,
    phaseId: doc.phaseLog.at(-1)?.phaseId ?? '',
    notes: doc.work.notes,
    elements: scene.elements
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
