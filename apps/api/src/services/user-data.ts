/** Everything one user's insights and export read: their sessions with scores, and the peer scores they received. */
import type { Rubric } from '@mockloop/rubrics';
import type { Database, SignedInUser } from '../db/client.ts';
import { createInsightsCache } from '../db/insights-cache.ts';
import { createSessionStore } from '../db/session-store.ts';
import type { Catalog } from './catalog.ts';
import { computeInsights, phaseTimes, solved, type ScoredSession } from './insights.ts';
import { problemSchedule, reviewSchedule } from './review-schedule.ts';
import { weeklyRecap } from './weekly-recap.ts';

/** One session as insights read it, stored in the cache with its rubric by reference. */
type InsightInput = Omit<ScoredSession, 'rubric'> & { rubricRef: string; selfScore: number | null };

export function createUserDataService(db: Database, catalog: Catalog, now: () => Date) {
  const store = createSessionStore(db);
  const cache = createInsightsCache(db);

  /** Reads the sessions, their peer scores and judged submissions: the slow path, when the cache is stale. */
  async function buildInputs(user: SignedInUser): Promise<InsightInput[]> {
    // The notes are not needed here, and the embedded server pays for every byte it reads.
    const stored = await db.sessions
      .find({ userId: user._id }, { projection: { work: 0 } })
      .sort({ startedAt: 1 })
      .toArray();
    const rubricRefs = new Map(stored.map((s) => [s._id.toHexString(), s.rubricRef]));
    const sessions = await store.hydrateMany(stored);
    const ids = sessions.map((s) => s._id);
    const codingIds = sessions.filter((s) => s.question.kind === 'coding').map((s) => s._id);
    const [peerDocs, judged] = await Promise.all([
      ids.length
        ? db.peerScores.find({ sessionId: { $in: ids }, submittedAt: { $ne: null } }).toArray()
        : Promise.resolve([]),
      codingIds.length
        ? db.submissions
            .find({ sessionId: { $in: codingIds }, passed: { $ne: null } }, { projection: { code: 0, results: 0 } })
            .sort({ n: 1 })
            .toArray()
        : Promise.resolve([])
    ]);
    return sessions.map((s) => {
      const question = s.question;
      const mine = judged.filter((j) => j.sessionId.equals(s._id));
      const last = mine.at(-1);
      const firstSolve = mine.find((j) => j.total > 0 && j.passed === j.total);
      return {
        id: s._id.toHexString(),
        rubricRef: rubricRefs.get(s._id.toHexString())!,
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
        phaseTimes: phaseTimes({
          startedAt: s.startedAt.toISOString(),
          submittedAt: s.submittedAt?.toISOString() ?? null,
          phasePlan: s.phasePlan,
          phaseLog: s.phaseLog.map((p) => ({ phaseId: p.phaseId, startedAt: p.startedAt.toISOString() }))
        }),
        ...(question.kind === 'coding'
          ? {
              coding: {
                title: question.title,
                pattern: question.pattern,
                difficulty: question.difficulty,
                boxMinutes: question.timeBoxMin,
                passed: last?.passed ?? null,
                total: last?.total ?? question.hiddenTests.length,
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
    const rubrics = await store.content(inputs.map((i) => i.rubricRef));
    return inputs.map(({ rubricRef, ...input }) => ({ ...input, rubric: rubrics.get(rubricRef) as Rubric }));
  }

  const weekKey = (user: SignedInUser, weekStart: string) => `${user._id.toHexString()}:${weekStart}`;

  return {
    async insights(user: SignedInUser) {
      const entries = catalog
        .all()
        .filter((q) => q.kind !== 'behavioral')
        .map((q) => ({
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
        kind: s.coding ? ('coding' as const) : ('design' as const),
        questionTitle: s.coding?.title ?? catalog.get(s.questionId)?.title ?? s.questionId,
        ...(s.coding ? { pattern: s.coding.pattern, solved: solved(s.coding) } : {}),
        score: s.selfScore,
        oops: s.oops
      }));
      const recap = weeklyRecap(recapSessions, at);
      const saved = await db.recaps.findOne({ _id: weekKey(user, recap.weekStart.slice(0, 10)) });
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
      await db.recaps.updateOne(
        { _id: weekKey(user, weekStart) },
        { $set: { userId: user._id, weekStart, markdown, savedAt } },
        { upsert: true }
      );
      return { weekStart, markdown, savedAt: savedAt.toISOString() };
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
