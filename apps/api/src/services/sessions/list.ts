/** The history list of a user's sessions, newest first, with deadlines settled as they are read. */
import type { SessionSummary } from '@mockloop/contracts';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { settleDeadline, type SessionContext } from './context.ts';

const DAY_MS = 86_400_000;

export interface ListQuery {
  kind?: string;
  status?: string;
  /** Days, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
  limit: number;
}

export async function listSessions(
  ctx: SessionContext,
  user: SignedInUser,
  query: ListQuery
): Promise<SessionSummary[]> {
  const docs = await ctx.repos.sessions.list(
    user._id,
    {
      kind: query.kind as SessionDoc['kind'] | undefined,
      startedFrom: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
      startedBefore: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) : undefined
    },
    query.limit
  );
  const settled = await Promise.all(docs.map((doc) => settleDeadline(ctx, doc)));
  return settled
    .filter((doc) => !query.status || doc.status === query.status)
    .map((doc) => ({
      id: doc._id.toHexString(),
      kind: doc.kind,
      status: doc.status,
      questionId: doc.question.id,
      questionTitle: doc.question.title,
      startedAt: doc.startedAt.toISOString(),
      deadline: doc.deadline.toISOString(),
      submittedAt: doc.submittedAt?.toISOString() ?? null,
      score: doc.selfScore?.score ?? null,
      hireSignal: doc.selfScore?.hireSignal ?? null,
      assessment: doc.assessment ? { id: doc.assessment.id.toHexString(), part: doc.assessment.part } : null
    }));
}
