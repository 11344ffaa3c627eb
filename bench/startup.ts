/**
 * Start-up time of `npm start` to "ready": cold (a new, empty data folder) and warm (the same folder again),
 * against a bare Node HTTP server started the same way in the same run. Needs the web build and the
 * embedded database binary (`npm run build`, `npm run db:build`), so it times start-up, not first-run builds.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);

function timeToReady(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, detached: true });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        const ms = performance.now() - started;
        child.once('exit', () => resolve(ms));
        process.kill(-child.pid!, 'SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (!ready.test(output)) reject(new Error(`exited (${code}) before ready:\n${output}`));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

let port = 3900;
const baseline: number[] = [];
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  baseline.push(
    await timeToReady(
      'node',
      ['-e', `require('http').createServer().listen(${port++}, () => console.log('ready'))`],
      {},
      /ready/
    )
  );
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-'));
  const env = { PORT: String(port++), MOCKLOOP_DATA_DIR: dataDir, MONGODB_URI: '' };
  cold.push(await timeToReady('npm', ['start'], env, /MockLoop is ready/));
  warm.push(await timeToReady('npm', ['start'], { ...env, PORT: String(port++) }, /MockLoop is ready/));
  await rm(dataDir, { recursive: true, force: true });
}

const base = median(baseline);
console.log(
  `start-up to ready, median of ${runs} runs (${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})`
);
console.log(`  baseline: bare node http server  ${base.toFixed(0).padStart(6)} ms`);
console.log(
  `  npm start, cold (new data dir)    ${median(cold).toFixed(0).padStart(6)} ms  ×${(median(cold) / base).toFixed(1)}`
);
console.log(
  `  npm start, warm (same data dir)   ${median(warm).toFixed(0).padStart(6)} ms  ×${(median(warm) / base).toFixed(1)}`
);
