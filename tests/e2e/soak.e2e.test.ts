/**
 * Autosave under faults, in Chromium: several candidates type without pause while the API process is killed
 * with SIGKILL and restarted, while the database is stopped and restarted, and while one browser is offline
 * for 30 s. Afterwards every character any of them typed is on the server: nothing lost, nothing rolled back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFerretdb, startEmbeddedServer, type EmbeddedServer } from '../../apps/api/src/db/embedded/index.ts';
import { launchChromium, signUpThroughApi } from '../support/browser.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let binary: string;
let dataDir: string;
let dbPort: number;
let database: EmbeddedServer;
let appPort: number;
let app: ChildProcess | null = null;
let browser: Browser;
const dbName = `soak_${randomBytes(4).toString('hex')}`;
const base = () => `http://127.0.0.1:${appPort}`;

/** `npm start`'s entry point as its own process, on a fixed port, against the test's database. */
async function startApp(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(appPort), MONGODB_URI: `${database.uri}${dbName}` },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start:\n${output}`)), 60_000);
    const check = () => {
      if (!/MockLoop is ready/.test(output)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', check);
    child.once('exit', () => reject(new Error(`the app exited:\n${output}`)));
  });
  app = child;
}

function killApp(): Promise<void> {
  const child = app!;
  app = null;
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface Typist {
  context: BrowserContext;
  page: Page;
  sessionId: string;
  typed: string;
}

async function typist(name: string): Promise<Typist> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(base());
  await signUpThroughApi(page, base(), { email: `${name}@soak.example`, password: 'soak-password-1', name });
  const questions = await (await page.request.get(`${base()}/api/questions?kind=design`)).json();
  const created = await page.request.post(`${base()}/api/sessions`, { data: { questionId: questions.items[0].id } });
  const sessionId = (await created.json()).session.id as string;
  await page.goto(`${base()}/sessions/${sessionId}`);
  const notes = page.getByTestId('note-functional');
  await expect.poll(() => notes.getAttribute('readonly'), { timeout: 30_000 }).toBeNull();
  await notes.click();
  return { context, page, sessionId, typed: '' };
}

/** Types words until `until()` says stop; records exactly what went into the textarea. */
async function keepTyping(t: Typist, until: () => boolean): Promise<void> {
  for (let i = 0; !until(); i++) {
    const word = `${t.sessionId.slice(-4)}w${i} `;
    await t.page.keyboard.type(word);
    t.typed += word;
    await sleep(40);
  }
}

beforeAll(async () => {
  binary = await ensureFerretdb();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-soak-'));
  dbPort = await freePort();
  appPort = await freePort();
  database = await startEmbeddedServer({ binary, dataDir, port: dbPort });
  await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (app) await killApp();
  await database?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('loses no keystroke through an API SIGKILL, a database restart and 30 s offline', { timeout: 240_000 }, async () => {
  const typists = await Promise.all(['ada', 'grace', 'barbara'].map(typist));
  const [, , offline] = typists as [Typist, Typist, Typist];
  let stop = false;
  const typing = typists.map((t) => keepTyping(t, () => stop));
  // The faults must have been felt, not slipped between saves: count the saves that failed on each page.
  const failedSaves = typists.map(() => 0);
  for (const [i, t] of typists.entries()) {
    const isSave = (url: string) => url.includes('/work');
    t.page.on('requestfailed', (request) => isSave(request.url()) && failedSaves[i]!++);
    t.page.on('response', (response) => isSave(response.url()) && response.status() >= 500 && failedSaves[i]!++);
  }
  const faults = (async () => {
    await sleep(3000);
    await killApp(); // no graceful shutdown: in-flight saves die with the process
    await sleep(3000);
    await startApp();
    await sleep(3000);
    await database.stop(); // the database goes away under a running API
    await offline.context.setOffline(true); // and one candidate loses the network for 30 s
    await sleep(4000);
    database = await startEmbeddedServer({ binary, dataDir, port: dbPort });
    await sleep(26_000);
    await offline.context.setOffline(false);
    await sleep(3000);
  })();
  await faults;
  stop = true;
  await Promise.all(typing);
  for (const failed of failedSaves) expect(failed).toBeGreaterThan(0);

  // Every page drains its outbox and says so; then the server holds exactly what was typed.
  for (const t of typists) {
    await expect
      .poll(() => t.page.getByTestId('save-status').textContent(), { timeout: 60_000, interval: 250 })
      .toBe('Saved');
    expect(await t.page.getByTestId('note-functional').inputValue()).toBe(t.typed);
  }
  const client = new MongoClient(`${database.uri}${dbName}`);
  try {
    const docs = await client
      .db(dbName)
      .collection('sessions')
      .find({ _id: { $in: typists.map((t) => new ObjectId(t.sessionId)) } })
      .toArray();
    console.log(
      `soak: typed ${typists.map((t) => t.typed.length).join(', ')} characters; failed saves ${failedSaves.join(', ')}`
    );
    for (const t of typists) {
      const doc = docs.find((d) => d._id.toHexString() === t.sessionId);
      expect(t.typed.length).toBeGreaterThan(500);
      expect(doc?.work.notes.functional).toBe(t.typed);
    }
  } finally {
    await client.close();
  }
  // And a reload shows it all.
  await offline.page.reload();
  await expect
    .poll(() => offline.page.getByTestId('note-functional').inputValue(), { timeout: 30_000 })
    .toBe(offline.typed);
});
