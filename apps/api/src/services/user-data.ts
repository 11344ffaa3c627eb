/** Everything one user's insights and export read: their sessions with scores, and the peer scores they received. */
import { presentAggregate, readable } from '../analytics/insights-present.ts';
import type { CatalogEntry } from '../analytics/scored.ts';
import type { SignedInUser } from '../db/client.ts';
import type { Repositories } from '../db/repositories.ts';
import type { Catalog } from './catalog.ts';
import { createInsightsFold } from './insights-fold.ts';
import { segmentsOf } from './recordings/segments.ts';

export function createUserDataService(repos: Repositories, catalog: Catalog, now: () => Date) {
  const { sessions: sessionsRepo, peerScores, submissions, recaps } = repos;

  const fold = createInsightsFold(repos, now);

  /** The questions as practise-next weighs them: rubric, level or difficulty, and the words of the prompt. */
  let entries: CatalogEntry[] | null = null;
  const catalogEntries = () =>
    (entries ??= catalog.all().map((q) => ({
      id: q.id,
      title: q.title,
      kind: q.kind,
      rubric: catalog.rubricFor(q),
      ...(q.kind === 'coding'
        ? { pattern: q.pattern, difficulty: q.difficulty, text: [q.title, ...q.tags, q.pattern].join(' ') }
        : {
            level: q.level,
            text: [q.title, ...q.tags, q.prompt, ...q.keyPoints.map((k) => k.point), ...q.followUps]
              .join(' ')
              .toLowerCase()
          })
    })));

  return {
    async insights(user: SignedInUser) {
      const at = now();
      const [first, profile] = await Promise.all([fold.aggregateFor(user._id), repos.users.findProfile(user._id)]);
      let agg = first;
      if (!readable(agg, at)) {
        // Kept in an older shape, or the clock is before the weeks it keeps for the recap (it was moved back):
        // read every session.
        await fold.invalidate(user._id);
        agg = await fold.aggregateFor(user._id);
      }
      const { recap, ...insights } = presentAggregate(agg, catalogEntries(), at, profile?.targetLevel ?? null);
      const saved = await recaps.find(user._id, recap.weekStart.slice(0, 10));
      return {
        ...insights,
        recap: { ...recap, saved: saved ? { markdown: saved.markdown, savedAt: saved.savedAt.toISOString() } : null }
      };
    },

    /** Keeps the user's edit of a week's recap (only the current week's is shown, older ones stay for export). */
    async saveRecap(user: SignedInUser, weekStart: string, markdown: string) {
      const savedAt = now();
      await recaps.save(user._id, weekStart, markdown, savedAt);
      return { weekStart, markdown, savedAt: savedAt.toISOString() };
    },

    /** Every session of the user with its scores, for JSON export; `rows` flattens it for CSV. */
    async export(user: SignedInUser) {
      const sessions = await sessionsRepo.forExport(user._id);
      const ids = sessions.map((s) => s._id);
      const codingIds = sessions.filter((s) => s.kind === 'coding').map((s) => s._id);
      const [peers, judged, confirmations, chunks] = await Promise.all([
        peerScores.submittedForSessions(ids),
        submissions.judgedFor(codingIds),
        submissions.confirmationsFor(codingIds),
        repos.recordings.chunksFor(ids)
      ]);
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
          })),
        // Each judged submission: the candidate's own result (self-run) and reviewers' (peer-confirmed).
        submissions: judged
          .filter((j) => j.sessionId.equals(s._id))
          .map((j) => ({
            n: j.n,
            language: j.language,
            selfRun: { passed: j.passed, total: j.total },
            peerConfirmed: confirmations
              .filter((c) => c.submissionId.equals(j._id))
              .map((c) => ({ passed: c.passed, total: c.total, at: c.at.toISOString() }))
          })),
        // The recording as a listing, not its audio (an hour is tens of megabytes): each segment downloads from its url.
        recording: segmentsOf(chunks.filter((c) => c.sessionId.equals(s._id))).map((segment) => ({
          ...segment,
          url: `/api/sessions/${s._id.toHexString()}/recording/${segment.segment}`
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
