/**
 * What a fresh clone lacks before it can start: the web app's build and, without MONGODB_URI, the embedded
 * database's binary. Both are built at once (they take minutes each), each with its own progress line.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFerretdb, ferretdbBinaryPath } from './db/embedded/index.ts';
import type { ProgressBoard, ProgressLine } from './progress.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const webBuildHandler = path.join(repoRoot, 'apps/web/build/handler.js');

export interface FirstRunOptions {
  board: ProgressBoard;
  /** Build the embedded database too (false when MONGODB_URI names a server). */
  embedded: boolean;
}

/** Resolves once nothing is missing; when a build fails, waits for the other to finish and throws the first error. */
export async function buildWhatIsMissing({ board, embedded }: FirstRunOptions): Promise<void> {
  const builds: Promise<unknown>[] = [];
  if (!existsSync(webBuildHandler)) builds.push(buildWeb(board.line()));
  if (embedded && !existsSync(ferretdbBinaryPath())) builds.push(buildDatabase(board.line()));
  // Settled, not raced: leaving a Go build running behind a failed web build would leave a half-written cache.
  const failed = (await Promise.allSettled(builds)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function buildDatabase(line: ProgressLine): Promise<void> {
  let last = '';
  await ensureFerretdb({ onProgress: (text) => line.update((last = text)) });
  line.done(last || 'built the embedded database');
}

function buildWeb(line: ProgressLine): Promise<void> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const timer = setInterval(() => line.update(`building the web app, first run only… ${seconds()}s`), 1000);
  return new Promise((resolve, reject) => {
    // Output is kept for a failure's message: printed as it comes, it would tear the progress lines apart.
    // Its own process group, so stopping MockLoop mid-build (Ctrl-C, SIGTERM) stops npm, vite and all.
    const child = spawn('npm', ['run', 'build', '--workspace', '@mockloop/web'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    });
    const stop = (signal: NodeJS.Signals) => {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => {
      clearInterval(timer);
      process.off('SIGINT', stop).off('SIGTERM', stop);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      process.off('SIGINT', stop).off('SIGTERM', stop);
      if (code === 0) {
        line.done(`built the web app in ${seconds()}s`);
        resolve();
      } else reject(new Error(`building the web app failed (exit code ${code}):\n${output}`));
    });
  });
}
