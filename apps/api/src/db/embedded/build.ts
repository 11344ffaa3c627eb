/** Builds the embedded database (FerretDB, SQLite backend) from its Go module, once, into a git-ignored cache. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applySourcePatch, FERRETDB_PATCHES } from './patches.ts';

export const FERRETDB_VERSION = 'v1.24.2';
/** The version plus a digest of our patches: changing a patch builds a new binary beside the old one. */
const BUILD_ID = `${FERRETDB_VERSION}-mockloop.${createHash('sha256').update(JSON.stringify(FERRETDB_PATCHES)).digest('hex').slice(0, 8)}`;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
/** The committed Go module (go.mod, go.sum) that pins FerretDB's version and its dependencies. */
const pinnedModuleDir = path.join(repoRoot, 'tools', 'ferretdb');

/**
 * How the binary is compiled. `.ci/run` compiles the same package with the same settings from the pinned module, in the
 * background while the rest installs, so that the build below finds every package in Go's cache (`build.test.ts` keeps
 * the two alike: a warm-up that drifts from them stops saving anything, without any error).
 */
export const GO_BUILD = {
  env: { GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
  flags: ['-trimpath'],
  package: 'github.com/FerretDB/FerretDB/cmd/ferretdb'
} as const;

export interface BuildOptions {
  /** Where built binaries live; one folder per version. */
  cacheDir?: string;
  /** Called with a human-readable line while the build runs (about once a second). */
  onProgress?: (line: string) => void;
}

const defaults = {
  cacheDir: process.env.MOCKLOOP_CACHE_DIR ?? path.join(repoRoot, '.cache'),
  onProgress: (_line: string) => {}
};

/** Raised when the binary cannot be built; its message tells the user both ways out. */
export class EmbeddedDatabaseUnavailable extends Error {
  override name = 'EmbeddedDatabaseUnavailable';
}

export function ferretdbBinaryPath(cacheDir = defaults.cacheDir): string {
  return path.join(cacheDir, 'ferretdb', BUILD_ID, 'ferretdb');
}

/**
 * Returns the path of a built FerretDB binary, building it first if the cache has none.
 *
 * @example
 * const bin = await ensureFerretdb({ onProgress: (line) => process.stdout.write(`\r${line}`) });
 */
export async function ensureFerretdb(options: BuildOptions = {}): Promise<string> {
  const { cacheDir, onProgress } = { ...defaults, ...options };
  const binary = ferretdbBinaryPath(cacheDir);
  if (existsSync(binary)) return binary;

  await assertGoAvailable();
  const workDir = path.join(cacheDir, 'ferretdb', `${BUILD_ID}-build`);
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  for (const file of ['go.mod', 'go.sum', 'tools.go']) {
    await copyFile(path.join(pinnedModuleDir, file), path.join(workDir, file));
  }

  const started = Date.now();
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    onProgress(`building the embedded database (FerretDB ${FERRETDB_VERSION}), first run only… ${seconds}s`);
  }, 1000);
  try {
    const env = { ...process.env, ...GO_BUILD.env, GOFLAGS: '-mod=vendor' };
    await run('go', ['mod', 'vendor'], workDir, { ...env, GOFLAGS: '-mod=mod' });
    // FerretDB reads its version from files its own release scripts generate; the module zip lacks them.
    const versionDir = path.join(workDir, 'vendor/github.com/FerretDB/FerretDB/build/version');
    await writeFile(path.join(versionDir, 'version.txt'), `${FERRETDB_VERSION}\n`);
    await writeFile(path.join(versionDir, 'package.txt'), 'mockloop\n');
    for (const patch of FERRETDB_PATCHES) {
      const file = path.join(workDir, patch.file);
      await writeFile(file, applySourcePatch(await readFile(file, 'utf8'), patch));
    }
    const tmpBinary = path.join(workDir, 'ferretdb');
    await run('go', ['build', ...GO_BUILD.flags, '-o', tmpBinary, GO_BUILD.package], workDir, env);
    await mkdir(path.dirname(binary), { recursive: true });
    await rename(tmpBinary, binary);
  } finally {
    clearInterval(timer);
  }
  await rm(workDir, { recursive: true, force: true });
  onProgress(`built the embedded database in ${Math.round((Date.now() - started) / 1000)}s`);
  return binary;
}

async function assertGoAvailable(): Promise<void> {
  const version = await run('go', ['env', 'GOVERSION'], process.cwd(), process.env).catch(() => null);
  const match = version?.match(/go(\d+)\.(\d+)/);
  const ok = match && (Number(match[1]) > 1 || Number(match[2]) >= 24);
  if (!ok) {
    throw new EmbeddedDatabaseUnavailable(
      'MockLoop needs a database. Either install Go 1.24 or newer (https://go.dev/doc/install) so MockLoop ' +
        'can build its embedded database on first start, or set MONGODB_URI to a MongoDB 6+ server ' +
        `(found: ${version?.trim() || 'no "go" on PATH'}).`
    );
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new EmbeddedDatabaseUnavailable(`${command} ${args.join(' ')} failed (${code}):\n${stderr.slice(-4000)}`)
        );
    });
  });
}
