/**
 * `GET /api/insights` for a user with 100 and with 1,000 scored sessions in the real database, against a plain
 * indexed `find` of the same session documents in the same run (the floor any insights query pays).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { designPhasePlan, getRubric } from '@mockloop/rubrics';
import { ObjectId } from 'mongodb';
import type { SessionDoc } from '../apps/api/src/db/client.ts';
import { createInsightsCache } from '../apps/api/src/db/insights-cache-repo.ts';
import { createRepositories } from '../apps/api/src/db/repositories.ts';
import { startServer } from '../apps/api/src/server.ts';
import { question, signUpCookie } from './fixtures.ts';

const rubric = getRubric('system-design-mock')!;
const RUNS = 5;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-insights-'));
const server = await startServer({ port: 0, dataDir, questions: [question], dbName: 'bench' });
const rows: string[] = [];
try {
  for (const count of [100, 1000]) {
    const email = `insights${count}@example.com`;
    const cookie = await signUpCookie(server.url, { email, password: 'bench-password-1', name: 'Bench' });
    const user = (await server.database.users.findOne({ emailKey: email }))!;
    const start = Date.now() - count * 86_400_000;
    const docs: SessionDoc[] = Array.from({ length: count }, (_, i) => {
      const startedAt = new Date(start + i * 86_400_000);
      const ratings = Object.fromEntries(rubric.criteria.map((c, j) => [c.id, 1 + ((i + j) % 4)]));
      return {
        _id: new ObjectId(),
        userId: user._id,
        kind: 'design',
        status: 'submitted',
        question,
        rubric,
        durationMin: 60,
        startedAt,
        deadline: new Date(startedAt.getTime() + 3_600_000),
        submittedAt: new Date(startedAt.getTime() + 3_600_000),
        submitReason: 'finished',
        revision: 10,
        phasePlan: designPhasePlan(60),
        phaseLog: [{ phaseId: 'requirements', startedAt }],
        work: { notes: { design: 'notes' } },
        selfScore: {
          ratings,
          notes: {},
          oops: [['ran out of time', 'missed edge case'][i % 2]!],
          summary: '',
          score: 50,
          hireSignal: 'No Hire',
          savedAt: startedAt
        },
        updatedAt: startedAt,
        lastSnapshotAt: startedAt
      };
    });
    const store = createRepositories(server.database).sessions;
    for (const doc of docs) await store.insert(doc);

    const cache = createInsightsCache(server.database);
    const rebuilt: number[] = [];
    const cached: number[] = [];
    const find: number[] = [];
    const get = async () => {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/insights`, { headers: { cookie } });
      if (!res.ok) throw new Error(`insights answered ${res.status}`);
      await res.json();
      return performance.now() - started;
    };
    for (let run = 0; run < RUNS; run++) {
      // The first read after a change (a new score, a submission) rebuilds from the sessions...
      await cache.touch(user._id);
      rebuilt.push(await get());
      // ...and later reads until the next change use the cache.
      cached.push(await get());
      const started = performance.now();
      await server.database.sessions.find({ userId: user._id }).sort({ startedAt: 1 }).toArray();
      find.push(performance.now() - started);
    }
    rows.push(
      `  ${String(count).padStart(5)} sessions   after a change ${median(rebuilt).toFixed(0).padStart(6)} ms   unchanged ${median(cached).toFixed(0).padStart(5)} ms   indexed find ${median(find).toFixed(0).padStart(6)} ms   ×${(median(rebuilt) / median(find)).toFixed(2)} / ×${(median(cached) / median(find)).toFixed(2)}`
    );
  }
} finally {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
console.log(
  `GET /api/insights, median of ${RUNS}, against an indexed find of the same sessions (${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})`
);
for (const row of rows) console.log(row);
