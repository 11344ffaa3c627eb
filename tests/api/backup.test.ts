/**
 * `npm run backup` / `npm run restore` on the real database: a backup taken while three candidates autosave holds
 * every save acknowledged before it began, restores into an empty database (not into one with data), and the
 * restored instance serves the same people their same work through the API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { BackupError, backupTo, restoreFrom } from '../../apps/api/src/db/backup.ts';
import { testDatabaseName } from '../support/database.ts';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let mongo: MongoClient;
let dir: string;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture] });
  mongo = await new MongoClient(inject('mongodbUri')).connect();
  dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-backup-'));
});
afterAll(async () => {
  await server?.close();
  await mongo?.close();
  await rm(dir, { recursive: true, force: true });
});

it('keeps every save acknowledged before the backup began, and restores into an empty database only', async () => {
  const candidates = await Promise.all(
    ['Ana', 'Ben', 'Cid'].map(async (name) => {
      const c = client(server.url);
      const email = `${name.toLowerCase()}-${Date.now()}@backup.example`;
      await c.signUp({ email, password: 'backup-password-1', name });
      const { session } = await answer(c.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
      return { c, email, id: session.id as string, revision: session.revision as number, acked: '' };
    })
  );
  // Each types without pause: a save, acknowledged, then the next.
  let typing = true;
  const saving = candidates.map(async (t) => {
    for (let i = 0; typing; i++) {
      const text = `${t.acked}w${i} `;
      const saved = await reply(
        t.c.api.sessions[':id'].work.$patch({
          param: { id: t.id },
          json: { revision: t.revision, notes: { design: text } }
        })
      );
      expect(saved.status).toBe(200);
      t.revision = (saved.json as { revision: number }).revision;
      t.acked = text;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const ackedBefore = candidates.map((t) => ({ revision: t.revision, text: t.acked }));
  const file = path.join(dir, 'backup.jsonl.gz');
  const counts = await backupTo(server.database.db, file);
  typing = false;
  await Promise.all(saving);
  expect(counts.users).toBeGreaterThanOrEqual(3);
  expect(counts.sessions).toBeGreaterThanOrEqual(3);

  // Not into a database that holds anything: the instance's own.
  await expect(restoreFrom(server.database.db, file)).rejects.toBeInstanceOf(BackupError);

  const restoredName = testDatabaseName('restored');
  const restored = await restoreFrom(mongo.db(restoredName), file);
  expect(restored).toEqual(counts);
  const again = await startTestServer({ questions: [designFixture], dbName: restoredName });
  try {
    for (const [i, t] of candidates.entries()) {
      // The same person signs in to the restored instance and finds their work at least as late as acknowledged.
      const c = client(again.url);
      const signedIn = await reply(
        c.api.auth.signin.$post({ json: { email: t.email, password: 'backup-password-1' } })
      );
      expect(signedIn.status).toBe(200);
      const { session } = await answer(c.api.sessions[':id'].$get({ param: { id: t.id } }));
      expect(session.revision).toBeGreaterThanOrEqual(ackedBefore[i]!.revision);
      expect(session.work.notes.design?.startsWith(ackedBefore[i]!.text)).toBe(true);
    }
  } finally {
    await again.close();
    await mongo.db(restoredName).dropDatabase();
  }
});
