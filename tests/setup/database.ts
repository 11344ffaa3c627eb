/**
 * The one database server for the whole run. With MONGODB_URI set, the suite runs against that server and starts
 * none (each test file still uses databases of its own, dropped at the end); otherwise it starts one real
 * embedded FerretDB (free port, temporary data folder) and stops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import type { TestProject } from 'vitest/node';
import { ensureFerretdb, startEmbeddedServer } from '../../apps/api/src/db/embedded/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server, without a database name (tests name theirs with `testDatabaseName`). */
    mongodbUri: string;
    /** Whether that server is the embedded FerretDB this setup started. */
    embedded: boolean;
    /** Every test database of this run starts with it, so a given server keeps nothing of ours afterwards. */
    databasePrefix: string;
  }
}

type Provider = Pick<TestProject, 'provide'>;

export default function setup(project: TestProject) {
  return setupDatabase(project, process.env.MONGODB_URI || undefined);
}

export async function setupDatabase(project: Provider, givenUri: string | undefined): Promise<() => Promise<void>> {
  const databasePrefix = `t${randomBytes(3).toString('hex')}_`;
  project.provide('databasePrefix', databasePrefix);
  if (givenUri) {
    project.provide('mongodbUri', givenUri);
    project.provide('embedded', false);
    return () => dropDatabases(givenUri, databasePrefix);
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-test-'));
  const binary = await ensureFerretdb({ onProgress: (line) => console.log(line) });
  const server = await startEmbeddedServer({ binary, dataDir });
  project.provide('mongodbUri', server.uri);
  project.provide('embedded', true);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** Drops the databases whose names start with `prefix` (this run's), and no other. */
export async function dropDatabases(uri: string, prefix: string): Promise<void> {
  const client = await new MongoClient(uri).connect();
  try {
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) if (name.startsWith(prefix)) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
