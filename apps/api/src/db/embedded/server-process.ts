/** Runs the embedded FerretDB on loopback with its data in MockLoop's data folder, and stops it cleanly. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';

export interface EmbeddedServerOptions {
  /** FerretDB binary, from `ensureFerretdb()`. */
  binary: string;
  /** MockLoop's data folder; the database lives in `<dataDir>/db`. */
  dataDir: string;
  /** Loopback port; a free one is picked when absent. */
  port?: number;
  /** How long to wait for the first successful ping. */
  readyTimeoutMs?: number;
}

export interface EmbeddedServer {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts FerretDB and resolves once it answers a ping.
 *
 * @example
 * const db = await startEmbeddedServer({ binary, dataDir: './data' });
 * // ... new MongoClient(db.uri) ...
 * await db.stop();
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { binary, dataDir, readyTimeoutMs } = { readyTimeoutMs: 30_000, ...options };
  const dbDir = path.join(dataDir, 'db');
  const stateDir = path.join(dataDir, 'state');
  await mkdir(dbDir, { recursive: true });
  await mkdir(stateDir, { recursive: true });
  await stopStaleServer(stateDir);

  const port = options.port ?? (await freePort());
  const child = spawn(
    binary,
    [
      `--listen-addr=127.0.0.1:${port}`,
      '--handler=sqlite',
      `--sqlite-url=file:${dbDir}/`,
      `--state-dir=${stateDir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn'
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${binary}`);
  await writeFile(pidFile(stateDir), String(pid));

  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitForPing(uri, child, readyTimeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`the embedded database did not start: ${(error as Error).message}\n${stderr}`, { cause: error });
  }

  return {
    uri,
    pid,
    stop: async () => {
      await stopChild(child);
      await rm(pidFile(stateDir), { force: true });
    }
  };
}

function pidFile(stateDir: string): string {
  return path.join(stateDir, 'mockloop-ferretdb.pid');
}

/** A previous run killed with SIGKILL leaves its FerretDB behind; end it before starting a new one on the same files. */
async function stopStaleServer(stateDir: string): Promise<void> {
  const file = pidFile(stateDir);
  if (!existsSync(file)) return;
  const pid = Number(await readFile(file, 'utf8'));
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (Number.isInteger(pid) && command.includes('ferretdb')) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await sleep(100);
  }
  await rm(file, { force: true });
}

async function waitForPing(uri: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ferretdb exited with code ${child.exitCode}`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await sleep(100);
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new Error(`no answer to ping within ${timeoutMs} ms (${String(lastError)})`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
      );
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
