/** Everything one user's insights and export read: their sessions with scores, and the peer scores they received. */
import type { Database, SignedInUser } from '../db/client.ts';
import { createSessionStore } from '../db/session-store.ts';
import type { Catalog } from './catalog.ts';
import { computeInsights, type ScoredSession } from './insights.ts';
import { reviewSchedule } from './review-schedule.ts';
import { weeklyRecap } from './weekly-recap.ts';

export function createUserDataService(db: Database, catalog: Catalog, now: () => Date) {
  const store = createSessionStore(db);

  async function scoredSessions(user: SignedInUser): Promise<(ScoredSession & { selfScore: number | null })[]> {
    const sessions = await store.hydrateMany(
      await db.sessions.find({ userId: user._id }).sort({ startedAt: 1 }).toArray()
    );
    const peerDocs = sessions.length
      ? await db.peerScores
          .find({ sessionId: { $in: sessions.map((s) => s._id) }, submittedAt: { $ne: null } })
          .toArray()
      : [];
    return sessions.map((s) => ({
      id: s._id.toHexString(),
      questionId: s.question.id,
      startedAt: s.startedAt.toISOString(),
      submittedAt: s.submittedAt?.toISOString() ?? null,
      rubric: s.rubric,
      selfRatings: s.selfScore?.ratings ?? null,
      selfScore: s.selfScore?.score ?? null,
      oops: s.selfScore?.oops ?? [],
      peerRatings: peerDocs.filter((p) => p.sessionId.equals(s._id)).map((p) => p.ratings),
      phasePlan: s.phasePlan,
      phaseLog: s.phaseLog.map((p) => ({ phaseId: p.phaseId, startedAt: p.startedAt.toISOString() }))
    }));
  }

  return {
    async insights(user: SignedInUser) {
      const titles = new Map(catalog.all().map((q) => [q.id, q.title]));
      const entries = catalog
        .all()
        .filter((q) => q.kind === 'design')
        .map((q) => ({ id: q.id, title: q.title, kind: q.kind, rubric: catalog.rubricFor(q) }));
      const sessions = await scoredSessions(user);
      const at = now();
      const scoredOops = sessions
        .filter((s) => s.selfRatings)
        .map((s) => ({ at: s.submittedAt ?? s.startedAt, oops: s.oops }));
      const recapSessions = sessions.map((s) => ({
        at: s.startedAt,
        kind: 'design' as const,
        questionTitle: titles.get(s.questionId) ?? s.questionId,
        score: s.selfScore,
        oops: s.oops
      }));
      return {
        ...computeInsights(sessions, entries, at),
        reviews: reviewSchedule(scoredOops, at),
        recap: weeklyRecap(recapSessions, at)
      };
    },

    /** Every session of the user with its scores, for JSON export; `rows` flattens it for CSV. */
    async export(user: SignedInUser) {
      const sessions = await db.sessions.find({ userId: user._id }).sort({ startedAt: 1 }).toArray();
      const peers = sessions.length
        ? await db.peerScores
            .find({ sessionId: { $in: sessions.map((s) => s._id) }, submittedAt: { $ne: null } })
            .toArray()
        : [];
      return sessions.map((s) => ({
        id: s._id.toHexString(),
        kind: s.kind,
        status: s.status,
        question: { id: s.question.id, title: s.question.title, version: s.question.version },
        rubric: s.rubric,
        startedAt: s.startedAt.toISOString(),
        submittedAt: s.submittedAt?.toISOString() ?? null,
        notes: s.work.notes,
        self: s.selfScore,
        peers: peers
          .filter((p) => p.sessionId.equals(s._id))
          .map((p) => ({
            reviewer: p.reviewerName,
            ratings: p.ratings,
            feedback: p.feedback,
            hireSignal: p.hireSignal
          }))
      }));
    }
  };
}

export type UserDataService = ReturnType<typeof createUserDataService>;

/** One CSV row per session and criterion, RFC 4180 quoting. */
export function exportCsv(sessions: Awaited<ReturnType<UserDataService['export']>>): string {
  const header = [
    'session_id',
    'started_at',
    'question',
    'rubric',
    'criterion',
    'self_rating',
    'peer_ratings',
    'self_score',
    'hire_signal'
  ];
  const rows = sessions.flatMap((s) => {
    const criteria = Object.keys(s.self?.ratings ?? {});
    const base = [s.id, s.startedAt, s.question.title, `${s.rubric.id}@${s.rubric.version}`];
    if (criteria.length === 0) return [[...base, '', '', '', '', '']];
    return criteria.map((id) => [
      ...base,
      id,
      String(s.self?.ratings[id] ?? ''),
      s.peers.map((p) => p.ratings[id] ?? '').join(' '),
      String(s.self?.score ?? ''),
      s.self?.hireSignal ?? ''
    ]);
  });
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}
