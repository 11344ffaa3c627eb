/**
 * `npm start`'s process (the built server, apps/api/bin) under SIGTERM: saves already accepted finish and are
 * stored; then it exits cleanly.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { buildServer } from '../../apps/api/bin/server-build.js';
import { testDatabaseName, uriWithDatabase } from '../support/database.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const serverBuildModule = pathToFileURL(path.join(repoRoot, 'apps/api/bin/server-build.js')).href;
/** A build of this test's own: npm start's apps/api/dist may be in use or being rebuilt. */
const outDir = path.join(repoRoot, 'apps/api', `dist-test-${randomBytes(4).toString('hex')}`);

beforeAll(() => buildServer(outDir), 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

it('finishes in-flight saves on SIGTERM, stores every acknowledged one, and exits 0', { timeout: 90_000 }, async () => {
  const port = await freePort();
  const dbName = testDatabaseName('shutdown');
  // What bin/start.js runs once the build is fresh, on this test's build.
  const run = `import(${JSON.stringify(serverBuildModule)}).then((m) => m.startBuiltServer(${JSON.stringify(outDir)}))`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', run], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), MONGODB_URI: uriWithDatabase(inject('mongodbUri'), dbName) },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toMatch(/MockLoop is ready/);

  const base = `http://127.0.0.1:${port}`;
  const account = { email: 'term@example.com', password: 'term-password-1' };
  const post = (path: string, body: object) =>
    fetch(`${base}/api/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
  await post('signup', { ...account, name: 'Term' });
  const signedIn = await post('signin', account);
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const questionId = (await (await fetch(`${base}/api/questions?kind=design`)).json()).items[0].id;
  const sessions = await Promise.all(
    Array.from({ length: 8 }, async () => {
      const res = await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ questionId })
      });
      return (await res.json()).session.id as string;
    })
  );

  const saves = sessions.map((id, i) =>
    fetch(`${base}/api/sessions/${id}/work`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ revision: 0, notes: { design: `saved before shutdown ${i}` } })
    }).then(
      (res) => res.status,
      () => 'refused' as const
    )
  );
  await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill('SIGTERM');
  const statuses = await Promise.all(saves);
  expect(await exited).toBe(0);

  const client = new MongoClient(inject('mongodbUri'));
  try {
    const stored = await client
      .db(dbName)
      .collection('sessions')
      .find({ _id: { $in: sessions.map((id) => new ObjectId(id)) } })
      .toArray();
    statuses.forEach((status, i) => {
      expect(['refused', 200]).toContain(status);
      const doc = stored.find((d) => d._id.toHexString() === sessions[i]);
      if (status === 200) expect(doc?.work.notes.design).toBe(`saved before shutdown ${i}`);
    });
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
  } finally {
    await client.close();
  }
});
