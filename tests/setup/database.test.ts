/**
 * With MONGODB_URI the suite uses that server and starts no database of its own, and afterwards drops this
 * run's databases only. The given server here is the run's own (an embedded FerretDB, or MONGODB_URI itself).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uriWithDatabase } from '../support/database.ts';
import { setupDatabase } from './database.ts';

/** FerretDB processes started by this test process. */
function ferretdbChildren(): number {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // "pid (comm) state ppid …"
        const [, comm, ppid] = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat) ?? [];
        return comm === 'ferretdb' && Number(ppid) === process.pid;
      } catch {
        return false; // exited while we looked
      }
    }).length;
}

const given = inject('mongodbUri');
let client: MongoClient;

beforeAll(async () => {
  client = await new MongoClient(given).connect();
});
afterAll(() => client.close());

async function databases(): Promise<string[]> {
  const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
  return databases.map((d) => d.name);
}

describe('the test database setup with MONGODB_URI', () => {
  it('provides the given server, starts none, and drops only its own databases at the end', async () => {
    const provided: Record<string, unknown> = {};
    const teardown = await setupDatabase({ provide: (key, value) => (provided[key] = value) }, given);
    expect(provided).toMatchObject({ mongodbUri: given, embedded: false });
    expect(ferretdbChildren()).toBe(0);

    const prefix = provided.databasePrefix as string;
    const ours = `${prefix}files_a`;
    const someoneElses = `other_${prefix}keep`;
    for (const name of [ours, someoneElses]) await client.db(name).collection('c').insertOne({ name });
    expect(await databases()).toEqual(expect.arrayContaining([ours, someoneElses]));

    await teardown();
    const after = await databases();
    expect(after).not.toContain(ours);
    expect(after).toContain(someoneElses);
    await client.db(someoneElses).dropDatabase();
  });
});

describe('uriWithDatabase', () => {
  it.each([
    ['mongodb://127.0.0.1:27017/', 'mongodb://127.0.0.1:27017/db1'],
    ['mongodb://127.0.0.1:27017', 'mongodb://127.0.0.1:27017/db1'],
    ['mongodb://u:p%40ss@h1:1,h2:2/practice?replicaSet=rs0', 'mongodb://u:p%40ss@h1:1,h2:2/db1?replicaSet=rs0'],
    ['mongodb+srv://cluster.example.net/?retryWrites=true', 'mongodb+srv://cluster.example.net/db1?retryWrites=true']
  ])('%s → %s', (uri, expected) => {
    expect(uriWithDatabase(uri, 'db1')).toBe(expected);
  });

  it('refuses what is not a MongoDB URI', () => {
    expect(() => uriWithDatabase('http://example.com/', 'db1')).toThrow(/not a MongoDB URI/);
  });
});
