/**
 * Start-up of `npm start`, against baselines measured in the same run:
 * - first run (issue 14): a fresh copy of the repository with nothing built and empty caches; the web build
 *   alone, the embedded database build alone, then the first `npm start` to ready, which builds both at once.
 *   Goal: the first start ≤ ×1.1 the longer of the two builds alone. `BENCH_FIRST_RUN=0` skips it (minutes).
 * - warm start (issue 20): `npm start` again on a used data folder, against a bare Node HTTP server.
 *   Goal: ≤ 1 s. Needs this checkout's web build and database binary (`npm run build`, `npm run db:build`).
 *   `BENCH_WARM=0` skips it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const firstRun = process.env.BENCH_FIRST_RUN !== '0';
const warmRun = process.env.BENCH_WARM !== '0';
const FIRST_START_GOAL = 1.1;
const WARM_GOAL_MS = 1000;

/** Runs a command until its output matches `ready` (then stops it) or, without `ready`, until it exits 0. */
function timed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; ready?: RegExp }) {
  return new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      detached: true
    });
    let output = '';
    let readyAt: number | undefined;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready && readyAt === undefined && options.ready.test(output)) {
        readyAt = performance.now() - started;
        process.kill(-child.pid!, 'SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (readyAt !== undefined) resolve(readyAt);
      else if (!options.ready && code === 0) resolve(performance.now() - started);
      else reject(new Error(`${command} ${args.join(' ')} exited (${code}) before ready:\n${output.slice(-4000)}`));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(0).padStart(7)} ms`;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Git-ignored outputs: what a fresh clone does not have. */
const BUILT = ['apps/web/build', 'apps/web/.svelte-kit', 'apps/api/dist', 'apps/web/static/pyodide'];
const BUILT_TOO = ['apps/web/static/excalidraw-assets', '.cache', 'data', 'node_modules/.vite', '.git'];

/** A copy of this checkout without its builds; files are hard links (instant, no space), builds write new files. */
async function freshCopy(dir: string): Promise<string> {
  const copy = path.join(dir, 'repo');
  execFileSync('cp', ['-al', repoRoot, copy]);
  await clean(copy);
  return copy;
}

async function clean(copy: string) {
  for (const built of [...BUILT, ...BUILT_TOO]) await rm(path.join(copy, built), { recursive: true, force: true });
}

async function benchFirstRun() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-first-run-'));
  try {
    const copy = await freshCopy(dir);
    // Each database build gets its own empty caches: FerretDB's and Go's build cache (modules stay downloaded).
    const caches = (name: string) => ({
      MOCKLOOP_CACHE_DIR: path.join(dir, `${name}-cache`),
      GOCACHE: path.join(dir, `${name}-gocache`)
    });
    const load = () => os.loadavg()[0]!.toFixed(1);
    const loads: string[] = [load()];
    const web = await timed('npm', ['run', 'build'], { cwd: copy });
    await clean(copy);
    loads.push(load());
    const db = await timed('npm', ['run', 'db:build'], { cwd: copy, env: caches('alone') });
    await clean(copy);
    loads.push(load());
    const first = await timed('npm', ['start'], {
      cwd: copy,
      env: { ...caches('first'), PORT: '0', MOCKLOOP_DATA_DIR: path.join(dir, 'data'), MONGODB_URI: '' },
      ready: /MockLoop is ready/
    });
    const longer = Math.max(web, db);
    const row = (label: string, value: number, note = '') =>
      console.log(`  ${label.padEnd(46)} ${ms(value)}  ×${(value / longer).toFixed(2)} the longer${note}`);
    console.log('first run: a fresh copy, nothing built, empty caches (Go modules already downloaded)');
    row('web app build alone (npm run build)', web, `   load ${loads[0]}`);
    row('embedded database build alone (db:build)', db, `   load ${loads[1]}`);
    row('the two builds one after the other (sum)', web + db);
    row('first npm start to ready (both, and server)', first, `   load ${loads[2]}`);
    console.log(`  goal ≤ ×${FIRST_START_GOAL} the longer build alone: ${met(first <= FIRST_START_GOAL * longer)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchWarm() {
  const baseline: number[] = [];
  const direct: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const bare = `require('http').createServer().listen(0, () => console.log('ready'))`;
  for (let i = 0; i < runs; i++) {
    baseline.push(await timed('node', ['-e', bare], { ready: /ready/ }));
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-'));
    const env = { PORT: '0', MOCKLOOP_DATA_DIR: dataDir, MONGODB_URI: '' };
    cold.push(await timed('npm', ['start'], { env, ready: /MockLoop is ready/ }));
    warm.push(await timed('npm', ['start'], { env, ready: /MockLoop is ready/ }));
    direct.push(await timed('node', ['apps/api/bin/start.js'], { env, ready: /MockLoop is ready/ }));
    await rm(dataDir, { recursive: true, force: true });
  }
  const base = median(baseline);
  const row = (label: string, values: number[]) =>
    console.log(`  ${label.padEnd(44)} ${ms(median(values))}  ×${(median(values) / base).toFixed(1)}`);
  console.log(`start-up to ready, median of ${runs} runs`);
  row('baseline: bare Node HTTP server', baseline);
  row('npm start, cold (new data folder)', cold);
  row('npm start, warm (same data folder)', warm);
  row('node apps/api/bin/start.js, warm (no npm)', direct);
  const warmMs = median(warm);
  console.log(
    `  goal: warm npm start ${warmMs.toFixed(0)} ms (bare Node ${base.toFixed(0)} ms, ×${(warmMs / base).toFixed(1)}) ≤ ${WARM_GOAL_MS} ms: ${met(warmMs <= WARM_GOAL_MS)}   load ${os.loadavg()[0]!.toFixed(1)}`
  );
}

console.log(`${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}, load ${os.loadavg()[0]?.toFixed(1)}`);
// Builds the server if its sources changed, so the warm runs time start-up only.
await timed(
  'node',
  ['-e', "import('./apps/api/bin/server-build.js').then(async (m) => m.serverBuildIsFresh() || m.buildServer())"],
  {}
);
if (warmRun) await benchWarm();
if (firstRun) await benchFirstRun();
