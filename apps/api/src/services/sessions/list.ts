/**
 * The history list: the sessions a person took and the interviews they gave, newest first, with deadlines settled
 * as they are read. Everything is read by `_id` (their `user_sessions` document, then each session shown), so
 * the list costs the same however many sessions other people keep.
 */
import type { HistoryRole, SessionSummary } from '@mockloop/contracts';
import { ObjectId } from 'mongodb';
import type { HistoryEntry, SignedInUser, StoredSessionDoc } from '../../db/client.ts';
import { settleDeadline, type SessionContext } from './context.ts';

const DAY_MS = 86_400_000;

export interface ListQuery {
  role?: HistoryRole;
  kind?: string;
  status?: string;
  /** Days, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
  limit: number;
}

interface Listed {
  id: string;
  role: HistoryRole;
  entry: HistoryEntry;
}

/** The listed sessions a query keeps, newest first (what the list document alone can tell). */
export function pickListed(
  taken: Record<string, HistoryEntry>,
  given: Record<string, HistoryEntry>,
  query: Pick<ListQuery, 'role' | 'kind' | 'from' | 'to'>
): Listed[] {
  const from = query.from ? Date.parse(`${query.from}T00:00:00Z`) : -Infinity;
  const before = query.to ? Date.parse(`${query.to}T00:00:00Z`) + DAY_MS : Infinity;
  const sides: [HistoryRole, Record<string, HistoryEntry>][] = [
    ['candidate', taken],
    ['interviewer', given]
  ];
  return sides
    .filter(([role]) => !query.role || query.role === role)
    .flatMap(([role, entries]) => Object.entries(entries).map(([id, entry]) => ({ id, role, entry })))
    .filter(({ entry }) => {
      const at = new Date(entry.startedAt).getTime();
      return (!query.kind || entry.kind === query.kind) && at >= from && at < before;
    })
    .sort((a, b) => new Date(b.entry.startedAt).getTime() - new Date(a.entry.startedAt).getTime());
}

export async function listSessions(
  ctx: SessionContext,
  user: SignedInUser,
  query: ListQuery
): Promise<SessionSummary[]> {
  const listed = await ctx.repos.userSessions.ensureBuilt(user._id);
  const candidates = pickListed(listed.taken ?? {}, listed.given ?? {}, query);
  const record =
    query.role !== 'candidate' && Object.keys(listed.given ?? {}).length > 0
      ? await ctx.interviewerRecord(user._id)
      : null;
  const names = new Map<string, Promise<string>>();
  const nameOf = (userId: ObjectId) => {
    const hex = userId.toHexString();
    if (!names.has(hex))
      names.set(
        hex,
        ctx.repos.users.findById(userId).then((u) => u?.name ?? 'A former member')
      );
    return names.get(hex)!;
  };

  const items: SessionSummary[] = [];
  // A page of sessions at a time, each by `_id`, until the status filter has kept `limit` of them.
  for (let at = 0; at < candidates.length && items.length < query.limit; at += query.limit) {
    const page = candidates.slice(at, at + query.limit);
    const docs = new Map(
      (await ctx.repos.sessions.summaries(page.map((p) => new ObjectId(p.id)))).map((d) => [d._id.toHexString(), d])
    );
    for (const { id, role } of page) {
      const found = docs.get(id);
      // A key whose session is gone (deleted while the list was first built) lists nothing.
      if (!found || (role === 'candidate') !== found.userId.equals(user._id)) continue;
      const doc = await settleDeadline(ctx, found);
      if (query.status && doc.status !== query.status) continue;
      const feedback = role === 'interviewer' ? record?.scored?.[id] : undefined;
      const given = role === 'interviewer' ? listed.given?.[id] : undefined;
      items.push({
        ...summaryOf(doc),
        role,
        candidateName: role === 'interviewer' ? await nameOf(doc.userId) : null,
        // The invite's expiry or revocation ends the interviewer's access (reviews.isReviewer): one read by `_id`.
        readable: given ? await ctx.repos.invites.admitsBy(given.inviteId, user._id, ctx.now()) : true,
        score: role === 'interviewer' ? (feedback?.score ?? null) : (doc.selfScore?.score ?? null),
        hireSignal: role === 'interviewer' ? (feedback?.hireSignal ?? null) : (doc.selfScore?.hireSignal ?? null)
      });
      if (items.length === query.limit) break;
    }
  }
  return items;
}

function summaryOf(doc: StoredSessionDoc) {
  return {
    id: doc._id.toHexString(),
    kind: doc.kind,
    status: doc.status,
    questionId: doc.question.id,
    questionTitle: doc.question.title,
    startedAt: doc.startedAt.toISOString(),
    deadline: doc.deadline.toISOString(),
    submittedAt: doc.submittedAt?.toISOString() ?? null,
    assessment: doc.assessment ? { id: doc.assessment.id.toHexString(), part: doc.assessment.part } : null
  };
}
