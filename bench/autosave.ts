/**
 * Autosave latency through the API: N concurrent sessions each saving every 2 s, against raw driver
 * `updateOne` calls with the same shape on the same database in the same run. Prints p50/p99 and the ratio.
 * The load runs in its own process (`autosave-client.ts`), which times both the API and the driver calls: a warm-up
 * first (not counted), then the paths in turn, 10 s each, until each has had its seconds.
 * Then saturation: the same clients saving back to back, through the API and through the driver with the API's
 * own update, printed side by side as saves per second and their ratio.
 * BENCH_SESSIONS (default 50), BENCH_SECONDS (default 60) and BENCH_SATURATION_SECONDS (default 20) size the run.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import { ensureFerretdb, startEmbeddedServer } from '../apps/api/src/db/embedded/index.ts';
import { startServer } from '../apps/api/src/server.ts';
import type { LoadPlan, LoadResult } from './autosave-client.ts';
import { benchLimits, question, signUpCookie } from './fixtures.ts';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const INTERVAL_MS = 2000;
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 20);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const DB_NAME = 'bench';

/** Runs the load in a child process and resolves with its samples. */
function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'autosave-client.ts'), { execArgv: ['--import', 'tsx'] });
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('exit', (code) => reject(new Error(`the load process exited with ${code} before reporting`)));
    child.send(plan);
  });
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-autosave-'));
const embedded = await startEmbeddedServer({ binary: await ensureFerretdb(), dataDir });
const server = await startServer({
  port: 0,
  mongodbUri: embedded.uri,
  questions: [question],
  dbName: DB_NAME,
  app: { limits: benchLimits }
});
let result: LoadResult;

try {
  const clients = await Promise.all(
    Array.from({ length: SESSIONS }, async (_, i) => {
      const cookie = await signUpCookie(server.url, {
        email: `bench${i}@example.com`,
        password: 'bench-password-1',
        name: `Bench ${i}`
      });
      const created = await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ questionId: question.id })
      });
      const { session } = (await created.json()) as { session: { id: string; revision: number } };
      // A twin session of the same user, written straight through the driver with the API's own filter and update.
      const twin = (await (
        await fetch(`${server.url}/api/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ questionId: question.id })
        })
      ).json()) as { session: { id: string } };
      const user = (await server.database.users.findOne({ emailKey: `bench${i}@example.com` }))!;
      return {
        cookie,
        id: session.id,
        revision: session.revision,
        twinId: new ObjectId(twin.session.id),
        userId: user._id
      };
    })
  );
  // Baselines: a single-document update of a tiny document, and the API's own update of a session document
  // (same collection, filter and change), both straight through the driver.
  const rawIds = Array.from({ length: SESSIONS }, () => new ObjectId());
  await server.database.db
    .collection('bench_raw')
    .insertMany(rawIds.map((_id) => ({ _id, revision: 0, work: { notes: {} } })));

  const plan: LoadPlan = {
    url: server.url,
    mongodbUri: embedded.uri,
    dbName: DB_NAME,
    seconds: SECONDS,
    intervalMs: INTERVAL_MS,
    saturationSeconds: SATURATION_SECONDS,
    clients: clients.map((c) => ({ ...c, twinId: c.twinId.toHexString(), userId: c.userId.toHexString() })),
    rawIds: rawIds.map((id) => id.toHexString())
  };
  result = await runLoad(plan);
} finally {
  await server.close();
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
}

const { api, same, raw, failures, saturation } = result;
const row = (name: string, values: number[]) =>
  `  ${name.padEnd(28)} p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(values, 99).toFixed(1).padStart(7)} ms   (${values.length} saves)`;
console.log(
  `autosave: ${SESSIONS} sessions saving every ${INTERVAL_MS / 1000} s for ${SECONDS} s per path, the paths taking turns in 10 s slices after a warm-up (${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})`
);
console.log(row('PATCH /api/sessions/:id/work', api));
console.log(row('driver, tiny document', raw));
console.log(row('driver, the same update', same));
const ratio = (base: number[]) =>
  `p50 ×${(percentile(api, 50) / percentile(base, 50)).toFixed(2)}   p99 ×${(percentile(api, 99) / percentile(base, 99)).toFixed(2)}`;
console.log(`  API vs tiny document:   ${ratio(raw)}`);
console.log(`  API vs the same update: ${ratio(same)}   failed saves: ${failures}`);
const worst = Math.max(...[50, 99].map((p) => percentile(api, p) / percentile(same, p)));
const at = (values: number[], p: number) => percentile(values, p).toFixed(1);
console.log(
  `  goal (issue 20) ≤ ×1.5 the raw driver's same update at p50 and p99: API ${at(api, 50)} / ${at(api, 99)} ms, driver ${at(same, 50)} / ${at(same, 99)} ms, worst ×${worst.toFixed(2)}: ${worst <= 1.5 ? 'goal met' : 'goal NOT met'}   load ${os.loadavg()[0]!.toFixed(1)}`
);

// Saturation: the same clients saving back to back, through the API and straight through the driver.
console.log(`saturation: ${SESSIONS} clients saving back to back for ${SATURATION_SECONDS} s each`);
const throughput = (name: 'api' | 'same') => {
  const s = saturation.find((p) => p.name === name)!;
  return { perSecond: s.saves / s.seconds, p99: percentile(s.samples, 99), saves: s.saves };
};
const apiPeak = throughput('api');
const driverPeak = throughput('same');
for (const [name, peak] of [
  ['PATCH /api/sessions/:id/work', apiPeak],
  ['driver, the same update', driverPeak]
] as const) {
  console.log(
    `  ${name.padEnd(28)} ${peak.perSecond.toFixed(0).padStart(6)} saves/s   p99 ${peak.p99.toFixed(1).padStart(7)} ms   (${peak.saves} saves)`
  );
}
console.log(
  `  goal: API throughput / driver throughput ${apiPeak.perSecond.toFixed(0)} / ${driverPeak.perSecond.toFixed(0)} saves/s = ×${(apiPeak.perSecond / driverPeak.perSecond).toFixed(2)} ≥ ×0.70: ${apiPeak.perSecond / driverPeak.perSecond >= 0.7 ? 'goal met' : 'goal NOT met'}`
);
