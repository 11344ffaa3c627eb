/**
 * The embedded server that answers is the one MockLoop started: a FerretDB whose port another server already holds
 * (two test files, or two instances, picking the same free port at once) is not taken for started.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ensureFerretdb, startEmbeddedServer, type EmbeddedServer } from '../../apps/api/src/db/embedded/index.ts';

const dirs: string[] = [];
const servers: EmbeddedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const folder = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-port-'));
  dirs.push(dir);
  return dir;
};

it('refuses to start on a port another server answers on, instead of using that server', async () => {
  const binary = await ensureFerretdb();
  const first = await startEmbeddedServer({ binary, dataDir: await folder() });
  servers.push(first);
  const port = Number(new URL(first.uri).port);
  const second = startEmbeddedServer({ binary, dataDir: await folder(), port, onEvent: () => {} });
  await expect(second).rejects.toThrow(/did not start/);
  // The first is untouched.
  expect(first.available).toBe(true);
});
