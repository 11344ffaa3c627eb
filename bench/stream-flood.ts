/**
 * Saves under a stream flood: one person autosaves back to back while 50 others hold every live-room stream the
 * server lets them (4 on each of 4 sessions: 16 each, 800 in all), their rooms busy (each person's work pushed to
 * its 4 streams every 500 ms), and each keeps asking for one stream more every second (refused with 429
 * TOO_MANY_STREAMS). Against the same saves with no stream open, in the same run on the same server: p50/p99 and
 * the ratio. The flooding clients run in this process beside the server, so the figure errs on the slow side.
 * BENCH_FLOOD_USERS (default 50) and BENCH_SAVES (default 300 per phase) size the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureFerretdb, startEmbeddedServer } from '../apps/api/src/db/embedded/index.ts';
import { startServer } from '../apps/api/src/server.ts';
import { benchLimits, question, signUpCookie } from './fixtures.ts';

const FLOOD_USERS = Number(process.env.BENCH_FLOOD_USERS ?? 50);
const SAVES = Number(process.env.BENCH_SAVES ?? 300);
const SESSIONS_EACH = 4;
const STREAMS_A_SESSION = 4;
const STREAMS_EACH = SESSIONS_EACH * STREAMS_A_SESSION;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-streams-'));
const embedded = await startEmbeddedServer({ binary: await ensureFerretdb(), dataDir });
const server = await startServer({
  port: 0,
  mongodbUri: embedded.uri,
  questions: [question],
  dbName: 'bench_streams',
  app: { limits: benchLimits }
});

async function personWithSession(i: number, who: string) {
  const cookie = await signUpCookie(server.url, {
    email: `${who}${i}@example.com`,
    password: 'bench-password-1',
    name: `${who} ${i}`
  });
  const created = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ questionId: question.id })
  });
  const { session } = (await created.json()) as { session: { id: string; revision: number } };
  return { cookie, id: session.id, revision: session.revision };
}

const saver = await personWithSession(0, 'saver');
/** `count` saves of the saver's notes, one after another; each one's time from request to answer. */
async function saves(count: number, tag: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/sessions/${saver.id}/work`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: saver.cookie },
      body: JSON.stringify({ revision: saver.revision, notes: { design: `${tag} ${i}` } })
    });
    const body = (await res.json()) as { revision: number };
    times.push(performance.now() - started);
    if (!res.ok) throw new Error(`save failed: ${res.status} ${JSON.stringify(body)}`);
    saver.revision = body.revision;
  }
  return times;
}

const controllers: AbortController[] = [];
/** Opens a stream and reads it until aborted; its status. */
async function openStream(cookie: string, sessionId: string): Promise<number> {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/sessions/${sessionId}/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal
  });
  if (res.status !== 200) {
    await res.body?.cancel();
    return res.status;
  }
  controllers.push(controller);
  void (async () => {
    const reader = res.body!.getReader();
    for (;;) if ((await reader.read()).done) break;
  })().catch(() => {});
  return 200;
}

let baseline: number[];
let held: number[];
let flooded: number[];
const statuses = new Map<number, number>();
try {
  await saves(30, 'warm-up');
  baseline = await saves(SAVES, 'quiet');
  const flooders = await Promise.all(
    Array.from({ length: FLOOD_USERS }, async (_, i) => {
      const first = await personWithSession(i, 'flood');
      const more = [];
      for (let s = 1; s < SESSIONS_EACH; s++) {
        const created = await fetch(`${server.url}/api/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: first.cookie },
          body: JSON.stringify({ questionId: question.id })
        });
        more.push(((await created.json()) as { session: { id: string } }).session.id);
      }
      return { cookie: first.cookie, sessions: [first.id, ...more] };
    })
  );
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  for (const f of flooders)
    for (const id of f.sessions) for (let s = 0; s < STREAMS_A_SESSION; s++) count(await openStream(f.cookie, id));
  // While the saver saves, each flooder asks for one stream more than it may hold every second; in the second
  // measured phase its rooms are busy too (its work pushed to its streams every 500 ms).
  let flooding = true;
  let drafting = false;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const busy = flooders.map(async (f, i) => {
    for (let tick = 0; flooding; tick++) {
      await pause(500);
      if (drafting) {
        const id = f.sessions[tick % SESSIONS_EACH]!;
        await fetch(`${server.url}/api/sessions/${id}/drafts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: f.cookie },
          body: JSON.stringify({ notes: { design: `flooder ${i} tick ${tick}` } })
        }).then((res) => res.body?.cancel());
      }
      if (tick % 2 === 0) count(await openStream(f.cookie, f.sessions[0]!));
    }
  });
  held = await saves(SAVES, 'held');
  drafting = true;
  flooded = await saves(SAVES, 'flooded');
  flooding = false;
  await Promise.all(busy);
} finally {
  for (const c of controllers) c.abort();
  await server.close();
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
}

const row = (name: string, values: number[]) =>
  `  ${name.padEnd(34)} p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(values, 99).toFixed(1).padStart(7)} ms   (${values.length} saves)`;
console.log(
  `stream flood: ${FLOOD_USERS} people holding ${STREAMS_EACH} streams each (${FLOOD_USERS * STREAMS_EACH} in all) and asking for more, then their rooms busy too; one person saving back to back (${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})`
);
console.log(row('saves, no stream open (baseline)', baseline));
console.log(row('saves, 800 streams held, asking', held));
console.log(row('the same, and every room busy', flooded));
console.log(`  stream answers: ${[...statuses].map(([status, n]) => `${status} × ${n}`).join(', ')}`);
const p99 = percentile(held, 99);
const vs = (values: number[]) =>
  `p99 ×${(percentile(values, 99) / percentile(baseline, 99)).toFixed(2)}, p50 ×${(percentile(values, 50) / percentile(baseline, 50)).toFixed(2)}`;
console.log(
  `  goal: save p99 under a stream flood < 100 ms: ${p99.toFixed(1)} ms (baseline ${percentile(baseline, 99).toFixed(1)} ms, ${vs(held)}); with every room busy ${percentile(flooded, 99).toFixed(1)} ms (${vs(flooded)})`
);
