/**
 * A database that hangs (its process paused with SIGSTOP: the socket stays open, nothing answers) is declared down
 * within 5 s: requests get 503 DATABASE_UNAVAILABLE with Retry-After instead of waiting half a minute, and the API
 * works again once the database answers.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../apps/api/src/server.ts';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply } from '../support/server.ts';

const generous = { limit: 100_000, windowMs: 60_000 };
let dataDir: string;
let server: RunningServer;
let pausedPid = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-paused-'));
  server = await startServer({
    port: 0,
    dataDir,
    questions: [designFixture],
    app: { limits: { signUpPerAddress: generous, signInPerAddress: generous, signInPerAddressAndEmail: generous } }
  });
});
/**
 * SIGSTOP stops a process's threads as each next runs, after `kill` has returned: on a busy machine a thread of
 * FerretDB's answered a request sent just after it (a 200 in a clean-clone run). Waits until every thread is stopped.
 */
async function stopped(pid: number): Promise<void> {
  const state = async (task: string) => {
    const stat = await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').catch(() => ') T');
    return stat.slice(stat.lastIndexOf(') ') + 2, stat.lastIndexOf(') ') + 3);
  };
  for (;;) {
    const states = await Promise.all((await readdir(`/proc/${pid}/task`)).map(state));
    if (states.every((s) => s === 'T' || s === 't')) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterAll(async () => {
  if (pausedPid) process.kill(pausedPid, 'SIGCONT');
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

it(
  'answers 503 within 5 s while the database is paused, and saves again once it resumes',
  { timeout: 90_000 },
  async () => {
    const owner = client(server.url);
    await owner.signUp({ email: 'paused@example.com', password: 'paused-password-1', name: 'Paused' });
    const { session } = await answer(owner.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
    const param = { id: session.id };
    const read = () => reply(owner.api.sessions[':id'].$get({ param }));
    const saveNotes = (functional: string, revision = 0) =>
      reply(owner.api.sessions[':id'].work.$patch({ param, json: { revision, notes: { functional } } }));

    pausedPid = server.embedded!.pid;
    process.kill(pausedPid, 'SIGSTOP');
    await stopped(pausedPid);
    const timed = async (request: () => Promise<{ status: number; json: { error?: { code: string } } }>) => {
      const started = Date.now();
      const res = await request();
      return { ms: Date.now() - started, status: res.status, code: res.json?.error?.code };
    };
    // A read and a save sent as it hangs, and one sent after it was declared down.
    const [whileHanging, save] = await Promise.all([timed(read), timed(() => saveNotes('paused'))]);
    const later = await timed(read);
    for (const [name, refused] of Object.entries({ whileHanging, save, later })) {
      expect(refused, name).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(refused.ms, name).toBeLessThan(5_000);
    }

    process.kill(pausedPid, 'SIGCONT');
    pausedPid = 0;
    // Back: the save goes through (polled: the driver finds the server again on its next heartbeat). It saves on
    // the revision it reads back, as the autosave does after a conflict: the save refused with 503 had already
    // gone out on the socket, so the database may apply it once it resumes. Refused means "not known to be
    // saved", never "known not saved"; either way the work holds one whole save, never part of one.
    await expect
      .poll(
        async () => {
          const current = await read();
          if (current.status !== 200) return current.status;
          expect(['', 'paused']).toContain(current.json.session.work.notes.functional ?? '');
          return (await saveNotes('resumed', current.json.session.revision)).status;
        },
        { timeout: 20_000, interval: 500 }
      )
      .toBe(200);
    expect((await read()).json.session.work.notes.functional).toBe('resumed');
  }
);
