/**
 * What every use case of the session engine shares: the repositories, the clock, and the one owner of "what a
 * session may do at this moment" (who may read it, whether it is still open, settling a passed deadline).
 */
import type { ObjectId } from 'mongodb';
import type { InterviewerRecordDoc, SessionDoc, SignedInUser, StoredSessionDoc } from '../../db/client.ts';
import { parseObjectId } from '../../db/ids.ts';
import type { Repositories } from '../../db/repositories.ts';
import { ApiError } from '../../errors.ts';
import type { Catalog } from '../catalog.ts';
import * as policy from './policy.ts';
import type { DomainEvent, Emit } from '../events.ts';

export interface SessionServiceOptions {
  repos: Repositories;
  /** Whether a user is a reviewer of a session (peer review owns that rule). */
  isReviewer: (user: SignedInUser, sessionId: ObjectId) => Promise<boolean>;
  catalog: Catalog;
  now: () => Date;
  /** Allow any length from 1 minute (tests of the deadline); never in production. */
  allowShortSessions?: boolean;
  /** Told what each write changed, once it is stored (insights and the live room follow; see events.ts). */
  emit?: Emit;
  /** Sessions one person may start in a UTC day (quota.ts). */
  sessionsPerDay?: number;
  /** An interviewer's record, complete (services/interviewer-records.ts): the history shows their feedback from it. */
  interviewerRecord?: (userId: ObjectId) => Promise<InterviewerRecordDoc | null>;
}

export type SessionContext = Required<SessionServiceOptions> & {
  /** When this process last took (or saw) a replay snapshot per session; see snapshots.ts. */
  lastSnapshotAt: Map<string, number>;
  /** Per session, the replay snapshot this process is still taking after a save was answered; see snapshots.ts. */
  pendingSnapshots: Map<string, Promise<void>>;
};

export const { sessionNotFound, sessionLocked } = policy;

/** The session id in a path; a malformed one cannot name anyone's session: the same 404 as a stranger's id. */
export function sessionId(id: string): ObjectId {
  const _id = parseObjectId(id);
  if (!_id) throw sessionNotFound();
  return _id;
}

/** The earliest deadline a session may have and still take writes (the policy's grace lets late saves in). */
export function openAfter(ctx: SessionContext): Date {
  return policy.openAfter(ctx.now());
}

export function isOpen(ctx: SessionContext, doc: Pick<SessionDoc, 'status' | 'deadline'>): boolean {
  return policy.isOpen(doc, ctx.now());
}

type SettleableDoc = Pick<StoredSessionDoc, '_id' | 'userId' | 'status' | 'deadline'>;

/** The event of a session its deadline (plus grace) submitted. */
export function endedAtDeadline(doc: SettleableDoc): DomainEvent {
  return {
    type: 'session-ended',
    userId: doc.userId,
    sessionId: doc._id,
    submittedAt: doc.deadline,
    reason: 'deadline'
  };
}

/** Submits the session if its deadline (plus grace) has passed; returns the document as it now stands. */
export async function settleDeadline<T extends SettleableDoc>(ctx: SessionContext, doc: T): Promise<T> {
  if (!policy.deadlinePassed(doc, ctx.now())) return doc;
  const at = ctx.now();
  if (await ctx.repos.sessions.settleAtDeadline(doc._id, doc.deadline, at)) {
    await ctx.emit(endedAtDeadline(doc));
  }
  return { ...doc, status: 'submitted', submittedAt: doc.deadline, submitReason: 'deadline', updatedAt: at };
}

/**
 * The user's own session, settled, once the policy allows `action` on it now (anyone else's answers 404; a
 * write to an ended session 409 SESSION_LOCKED).
 */
export async function loadOwn(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  action: policy.Action = 'own'
): Promise<SessionDoc> {
  const found = await ctx.repos.sessions.findOwned(sessionId(id), user._id);
  if (!found) throw sessionNotFound();
  const doc = await settleDeadline(ctx, found);
  policy.permit(action, 'owner', doc, ctx.now());
  return doc;
}

/** Who the user is to a session, as the policy names it: its owner, admitted by an invite, or neither. */
async function accessTo(ctx: SessionContext, user: SignedInUser, doc: Pick<SessionDoc, '_id' | 'userId'>) {
  if (doc.userId.equals(user._id)) return 'owner';
  return (await ctx.isReviewer(user, doc._id)) ? 'invited' : 'none';
}

const loaderRole = (access: policy.Access) => (access === 'owner' ? ('owner' as const) : ('reviewer' as const));

/** The session for reading: its owner, or a reviewer admitted by an invite. Anyone else gets 404. */
export async function loadReadable(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  action: policy.Action = 'read'
): Promise<{ doc: SessionDoc; role: 'owner' | 'reviewer' }> {
  const found = await ctx.repos.sessions.findById(sessionId(id));
  if (!found) throw sessionNotFound();
  const access = await accessTo(ctx, user, found);
  if (access === 'none') throw sessionNotFound();
  const doc = await settleDeadline(ctx, found);
  policy.permit(action, access, doc, ctx.now());
  return { doc, role: loaderRole(access) };
}

/**
 * Why a conditional write matched nothing: gone, locked, or a stale revision. A stale autosave (`revision` given)
 * gets the work as it now stands in its 409, so the client merges without reading the session again.
 */
export async function explainMiss(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  revision?: number
): Promise<never> {
  const doc = await loadOwnState(ctx, user, id);
  if (!isOpen(ctx, doc)) throw sessionLocked();
  const current = revision === undefined ? null : await ctx.repos.scenes.currentWork({ _id: doc._id });
  const now = current?.revision ?? '?';
  throw new ApiError(
    409,
    'CONFLICT',
    `This session was saved elsewhere (revision ${now}, you sent ${revision ?? '?'}). Merge into its current work.`,
    undefined,
    undefined,
    current ? { current } : undefined
  );
}

/**
 * The user's own session, settled, as a projection (owner, clock, kind, question reference): for calls that act
 * on a session without showing it. Anyone else's answers 404.
 */
export async function loadOwnState(ctx: SessionContext, user: SignedInUser, id: string, action: policy.Action = 'own') {
  const { doc } = await loadReadableState(ctx, user, id, action, 'candidate');
  return doc;
}

/** As `loadOwnState`, for the owner or a reviewer admitted by an invite (`only` the candidate: anyone else 404). */
export async function loadReadableState(
  ctx: SessionContext,
  user: SignedInUser,
  id: string,
  action: policy.Action = 'read',
  only?: 'candidate'
) {
  const found = await ctx.repos.sessions.findState(sessionId(id));
  if (!found) throw sessionNotFound();
  const access = await accessTo(ctx, user, found);
  if (access === 'none' || (only === 'candidate' && access !== 'owner')) throw sessionNotFound();
  const doc = await settleDeadline(ctx, found);
  policy.permit(action, access, doc, ctx.now());
  return { doc, role: loaderRole(access) };
}
