/**
 * Autosave latency through the API: N concurrent sessions each saving every 2 s, against raw driver
 * `updateOne` calls with the same shape on the same database in the same run. Prints p50/p99 and the ratio.
 * BENCH_SESSIONS (default 50) and BENCH_SECONDS (default 60) size the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import { startServer } from '../apps/api/src/server.ts';
import { question } from './fixtures.ts';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const INTERVAL_MS = 2000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-autosave-'));
const server = await startServer({ port: 0, dataDir, questions: [question], dbName: 'bench' });
const api: number[] = [];
const raw: number[] = [];
const same: number[] = [];
let failures = 0;

try {
  const clients = await Promise.all(
    Array.from({ length: SESSIONS }, async (_, i) => {
      const signup = await fetch(`${server.url}/api/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `bench${i}@example.com`, password: 'bench-password-1', name: `Bench ${i}` })
      });
      const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0]!;
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

  /**
   * One phase: every session saves every 2 s for the run's length, through `save`. The three phases run one
   * after another so they never compete for the database's write lock.
   */
  let typed = 0;
  const phase = async (
    samples: number[],
    save: (c: (typeof clients)[number], i: number, text: string) => Promise<void>
  ) => {
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(
      clients.map(async (c, i) => {
        await new Promise((r) => setTimeout(r, (i * INTERVAL_MS) / SESSIONS));
        while (Date.now() < deadline) {
          const text = `notes after ${++typed} saves `.repeat(20);
          const started = performance.now();
          await save(c, i, text);
          samples.push(performance.now() - started);
          await new Promise((r) => setTimeout(r, INTERVAL_MS));
        }
      })
    );
  };
  await phase(api, async (c, _i, text) => {
    const res = await fetch(`${server.url}/api/sessions/${c.id}/work`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: c.cookie },
      body: JSON.stringify({ revision: c.revision, notes: { design: text } })
    });
    if (res.ok) c.revision = ((await res.json()) as { revision: number }).revision;
    else failures++;
  });
  const twinRevisions = clients.map(() => 0);
  await phase(same, async (c, i, text) => {
    await server.database.sessions.updateOne(
      {
        _id: c.twinId,
        userId: c.userId,
        status: 'active',
        deadline: { $gt: new Date(Date.now() - 5000) },
        revision: twinRevisions[i]!
      },
      { $set: { 'work.notes.design': text, updatedAt: new Date() }, $inc: { revision: 1 } }
    );
    twinRevisions[i]!++;
  });
  const rawRevisions = clients.map(() => 0);
  await phase(raw, async (_c, i, text) => {
    await server.database.db
      .collection('bench_raw')
      .updateOne(
        { _id: rawIds[i], revision: rawRevisions[i]! },
        { $set: { 'work.notes.design': text }, $inc: { revision: 1 } }
      );
    rawRevisions[i]!++;
  });
} finally {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}

const row = (name: string, values: number[]) =>
  `  ${name.padEnd(28)} p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(values, 99).toFixed(1).padStart(7)} ms   (${values.length} saves)`;
console.log(
  `autosave: ${SESSIONS} sessions saving every ${INTERVAL_MS / 1000} s for ${SECONDS} s per phase, phases in turn (${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})`
);
console.log(row('PATCH /api/sessions/:id/work', api));
console.log(row('driver, tiny document', raw));
console.log(row('driver, the same update', same));
const ratio = (base: number[]) =>
  `p50 ×${(percentile(api, 50) / percentile(base, 50)).toFixed(2)}   p99 ×${(percentile(api, 99) / percentile(base, 99)).toFixed(2)}`;
console.log(`  API vs tiny document:   ${ratio(raw)}`);
console.log(`  API vs the same update: ${ratio(same)}   failed saves: ${failures}`);
