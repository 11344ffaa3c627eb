/** Everything one user's insights and export read: their sessions with scores, and the peer scores they received. */
import { candidateTests } from '@mockloop/question-bank/confirmation';
import type { Rubric } from '@mockloop/rubrics';
import { computeInsights, phaseTimes, solved, type ScoredSession } from '../analytics/insights.ts';
import { problemSchedule, reviewSchedule } from '../analytics/review-schedule.ts';
import { weeklyRecap } from '../analytics/weekly-recap.ts';
import type { SignedInUser } from '../db/client.ts';
import type { Repositories } from '../db/repositories.ts';
import type { Catalog } from './catalog.ts';

/** The row behavioral prompts' time boxes share in "time per phase". */
const BEHAVIORAL_PROMPT_PHASE = { id: 'behavioral-prompt', name: 'Behavioral prompt (each against its box)' };

/** One session as insights read it, stored in the cache with its rubric by reference. */
type InsightInput = Omit<ScoredSession, 'rubric'> & { rubricRef: string; selfScore: number | null };

export function createUserDataService(repos: Repositories, catalog: Catalog, now: () => Date) {
  const { sessions: sessionsRepo, peerScores, submissions, recaps, content, insightsCache: cache } = repos;

  /** Reads the sessions, their peer scores and judged submissions: the slow path, when the cache is stale. */
  async function buildInputs(user: SignedInUser): Promise<InsightInput[]> {
    // The notes are not needed here, and the embedded server pays for every byte it reads.
    const rows = await sessionsRepo.forInsights(user._id);
    const ids = rows.map(({ session }) => session._id);
    const codingIds = rows
      .filter(({ session }) => session.question.kind === 'coding')
      .map(({ session }) => session._id);
    const [peerDocs, judged] = await Promise.all([
      peerScores.submittedForSessions(ids),
      submissions.judgedFor(codingIds)
    ]);
    return rows.map(({ session: s, rubricRef }) => {
      const question = s.question;
      const mine = judged.filter((j) => j.sessionId.equals(s._id));
      const last = mine.at(-1);
      const firstSolve = mine.find((j) => j.total > 0 && j.passed === j.total);
      const times = phaseTimes({
        startedAt: s.startedAt.toISOString(),
        submittedAt: s.submittedAt?.toISOString() ?? null,
        phasePlan: s.phasePlan,
        phaseLog: s.phaseLog.map((p) => ({ phaseId: p.phaseId, startedAt: p.startedAt.toISOString() }))
      });
      return {
        id: s._id.toHexString(),
        kind: s.kind,
        rubricRef,
        questionId: question.id,
        startedAt: s.startedAt.toISOString(),
        submittedAt: s.submittedAt?.toISOString() ?? null,
        selfRatings: s.selfScore?.ratings ?? null,
        selfScore: s.selfScore?.score ?? null,
        oops: s.selfScore?.oops ?? [],
        peerRatings: peerDocs.filter((p) => p.sessionId.equals(s._id)).map((p) => p.ratings),
        // The phase times, not the plan and log they come from: a tenth of the size in the cache.
        phasePlan: [],
        phaseLog: [],
        // A behavioral mock's phases are its prompts: their time against the box adds up as one row.
        phaseTimes:
          s.kind === 'behavioral'
            ? times.map((t) => ({ ...t, id: BEHAVIORAL_PROMPT_PHASE.id, name: BEHAVIORAL_PROMPT_PHASE.name }))
            : times,
        ...(question.kind === 'coding'
          ? {
              coding: {
                title: question.title,
                pattern: question.pattern,
                difficulty: question.difficulty,
                boxMinutes: question.timeBoxMin,
                passed: last?.passed ?? null,
                total: last?.total ?? candidateTests(question).length,
                solvedMinutes: firstSolve ? (firstSolve.createdAt.getTime() - s.startedAt.getTime()) / 60_000 : null
              }
            }
          : {})
      };
    });
  }

  /** The inputs of the user's insights: from the cache when no write has happened since it was built. */
  async function scoredSessions(user: SignedInUser): Promise<(ScoredSession & { selfScore: number | null })[]> {
    const cached = await cache.read<InsightInput[]>(user._id);
    let inputs = cached.inputs;
    if (!inputs) {
      const built = await buildInputs(user);
      await cache.store(user._id, cached.version, built);
      inputs = built;
    }
    const rubrics = await content.get(inputs.map((i) => i.rubricRef));
    return inputs.map(({ rubricRef, ...input }) => ({ ...input, rubric: rubrics.get(rubricRef) as Rubric }));
  }

  return {
    async insights(user: SignedInUser) {
      const entries = catalog.all().map((q) => ({
        id: q.id,
        title: q.title,
        kind: q.kind,
        rubric: catalog.rubricFor(q),
        ...(q.kind === 'coding' ? { pattern: q.pattern } : {})
      }));
      const sessions = await scoredSessions(user);
      const at = now();
      const scoredOops = sessions
        .filter((s) => s.selfRatings)
        .map((s) => ({ at: s.submittedAt ?? s.startedAt, oops: s.oops }));
      const attempts = sessions.flatMap((s) =>
        s.coding && s.submittedAt
          ? [{ at: s.submittedAt, questionId: s.questionId, title: s.coding.title, solved: solved(s.coding) }]
          : []
      );
      const recapSessions = sessions.map((s) => ({
        at: s.startedAt,
        kind: s.kind ?? (s.coding ? ('coding' as const) : ('design' as const)),
        questionTitle: s.coding?.title ?? catalog.get(s.questionId)?.title ?? s.questionId,
        ...(s.coding ? { pattern: s.coding.pattern, solved: solved(s.coding) } : {}),
        score: s.selfScore,
        oops: s.oops
      }));
      const recap = weeklyRecap(recapSessions, at);
      const saved = await recaps.find(user._id, recap.weekStart.slice(0, 10));
      return {
        ...computeInsights(sessions, entries, at),
        reviews: [...problemSchedule(attempts, at), ...reviewSchedule(scoredOops, at)].sort((a, b) =>
          a.dueAt.localeCompare(b.dueAt)
        ),
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
      const [peers, judged, confirmations] = await Promise.all([
        peerScores.submittedForSessions(ids),
        submissions.judgedFor(codingIds),
        submissions.confirmationsFor(codingIds)
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
