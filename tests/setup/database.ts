/** Starts one real embedded FerretDB for the whole run (free port, temporary data folder) and stops it afterwards. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFerretdb, startEmbeddedServer } from '../../apps/api/src/db/embedded/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-test-'));
  const binary = await ensureFerretdb({ onProgress: (line) => console.log(line) });
  const server = await startEmbeddedServer({ binary, dataDir });
  project.provide('mongodbUri', server.uri);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
