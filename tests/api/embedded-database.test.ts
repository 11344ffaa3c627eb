/**
 * The embedded FerretDB as MockLoop builds it (apps/api/src/db/embedded/patches.ts): lookups by `_id` use the
 * collection's `_id` index, also when the filter has other keys, and those keys still decide what matches;
 * single-document updates are atomic under concurrency, as MongoDB's are.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ensureFerretdb, startEmbeddedServer, type EmbeddedServer } from '../../apps/api/src/db/embedded/index.ts';
import { testDatabaseName } from '../support/database.ts';

let client: MongoClient;
/** When the suite runs against MONGODB_URI, the embedded server under test is this file's own. */
let own: { server: EmbeddedServer; dataDir: string } | null = null;
const dbName = testDatabaseName('embedded');
const owner = new ObjectId();
const ids = Array.from({ length: 20 }, () => new ObjectId());

beforeAll(async () => {
  let uri = inject('mongodbUri');
  if (!inject('embedded')) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-embedded-'));
    own = { server: await startEmbeddedServer({ binary: await ensureFerretdb(), dataDir }), dataDir };
    uri = own.server.uri;
  }
  client = await new MongoClient(uri).connect();
  await client
    .db(dbName)
    .collection('docs')
    .insertMany(ids.map((_id, i) => ({ _id, userId: owner, revision: 0, text: `doc ${i}` })));
});

afterAll(async () => {
  await client.db(dbName).dropDatabase();
  await client.close();
  if (own) {
    await own.server.stop();
    await rm(own.dataDir, { recursive: true, force: true });
  }
});

async function plan(filter: Document): Promise<string> {
  const result = await client.db(dbName).command({ explain: { find: 'docs', filter } });
  return JSON.stringify(result.queryPlanner);
}

describe('the embedded database', () => {
  it.each([
    ['_id alone', { _id: ids[3] }],
    ['_id with an owner and a revision', { _id: ids[3], userId: owner, revision: 0 }],
    ['a string _id with another key', { _id: 'user-1', userId: owner }]
  ])('finds by %s through the _id index', async (_, filter) => {
    expect(await plan(filter)).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
  });

  it('still scans when the filter does not pin _id', async () => {
    expect(await plan({ userId: owner })).toMatch(/SCAN /);
  });

  it('applies the rest of the filter to the row found by _id', async () => {
    const docs = client.db(dbName).collection('docs');
    const stranger = await docs.updateOne({ _id: ids[5], userId: new ObjectId() }, { $set: { text: 'stolen' } });
    expect(stranger.matchedCount).toBe(0);
    const stale = await docs.updateOne({ _id: ids[5], userId: owner, revision: 7 }, { $set: { text: 'stale' } });
    expect(stale.matchedCount).toBe(0);
    const ok = await docs.updateOne(
      { _id: ids[5], userId: owner, revision: 0 },
      { $set: { text: 'saved' }, $inc: { revision: 1 } }
    );
    expect(ok.modifiedCount).toBe(1);
    expect(await docs.findOne({ _id: ids[5], userId: owner })).toMatchObject({ text: 'saved', revision: 1 });
    expect(await docs.findOne({ _id: ids[5], revision: 0 })).toBeNull();
    expect(await docs.countDocuments({ text: { $in: ['stolen', 'stale'] } })).toBe(0);
  });

  it('deletes by _id only when the rest of the filter matches', async () => {
    const docs = client.db(dbName).collection('docs');
    expect((await docs.deleteOne({ _id: ids[9], userId: new ObjectId() })).deletedCount).toBe(0);
    expect((await docs.deleteOne({ _id: ids[9], userId: owner })).deletedCount).toBe(1);
    expect(await docs.countDocuments({})).toBe(ids.length - 1);
  });

  it('applies 40 concurrent increments of one document, by update and by findAndModify, without losing one', async () => {
    const docs = client.db(dbName).collection<{ _id: string; count: number }>('counters');
    await docs.insertMany([
      { _id: 'update', count: 0 },
      { _id: 'findAndModify', count: 0 }
    ]);
    await Promise.all(Array.from({ length: 40 }, () => docs.updateOne({ _id: 'update' }, { $inc: { count: 1 } })));
    const seen = await Promise.all(
      Array.from({ length: 40 }, () =>
        docs.findOneAndUpdate({ _id: 'findAndModify' }, { $inc: { count: 1 } }, { returnDocument: 'after' })
      )
    );
    expect((await docs.findOne({ _id: 'update' }))?.count).toBe(40);
    expect((await docs.findOne({ _id: 'findAndModify' }))?.count).toBe(40);
    // Each caller saw its own increment: every count from 1 to 40 exactly once.
    expect(seen.map((doc) => doc?.count).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('lets exactly one of 20 concurrent writers pinning the same revision win (optimistic concurrency)', async () => {
    const docs = client.db(dbName).collection('docs');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        docs.updateOne(
          { _id: ids[12], userId: owner, revision: 0 },
          { $set: { text: `writer ${i}` }, $inc: { revision: 1 } }
        )
      )
    );
    expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
    expect(await docs.findOne({ _id: ids[12] })).toMatchObject({ revision: 1 });
  });
});
