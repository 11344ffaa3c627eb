/**
 * Recordings as audio accumulates: a 4 KiB chunk save, a recording's listing and a user's export, on an empty
 * database and again once 100 other users have 60 MiB of audio each stored (6 GiB), side by side in one run on one
 * server. Every read of a recording is by `_id` (chunk ids and a per-session manifest), so the second set should
 * match the first: the goal is each within ×1.5.
 * BENCH_REC_USERS (default 100), BENCH_REC_MIB (default 60) and BENCH_REC_SAVES (default 200) size the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Binary, ObjectId } from 'mongodb';
import { ensureFerretdb, startEmbeddedServer } from '../apps/api/src/db/embedded/index.ts';
import { startServer } from '../apps/api/src/server.ts';
import { benchLimits, question, signUpCookie } from './fixtures.ts';

const USERS = Number(process.env.BENCH_REC_USERS ?? 100);
const MIB = Number(process.env.BENCH_REC_MIB ?? 60);
const SAVES = Number(process.env.BENCH_REC_SAVES ?? 200);
const CHUNK_BYTES = 512 * 1024; // the largest chunk a browser may send: fewest documents for the stored audio

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)]!;

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-recordings-'));
const embedded = await startEmbeddedServer({ binary: await ensureFerretdb(), dataDir });
const server = await startServer({
  port: 0,
  mongodbUri: embedded.uri,
  questions: [question],
  dbName: 'bench_recordings',
  app: { limits: benchLimits }
});
const call = async (cookie: string, method: string, url: string, body?: unknown) => {
  const started = performance.now();
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {})
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status}`);
  return performance.now() - started;
};

/**
 * A new user's session with SAVES chunks of 4 KiB: each save's time, then its listing's and the user's export's
 * (a new user each time, so every export holds the same).
 */
async function measure(tag: string) {
  const email = `${tag.replace(/\W+/g, '-')}@example.com`;
  const cookie = await signUpCookie(server.url, { email, password: 'bench-password-1', name: tag });
  const created = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ questionId: question.id })
  });
  const { session } = (await created.json()) as { session: { id: string } };
  const data = Buffer.alloc(4096, 7).toString('base64');
  const saves: number[] = [];
  for (let seq = 0; seq < SAVES; seq++) {
    const chunk = { segment: 0, seq, startMs: seq * 500, durationMs: 500, data };
    saves.push(await call(cookie, 'POST', `/api/sessions/${session.id}/recording/chunks`, chunk));
  }
  const listings: number[] = [];
  for (let i = 0; i < 30; i++) listings.push(await call(cookie, 'GET', `/api/sessions/${session.id}/recording`));
  const exports: number[] = [];
  for (let i = 0; i < 10; i++) exports.push(await call(cookie, 'GET', '/api/export'));
  console.log(
    `  ${tag}: chunk save p50 ${median(saves).toFixed(1)} ms, p99 ${p99(saves).toFixed(1)} ms; listing ${median(listings).toFixed(1)} ms; export ${median(exports).toFixed(1)} ms`
  );
  return { save: median(saves), list: median(listings), export: median(exports) };
}

let empty: Awaited<ReturnType<typeof measure>>;
let full: Awaited<ReturnType<typeof measure>>;
let storedMiB = 0;
let fillSeconds!: number;
try {
  console.log(
    `recordings: ${SAVES} chunk saves of 4 KiB, listings and exports, on an empty database and with ${USERS} users × ${MIB} MiB stored (${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})`
  );
  await measure('warm-up');
  empty = await measure('empty database');
  // Other users' recordings, written as the API stores them: chunk documents keyed by id and a manifest each.
  const started = performance.now();
  const { recordings, recordingChunks } = server.database;
  const audio = new Binary(Buffer.alloc(CHUNK_BYTES, 3));
  const chunksEach = Math.ceil((MIB * 1024 * 1024) / CHUNK_BYTES);
  for (let u = 0; u < USERS; u++) {
    const sessionId = new ObjectId();
    const docs = Array.from({ length: chunksEach }, (_, seq) => ({
      _id: `${sessionId.toHexString()}:0:${seq}`,
      sessionId,
      segment: 0,
      seq,
      startMs: seq * 500,
      durationMs: 500,
      bytes: CHUNK_BYTES,
      data: audio,
      at: new Date()
    }));
    for (let from = 0; from < docs.length; from += 8) await recordingChunks.insertMany(docs.slice(from, from + 8));
    await recordings.insertOne({
      _id: sessionId,
      bytes: chunksEach * CHUNK_BYTES,
      chunks: docs.map(({ _id, sessionId: _s, data: _d, ...info }) => ({ id: _id, ...info }))
    });
    storedMiB += (chunksEach * CHUNK_BYTES) / 1024 / 1024;
  }
  fillSeconds = (performance.now() - started) / 1000;
  full = await measure(`${USERS} × ${MIB} MiB stored`);
} finally {
  await server.close();
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
}

const ratio = (a: number, b: number) => `×${(a / b).toFixed(2)}`;
console.log(`  stored ${storedMiB.toFixed(0)} MiB of other users' audio in ${fillSeconds.toFixed(0)} s`);
for (const [name, key] of [
  ['chunk save', 'save'],
  ['listing', 'list'],
  ['export', 'export']
] as const) {
  console.log(
    `  goal: ${name} with ${USERS} × ${MIB} MiB stored within ×1.5 of an empty database: ${full[key].toFixed(1)} ms vs ${empty[key].toFixed(1)} ms (${ratio(full[key], empty[key])})`
  );
}
