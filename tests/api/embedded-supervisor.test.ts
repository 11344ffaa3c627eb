/**
 * The supervised embedded FerretDB: killed while clients save, it is back by itself within 10 s and every
 * acknowledged save is stored; meanwhile the API answers 503 with Retry-After. And when MockLoop's own process is
 * SIGKILLed, no FerretDB (or watchdog) is left running.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../apps/api/src/server.ts';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply } from '../support/server.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const generous = { limit: 100_000, windowMs: 60_000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (pid: number) => existsSync(`/proc/${pid}`);

/** Every process whose command line names `text` (the data folder identifies one run's FerretDB and watchdog). */
async function processesNaming(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text)) pids.push(Number(entry));
  }
  return pids;
}

describe('a FerretDB killed while clients save', () => {
  let dataDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-supervisor-'));
    server = await startServer({
      port: 0,
      dataDir,
      questions: [designFixture],
      app: { limits: { signUpPerAddress: generous, signInPerAddress: generous, signInPerAddressAndEmail: generous } }
    });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('restarts by itself within 10 s, answers 503 with Retry-After meanwhile, and loses no acknowledged save', async () => {
    const owner = client(server.url);
    await owner.signUp({ email: 'crash@example.com', password: 'crash-password-1', name: 'Crash' });
    const ids = await Promise.all(
      Array.from(
        { length: 6 },
        async () => (await answer(owner.api.sessions.$post({ json: { questionId: designFixture.id } }), 201)).session.id
      )
    );
    const killedPid = server.embedded!.pid;
    let killedAt = 0;
    let recoveredAt = 0;
    const unavailable: { code: string; retryAfter: string | null }[] = [];
    let stop = false;
    /** Acknowledged saves per session. */
    const saved = new Map<string, number>();

    /** The session's stored revision, asked again while the database is still coming back (503). */
    const storedRevision = async (id: string): Promise<number> => {
      for (;;) {
        const res = await reply(owner.api.sessions[':id'].$get({ param: { id } }));
        if (res.status === 200) return res.json.session.revision as number;
        if (res.status !== 503) throw new Error(`reading the session answered ${res.status}: ${res.text}`);
        unavailable.push({ code: res.json?.error?.code, retryAfter: res.headers.get('retry-after') });
        await sleep(100);
      }
    };

    /** Saves back to back; returns the last acknowledged text and revision. */
    const saver = async (id: string) => {
      let revision = 0;
      let acknowledged = { text: '', revision: 0 };
      for (let n = 1; !stop; n++) {
        const text = `save ${n} of ${id}`;
        const json = { revision, notes: { design: text } };
        const res = await reply(owner.api.sessions[':id'].work.$patch({ param: { id }, json }));
        if (res.status === 200) {
          revision = res.json.revision;
          acknowledged = { text, revision };
          saved.set(id, (saved.get(id) ?? 0) + 1);
          if (killedAt && !recoveredAt) recoveredAt = Date.now();
        } else if (res.status === 503) {
          unavailable.push({ code: res.json?.error?.code, retryAfter: res.headers.get('retry-after') });
          await sleep(100);
        } else if (res.status === 409) {
          // A save the database stored but could not acknowledge before it died: carry on from what it stored.
          revision = await storedRevision(id);
        } else {
          throw new Error(`save answered ${res.status}: ${res.text}`);
        }
      }
      return acknowledged;
    };

    const savers = ids.map(saver);
    /** Resolves once every session has had `more` saves acknowledged since `from` (its counts then). */
    const savesAfter = async (more: number) => {
      const from = new Map(saved);
      const fewest = () => Math.min(...ids.map((id) => (saved.get(id) ?? 0) - (from.get(id) ?? 0)));
      await expect.poll(fewest, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(more);
    };
    // Killed while saves are going on, and stopped once the restarted database has acknowledged more of them.
    await savesAfter(5);
    killedAt = Date.now();
    process.kill(killedPid, 'SIGKILL');
    await expect.poll(() => recoveredAt, { timeout: 10_000, interval: 50 }).toBeGreaterThan(0);
    await savesAfter(5);
    stop = true;
    const acknowledged = await Promise.all(savers);

    expect(recoveredAt - killedAt).toBeLessThan(10_000);
    expect(alive(killedPid)).toBe(false);
    expect(server.embedded!.pid).not.toBe(killedPid);
    expect(server.embedded!.available).toBe(true);
    expect(unavailable.length).toBeGreaterThan(0);
    // Every refusal while it was down: 503 with the one stable code and a Retry-After, never a 500.
    for (const { code, retryAfter } of unavailable) {
      expect(code).toBe('DATABASE_UNAVAILABLE');
      expect(Number(retryAfter)).toBeGreaterThan(0);
    }
    const stored = await server.database.sessions.find({ _id: { $in: ids.map((id) => new ObjectId(id)) } }).toArray();
    ids.forEach((id, i) => {
      const doc = stored.find((d) => d._id.toHexString() === id)!;
      expect(acknowledged[i]!.revision).toBeGreaterThan(0);
      // The last acknowledged save is there, or a later one the database stored before answering.
      expect(doc.revision).toBeGreaterThanOrEqual(acknowledged[i]!.revision);
      if (doc.revision === acknowledged[i]!.revision) expect(doc.work.notes.design).toBe(acknowledged[i]!.text);
    });
    expect((await answer(owner.api.health.$get())).db.ok).toBe(true);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

it('leaves no FerretDB running when the API process is SIGKILLed', { timeout: 90_000 }, async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-sigkill-'));
  const { MONGODB_URI: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: repoRoot,
    env: { ...env, PORT: String(await freePort()), MOCKLOOP_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toMatch(/MockLoop is ready/);
    const ferretdb = Number(await readFile(path.join(dataDir, 'state/mockloop-ferretdb.pid'), 'utf8'));
    expect(await readFile(`/proc/${ferretdb}/cmdline`, 'utf8')).toContain('ferretdb');
    expect((await processesNaming(dataDir)).length).toBeGreaterThanOrEqual(2); // FerretDB and its watchdog

    child.kill('SIGKILL');
    await expect.poll(() => alive(ferretdb), { timeout: 10_000, interval: 100 }).toBe(false);
    await expect.poll(() => processesNaming(dataDir), { timeout: 5_000, interval: 100 }).toEqual([]);
  } finally {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});
