/** The replay: snapshots of the work taken while a session runs, and the list the result page plays back. */
import type { Scene } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { SignedInUser } from '../../db/client.ts';
import { loadReadable, type SessionContext } from './context.ts';

/**
 * How often a save is kept for the replay: every 5 s while the board changes (a drawing builds up in steps a
 * person can follow), every 30 s while only the notes do (typing reads fine in larger steps).
 */
export const SNAPSHOT_EVERY_MS = { board: 5_000, notes: 30_000 } as const;

/** The interval that applies to a save: the board's when it carried a scene. */
export function snapshotInterval(written: SnapshotOptions['written']): number {
  return written?.elements ? SNAPSHOT_EVERY_MS.board : SNAPSHOT_EVERY_MS.notes;
}
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
 * Runs `task` after the snapshot this process is still taking of the same session, so one session's snapshots are
 * taken in order. The queue swallows a failed task (its caller hears of it); the next one runs regardless.
 */
function queued(ctx: SessionContext, key: string, task: () => Promise<void>): Promise<void> {
  const result = (ctx.pendingSnapshots.get(key) ?? Promise.resolve()).then(task);
  const settled = result.catch(() => {});
  ctx.pendingSnapshots.set(key, settled);
  void settled.then(() => {
    if (ctx.pendingSnapshots.get(key) === settled) ctx.pendingSnapshots.delete(key);
  });
  return result;
}

function isDue(ctx: SessionContext, key: string, at: Date, intervalMs: number): boolean {
  const known = ctx.lastSnapshotAt.get(key);
  return known === undefined || at.getTime() - known >= intervalMs;
}

/**
 * Records the work as it stands for the replay: at most every 5 s while the board changes and 30 s otherwise
 * (`snapshotInterval`), and always when `force`d (phase changes, submit). The conditional claim makes concurrent saves take one snapshot, not two.
 */
export async function takeSnapshot(ctx: SessionContext, sessionId: ObjectId, options: SnapshotOptions = {}) {
  const key = sessionId.toHexString();
  await queued(ctx, key, () => snapshotNow(ctx, sessionId, options));
}

/**
 * A save's snapshot, taken after the save is answered: the replay is made from work the save has already stored,
 * so the person typing never waits for it (it was two more writes on one save in fifteen). The replay list and
 * the forced snapshots wait for it; `snapshotsTaken` lets the server finish it before the database closes. A
 * failure is logged: the work itself is saved.
 */
export function snapshotAfterSave(ctx: SessionContext, sessionId: ObjectId, written: SnapshotOptions['written']) {
  const key = sessionId.toHexString();
  // Most saves are not due, and one already queued covers the saves that arrive while it runs.
  if (!isDue(ctx, key, ctx.now(), snapshotInterval(written)) || ctx.pendingSnapshots.has(key)) return;
  queued(ctx, key, () => snapshotNow(ctx, sessionId, { written })).catch((error: unknown) =>
    console.error('replay snapshot not taken', error)
  );
}

/** Resolves once every snapshot this process queued is stored (or has failed). */
export async function snapshotsTaken(ctx: SessionContext): Promise<void> {
  while (ctx.pendingSnapshots.size > 0) await Promise.all(ctx.pendingSnapshots.values());
}

async function snapshotNow(
  ctx: SessionContext,
  sessionId: ObjectId,
  { force = false, written }: SnapshotOptions
): Promise<void> {
  const at = ctx.now();
  const key = sessionId.toHexString();
  // Most saves are not due: this process remembers when it last took one, so they cost no database read.
  // The conditional claim below stays the rule across processes and restarts.
  const intervalMs = snapshotInterval(written);
  if (!force && !isDue(ctx, key, at, intervalMs)) return;
  const dueBefore = force ? null : new Date(at.getTime() - intervalMs);
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
  // A save answered a moment ago may still be storing its snapshot here.
  await ctx.pendingSnapshots.get(doc._id.toHexString());
  const items = await ctx.repos.snapshots.list(doc._id);
  return items.map((s) => ({
    at: s.at.toISOString(),
    phaseId: s.phaseId,
    notes: s.notes,
    scene: { elements: s.elements }
  }));
}
