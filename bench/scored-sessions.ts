/**
 * Scored design sessions for the benchmarks that need a user with many (insights, the plan's dashboard): built in
 * memory, inserted in bulk like the repository stores them, and the user's insights aggregate seeded by the
 * server's own rebuild over them, as if it had been kept up to date all along.
 */
import { designPhasePlan, getRubric } from '@mockloop/rubrics';
import { ObjectId } from 'mongodb';
import type { Database, SessionDoc } from '../apps/api/src/db/client.ts';
import { createInsightsCache } from '../apps/api/src/db/insights-cache-repo.ts';
import { createRepositories } from '../apps/api/src/db/repositories.ts';
import { createInsightsFold } from '../apps/api/src/services/insights-fold.ts';
import { question } from './fixtures.ts';

const rubric = getRubric('system-design-mock')!;

/** The `i`-th scored session of a user, an hour after the one before from `start`. */
export function sessionDoc(userId: ObjectId, i: number, start: number): SessionDoc {
  const startedAt = new Date(start + i * 3_600_000);
  const ratings = Object.fromEntries(rubric.criteria.map((c, j) => [c.id, 1 + ((i + j) % 4)]));
  return {
    _id: new ObjectId(),
    userId,
    kind: 'design',
    status: 'submitted',
    question,
    rubric,
    durationMin: 60,
    startedAt,
    deadline: new Date(startedAt.getTime() + 3_600_000),
    submittedAt: new Date(startedAt.getTime() + 3_000_000),
    submitReason: 'finished',
    revision: 10,
    phasePlan: designPhasePlan(60),
    phaseLog: [{ phaseId: 'requirements', startedAt }],
    work: { notes: { design: 'notes' } },
    selfScore: {
      ratings,
      notes: {},
      oops: [['ran out of time', 'missed edge case', 'no estimate'][i % 3]!],
      summary: '',
      score: 50,
      hireSignal: 'No Hire',
      savedAt: startedAt
    },
    updatedAt: startedAt,
    lastSnapshotAt: startedAt
  };
}

/**
 * Inserts `count` scored sessions of `userId` (within the last `count` hours, so the newest fall in this week's
 * recap) and seeds the user's aggregate from them; resolves with the documents.
 */
export async function seedScoredSessions(database: Database, userId: ObjectId, count: number): Promise<SessionDoc[]> {
  const repos = createRepositories(database);
  const cache = createInsightsCache(database);
  const start = Date.now() - (count + 2) * 3_600_000;
  const docs = Array.from({ length: count }, (_, i) => sessionDoc(userId, i, start));
  // The first through the repository (it stores the question and rubric once), the rest in bulk like it.
  await repos.sessions.insert(docs[0]!);
  const template = (await database.sessions.findOne({ _id: docs[0]!._id }))!;
  for (let from = 1; from < count; from += 1000) {
    await database.sessions.insertMany(
      docs.slice(from, from + 1000).map(({ _id, startedAt, deadline, submittedAt, phaseLog, selfScore }) => ({
        ...template,
        _id,
        startedAt,
        deadline,
        submittedAt,
        phaseLog,
        selfScore,
        updatedAt: startedAt,
        lastSnapshotAt: startedAt
      })),
      { ordered: false }
    );
  }
  // The server's rebuild, with the sessions handed over from memory instead of read back.
  const fromMemory = createInsightsFold(
    {
      ...repos,
      sessions: { ...repos.sessions, forInsights: async () => docs.map((session) => ({ session, rubricRef: '' })) }
    },
    () => new Date()
  );
  await fromMemory.rebuild(userId, (await cache.read(userId))?.version ?? 0);
  return docs;
}
