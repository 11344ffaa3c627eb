/**
 * How `npm start` runs the built server (apps/api/bin/bundle.js): V8's compiled code kept beside the bundle and
 * used by the next start, refused once the bundle changes, and stack traces that name the TypeScript sources. And
 * when it rebuilds the server (server-build.js): after a change to one of our sources or to the installed packages.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileCacheFile } from '../../apps/api/bin/bundle.js';
import { buildServer, serverBuildIsFresh } from '../../apps/api/bin/server-build.js';

const bundleModule = pathToFileURL(path.resolve(import.meta.dirname, '../../apps/api/bin/bundle.js')).href;
let dir: string;
let bundle: string;

/** The line `fail` throws on in fixture.ts (1-based). */
const THROW_LINE = 4;
const FIXTURE = `export function double(n: number): number {
  return n * 2;
}
export function fail(): string { const e: Error = new Error('from the fixture'); return e.stack ?? ''; }
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bundle-'));
  await writeFile(path.join(dir, 'fixture.ts'), FIXTURE);
  bundle = path.join(dir, 'fixture.cjs');
  await build({
    entryPoints: [path.join(dir, 'fixture.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'error'
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the bundle in a process of its own, as bin/start.js does; it exits when the bundle's work is done. */
async function runInChild(): Promise<{ cache: string; doubled: number; stack: string }> {
  const script = `import { runBundle } from ${JSON.stringify(bundleModule)};
const { exports, cache } = runBundle(${JSON.stringify(bundle)});
console.log(JSON.stringify({ cache, doubled: exports.double(21), stack: exports.fail() }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout);
}

it('keeps the compiled code for the next start, and compiles anew when the bundle changed', async () => {
  const cacheFile = compileCacheFile(bundle);
  expect(existsSync(cacheFile)).toBe(false);

  const first = await runInChild();
  expect(first).toMatchObject({ cache: 'made', doubled: 42 });
  expect((await readFile(cacheFile)).length).toBeGreaterThan(0);

  const second = await runInChild();
  expect(second).toMatchObject({ cache: 'used', doubled: 42 });

  // Same length, other source: V8 checks the source's hash, not only its size.
  const changed = (await readFile(bundle, 'utf8')).replace('n * 2', 'n + n');
  await writeFile(bundle, changed);
  const third = await runInChild();
  expect(third).toMatchObject({ cache: 'refused', doubled: 42 });
  expect(await runInChild()).toMatchObject({ cache: 'used' });
});

it('compiles anew over a cache that is damaged or too short, and replaces it', async () => {
  const cacheFile = compileCacheFile(bundle);
  const digest = createHash('sha256')
    .update(await readFile(bundle))
    .digest();
  // The source's hash, then bytes V8 did not write: only V8's own check can refuse these.
  for (const damaged of [Buffer.concat([digest, Buffer.alloc(4096, 7)]), Buffer.from('short')]) {
    await writeFile(cacheFile, damaged);
    expect(await runInChild()).toMatchObject({ cache: 'refused', doubled: 42 });
    expect(await runInChild()).toMatchObject({ cache: 'used', doubled: 42 });
  }
});

it("names the TypeScript source's line in a stack trace from the bundle, with or without the cache", async () => {
  for (let run = 0; run < 2; run++) {
    const { stack } = await runInChild();
    expect(stack.split('\n')[0]).toBe('Error: from the fixture');
    expect(stack).toContain(`${path.join(dir, 'fixture.ts')}:${THROW_LINE}:`);
    expect(stack).not.toContain('fixture.cjs');
  }
});

it("leaves the bundle's own positions in a stack trace when its map is missing", async () => {
  const map = `${bundle}.map`;
  const kept = await readFile(map);
  await rm(map);
  try {
    const { stack, doubled } = await runInChild();
    expect(doubled).toBe(42);
    expect(stack.split('\n')[0]).toBe('Error: from the fixture');
    expect(stack).toMatch(/fixture\.cjs:\d+:\d+/);
  } finally {
    await writeFile(map, kept);
  }
});

it('rebuilds the server after a change to its sources or to the installed packages, not otherwise', async () => {
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  // A build of this test's own, inside the repository (by node_modules), as shutdown.test.ts does.
  const outDir = path.join(repoRoot, 'apps/api', `dist-test-${path.basename(dir)}`);
  try {
    await buildServer(outDir);
    expect(serverBuildIsFresh(outDir)).toBe(true);
    for (const file of [
      'apps/api/src/start.ts',
      'packages/contracts/src/index.ts',
      'node_modules/.package-lock.json'
    ]) {
      const full = path.join(repoRoot, file);
      const { atime, mtime } = await stat(full);
      await utimes(full, atime, new Date(Date.now() + 60_000));
      try {
        expect(serverBuildIsFresh(outDir), file).toBe(false);
      } finally {
        await utimes(full, atime, mtime);
      }
      expect(serverBuildIsFresh(outDir)).toBe(true);
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}, 60_000);
