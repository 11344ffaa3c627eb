/**
 * Runs the embedded FerretDB on loopback with its data in MockLoop's data folder, supervised: a crashed server is
 * restarted on the same port with backoff, and it never outlives MockLoop (see watchdog.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { spawnWatched } from './watchdog.ts';

export interface EmbeddedServerOptions {
  /** FerretDB binary, from `ensureFerretdb()`. */
  binary: string;
  /** MockLoop's data folder; the database lives in `<dataDir>/db`. */
  dataDir: string;
  /** Loopback port; a free one is picked when absent. */
  port?: number;
  /** How long to wait for the first successful ping. */
  readyTimeoutMs?: number;
  /** Restart waits: the first, doubled after each failed start, up to the last. */
  restartBackoffMs?: { first: number; max: number };
  /** Told about crashes and restarts. */
  onEvent?: (line: string) => void;
  /** Called once the first FerretDB process has started, before it answers (start.ts loads the server meanwhile). */
  onSpawn?: () => void;
}

export interface EmbeddedServer {
  uri: string;
  /** FerretDB's pid now (a restart changes it). */
  readonly pid: number;
  /** False from a crash until the restarted server answers a ping. */
  readonly available: boolean;
  /** Seconds a client should wait before trying again while unavailable (for Retry-After). */
  retryAfterSeconds(): number;
  stop(): Promise<void>;
}

/** MockLoop's data folder: the one given, else `MOCKLOOP_DATA_DIR`, else `./data`. */
export function dataFolder(dir?: string): string {
  return path.resolve(dir ?? process.env.MOCKLOOP_DATA_DIR ?? 'data');
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
  const { binary, dataDir, readyTimeoutMs, restartBackoffMs, onEvent } = {
    readyTimeoutMs: 30_000,
    restartBackoffMs: { first: 200, max: 5_000 },
    onEvent: (line: string) => console.error(line),
    ...options
  };
  const dbDir = path.join(dataDir, 'db');
  const stateDir = path.join(dataDir, 'state');
  await mkdir(dbDir, { recursive: true });
  await mkdir(stateDir, { recursive: true });
  await stopStaleServer(stateDir);

  let port = options.port ?? (await freePort());
  let uri = `mongodb://127.0.0.1:${port}/`;
  const args = () => [
    `--listen-addr=127.0.0.1:${port}`,
    '--handler=sqlite',
    `--sqlite-url=file:${dbDir}/`,
    `--state-dir=${stateDir}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--log-level=warn'
  ];

  let current: { child: ChildProcess; pid: number };
  let available = false;
  let stopping = false;
  let backoffMs = restartBackoffMs.first;
  let nextAttemptAt = 0;
  let restartTimer: NodeJS.Timeout | null = null;

  /** Starts one FerretDB and waits for its ping; on failure it is killed and the error says why. */
  async function launch(): Promise<void> {
    const watched = await spawnWatched(binary, args());
    options.onSpawn?.();
    let stderr = '';
    watched.child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    await writeFile(pidFile(stateDir), String(watched.pid));
    try {
      await waitForPort(port, watched.child, readyTimeoutMs);
      await waitForPing(uri, watched.child, readyTimeoutMs, watched.pid);
    } catch (error) {
      watched.child.kill('SIGKILL');
      // FerretDB may be gone already (it exits when its port is taken): ESRCH then, which must not hide why.
      try {
        process.kill(watched.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      throw new Error(`the embedded database did not start: ${(error as Error).message}\n${stderr}`, { cause: error });
    }
    current = watched;
    available = true;
    watched.child.once('exit', (code, signal) => {
      if (stopping || current !== watched) return;
      available = false;
      onEvent(`the embedded database stopped (${signal ?? `exit code ${code}`}); restarting it`);
      scheduleRestart();
    });
  }

  function scheduleRestart(): void {
    const wait = backoffMs;
    backoffMs = Math.min(backoffMs * 2, restartBackoffMs.max);
    nextAttemptAt = Date.now() + wait;
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (stopping) return;
      launch().then(
        () => {
          backoffMs = restartBackoffMs.first;
          onEvent(`the embedded database is back (pid ${current.pid})`);
        },
        (error: unknown) => {
          onEvent(`restarting the embedded database failed: ${(error as Error).message.split('\n')[0]}`);
          scheduleRestart();
        }
      );
    }, wait);
  }

  // A free port can be taken by another server between the look and FerretDB's bind (test files start theirs at
  // once): the server that answers is checked to be ours, and a first start moves to another port.
  for (let attempt = 1; ; attempt++) {
    try {
      await launch();
      break;
    } catch (error) {
      const taken = error instanceof Error && error.cause instanceof PortTaken;
      if (options.port !== undefined || attempt >= 3 || !taken) throw error;
      port = await freePort();
      uri = `mongodb://127.0.0.1:${port}/`;
    }
  }

  return {
    uri,
    get pid() {
      return current.pid;
    },
    get available() {
      return available;
    },
    retryAfterSeconds: () => Math.max(1, Math.ceil((nextAttemptAt - Date.now()) / 1000) + 1),
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      await stopChild(current.child, current.pid);
      await rm(pidFile(stateDir), { force: true });
    }
  };
}

/**
 * The URI of the embedded FerretDB that a running MockLoop started on this data folder, or null when none runs:
 * a command-line tool then uses that server rather than start a second one on the same files.
 */
export async function runningServerUri(dataDir: string): Promise<string | null> {
  const pid = Number(await readFile(pidFile(path.join(dataDir, 'state')), 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  const port = /--listen-addr=127\.0\.0\.1:(\d+)/.exec(command)?.[1];
  return command.includes('ferretdb') && port ? `mongodb://127.0.0.1:${port}/` : null;
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

/**
 * Resolves once the port accepts a connection, looking every 20 ms. A ping sent before FerretDB listens is refused,
 * and the driver then waits half a second before it looks again: ready took 620 ms, now 40–70 (what a restart
 * after a crash, and every test file's server, wait for). Gives up quietly at the timeout or when the process
 * exits; `waitForPing` then says why.
 */
async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(20);
  }
}

/** Another server answered on the port chosen for ours. */
class PortTaken extends Error {
  override name = 'PortTaken';
}

async function waitForPing(uri: string, child: ChildProcess, timeoutMs: number, pid: number): Promise<void> {
  const { pingOnce } = await import('./ping.ts');
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ferretdb exited with code ${child.exitCode}`);
    try {
      const answered = await pingOnce(uri);
      if (answered !== null && answered !== pid) throw new PortTaken(`${uri} is another server's (pid ${answered})`);
      return;
    } catch (error) {
      if (error instanceof PortTaken) throw error;
      lastError = error;
      await sleep(100);
    }
  }
  throw new Error(`no answer to ping within ${timeoutMs} ms (${String(lastError)})`);
}

/** SIGTERM to the watchdog (which passes it on), SIGKILL to both after 10 s. */
function stopChild(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      child.kill('SIGKILL');
    }, 10_000);
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
