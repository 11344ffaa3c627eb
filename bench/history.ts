/**
 * The history list as other people's data grows: one user with 1,000 sessions (and 20 interviews given) reads the
 * dashboard's recent sessions (`GET /api/sessions?limit=10`), the history page (`limit=200`) and the export, first
 * on a database holding only their own sessions (the baseline), then again once OTHERS other users hold 1,000
 * sessions each, side by side in one run on one server. The list is read by `_id` (`user_sessions`, then each
 * session shown), so the goal is each within ×1.5 of its baseline. For scale, the query it replaced
 * (`sessions.find({ userId })`, a scan on the embedded server) is timed at both points too.
 * BENCH_HISTORY_SESSIONS (default 1000) and BENCH_HISTORY_OTHERS (default 10) size the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import type { StoredSessionDoc } from '../apps/api/src/db/client.ts';
import { ensureFerretdb, startEmbeddedServer } from '../apps/api/src/db/embedded/index.ts';
import { startServer } from '../apps/api/src/server.ts';
import { benchLimits, question, signUpCookie } from './fixtures.ts';
import { seedScoredSessions } from './scored-sessions.ts';

const SESSIONS = Number(process.env.BENCH_HISTORY_SESSIONS ?? 1000);
const OTHERS = Number(process.env.BENCH_HISTORY_OTHERS ?? 10);
const RUNS = 15;
const WARM_UP = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-history-'));
const embedded = await startEmbeddedServer({ binary: await ensureFerretdb(), dataDir });
const server = await startServer({
  port: 0,
  mongodbUri: embedded.uri,
  questions: [question],
  dbName: 'bench_history',
  app: { limits: benchLimits, sessionsPerDay: 100_000 }
});
// Filling and the old query's scan go through a client of the bench's own, with the driver's patient defaults: the
// app's client declares a database down after 1.5 s without an answer, which a scan on a busy machine can exceed.
const bulk = new MongoClient(embedded.uri);
const sessions = bulk.db('bench_history').collection<StoredSessionDoc>('sessions');

const CALLS = {
  'dashboard (limit 10)': '/api/sessions?limit=10',
  'history (limit 200)': '/api/sessions?limit=200',
  'interviews given (role filter)': '/api/sessions?role=interviewer&limit=50',
  export: '/api/export'
} as const;
type CallName = keyof typeof CALLS;

/** 503s seen (the app declares the database down when it misses 1.5 s of answers, as on a machine at load 20). */
let unavailable = 0;

/** One call's time; a 503 is counted and the call made again after a pause (its time is not counted). */
async function timed(cookie: string, urlPath: string): Promise<number> {
  for (;;) {
    const started = performance.now();
    const res = await fetch(`${server.url}${urlPath}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.ok) return performance.now() - started;
    if (res.status !== 503 || ++unavailable > 20) throw new Error(`${urlPath}: ${res.status}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** Median times of each call, taking turns so a busy spell of the shared machine falls on all alike. */
async function measure(cookie: string, userId: ObjectId) {
  const times = Object.fromEntries(Object.keys(CALLS).map((k) => [k, [] as number[]])) as Record<CallName, number[]>;
  const scans: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    for (const [name, urlPath] of Object.entries(CALLS) as [CallName, string][]) {
      const t = await timed(cookie, urlPath);
      if (run >= WARM_UP) times[name].push(t);
    }
    const started = performance.now();
    await sessions.find({ userId }, { projection: { work: 0 } }).toArray();
    if (run >= WARM_UP) scans.push(performance.now() - started);
  }
  return {
    calls: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<CallName, number>,
    scan: median(scans)
  };
}

/** `count` sessions of a user who is nobody here, straight into the collection (copies of one of the user's). */
async function othersSessions(template: Record<string, unknown>, count: number): Promise<void> {
  const userId = new ObjectId();
  for (let from = 0; from < count; from += 1000) {
    await sessions.insertMany(
      Array.from({ length: Math.min(1000, count - from) }, () => ({
        ...template,
        _id: new ObjectId(),
        userId
      })) as never,
      { ordered: false }
    );
  }
}

try {
  const cookie = await signUpCookie(server.url, { email: 'me@example.com', password: 'bench-password-1', name: 'Me' });
  const me = (await server.database.users.findOne({ emailKey: 'me@example.com' }))!;
  await seedScoredSessions(server.database, me._id, SESSIONS);
  // 20 interviews given: invites of another user's sessions, accepted by this one.
  const host = await signUpCookie(server.url, {
    email: 'host@example.com',
    password: 'bench-password-1',
    name: 'Host'
  });
  for (let i = 0; i < 20; i++) {
    const post = (url: string, body: object, who = host) =>
      fetch(`${server.url}${url}`, {
        method: 'POST',
        headers: { cookie: who, 'content-type': 'application/json' },
        body: JSON.stringify(body)
      }).then((r) => r.json() as Promise<{ session?: { id: string }; token?: string }>);
    const { session } = await post('/api/sessions', { questionId: question.id });
    const { token } = await post(`/api/sessions/${session!.id}/invites`, {});
    await post('/api/invites/accept', { token }, cookie);
  }
  const template = (await server.database.sessions.findOne({ userId: me._id }))!;

  const baseline = await measure(cookie, me._id);
  const started = performance.now();
  for (let i = 0; i < OTHERS; i++) await othersSessions(template as never, SESSIONS);
  const filled = (performance.now() - started) / 1000;
  const grown = await measure(cookie, me._id);

  const total = await sessions.countDocuments();
  console.log(
    `history: one user with ${SESSIONS.toLocaleString('en')} sessions and 20 interviews given; medians of ${RUNS} after ${WARM_UP}; ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${new Date().toISOString().slice(0, 16)}Z`
  );
  console.log(
    `  ${'call'.padEnd(34)} ${'alone'.padStart(11)} ${`+${OTHERS} users × ${SESSIONS}`.padStart(20)}   ratio`
  );
  let worst = 0;
  for (const name of Object.keys(CALLS) as CallName[]) {
    const ratio = grown.calls[name] / baseline.calls[name];
    worst = Math.max(worst, ratio);
    console.log(
      `  ${name.padEnd(34)} ${ms(baseline.calls[name])} ${ms(grown.calls[name]).padStart(20)}   ×${ratio.toFixed(2)}`
    );
  }
  console.log(
    `  ${'the old query, find({ userId })'.padEnd(34)} ${ms(baseline.scan)} ${ms(grown.scan).padStart(20)}   ×${(grown.scan / baseline.scan).toFixed(2)}  (for scale; no longer on the list's path)`
  );
  console.log(
    `  (${total.toLocaleString('en')} sessions stored at the end; filling took ${filled.toFixed(0)} s; ${unavailable} calls answered 503 and were made again)`
  );
  console.log(
    `  history, dashboard and export with ${OTHERS}×${SESSIONS} other sessions: worst ×${worst.toFixed(2)} of the baseline; goal ≤ ×1.5: ${worst <= 1.5 ? 'goal met' : 'goal NOT met'}`
  );
} finally {
  await bulk.close();
  await server.close();
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
}
