/**
 * Autosave as one write: a stale save's 409 carries the current work, a reader never pairs one revision with
 * another's drawing, the replay snapshot never reads back the scene just saved, and a submission call reads only
 * what it needs of its session.
 */
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { codingFixture, designFixture } from '../support/fixtures.ts';
import { client, startTestServer } from '../support/server.ts';
import { useSessionApi } from '../support/session-api.ts';

const api = useSessionApi({ questions: [designFixture, codingFixture], app: { allowShortSessions: true } });

/** A scene whose one shape carries its revision as a marker, padded so that writing it takes a while. */
const markedScene = (revision: number) => ({
  elements: [{ id: 'marker', type: 'rectangle', version: revision, padding: 'x'.repeat(200_000) }]
});

describe('a stale autosave', () => {
  it('gets 409 CONFLICT with the work as it now stands: revision, notes and scene', async () => {
    const session = await api.startSession();
    const first = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { design: 'first tab', estimates: '10k rps' },
      scene: markedScene(1)
    });
    expect(first.status).toBe(200);
    const stale = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { design: 'second tab' }
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONFLICT');
    expect(stale.json.current.revision).toBe(1);
    expect(stale.json.current.notes).toMatchObject({ design: 'first tab', estimates: '10k rps' });
    expect(stale.json.current.scene.elements[0]).toMatchObject({ id: 'marker', version: 1 });
  });

  it('leaves no scene behind when it is refused, and an ended session’s 409 carries no work', async () => {
    const session = await api.startSession();
    await api.saveDesign(session.id, 0, 'kept');
    const stale = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      scene: markedScene(99)
    });
    expect(stale.status).toBe(409);
    const read = (await api.owner.request('GET', `/api/sessions/${session.id}`)).json.session;
    expect(read.work.scene.elements[0].version).toBe(1);
    const { ObjectId } = await import('mongodb');
    const versions = await api.server.database.sessionScenes.countDocuments({ sessionId: new ObjectId(session.id) });
    expect(versions).toBe(1);

    await api.owner.request('POST', `/api/sessions/${session.id}/submit`);
    const locked = await api.saveDesign(session.id, 1, 'too late');
    expect(locked.json.error.code).toBe('SESSION_LOCKED');
    expect(locked.json.current).toBeUndefined();
  });
});

describe('a reader during saves', () => {
  it('never sees a revision with another revision’s scene or notes', async () => {
    const session = await api.startSession();
    const SAVES = 25;
    let saving = true;
    const writer = (async () => {
      for (let revision = 0; revision < SAVES; revision++) {
        const saved = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
          revision,
          notes: { design: `note ${revision + 1}` },
          scene: markedScene(revision + 1)
        });
        expect(saved.status).toBe(200);
      }
      saving = false;
    })();
    const seen: { revision: number; marker: number | undefined; note: string | undefined }[] = [];
    const reader = async () => {
      while (saving) {
        const { revision, work } = (await api.owner.request('GET', `/api/sessions/${session.id}`)).json.session;
        seen.push({ revision, marker: work.scene.elements[0]?.version, note: work.notes.design });
      }
    };
    await Promise.all([writer, reader(), reader(), reader()]);
    const mixed = seen.filter((s) => s.revision > 0 && (s.marker !== s.revision || s.note !== `note ${s.revision}`));
    expect(seen.length).toBeGreaterThan(SAVES);
    expect(mixed).toEqual([]);
    // Each save dropped the version it replaced: one scene is stored, the last.
    const { ObjectId } = await import('mongodb');
    const versions = await api.server.database.sessionScenes.find({ sessionId: new ObjectId(session.id) }).toArray();
    expect(versions.map((v) => v.revision)).toEqual([SAVES]);
  });
});

describe('the writes and reads behind a call', () => {
  it('takes a save’s replay snapshot from the scene it carried, without reading the scene back', async () => {
    const session = await api.startSession();
    const sceneReads = vi.spyOn(api.server.database.sessionScenes, 'findOne');
    onTestFinished(() => sceneReads.mockRestore());
    // The first save of a session is due a snapshot. It is taken after the answer; the replay waits for it.
    expect((await api.saveDesign(session.id, 0, 'drawn')).status).toBe(200);
    const replay = (await api.owner.request('GET', `/api/sessions/${session.id}/snapshots`)).json.items;
    expect(sceneReads).not.toHaveBeenCalled();
    sceneReads.mockRestore();
    expect(replay).toHaveLength(1);
    expect(replay[0].scene.elements[0]).toMatchObject({ id: 'a', version: 1 });
    expect(replay[0].notes.design).toBe('drawn');
  });

  it('answers a save before its replay snapshot is stored; the replay and the shutdown wait for it', async () => {
    // A server of this test's own, as it is closed here.
    const server = await startTestServer({ questions: [designFixture], app: { allowShortSessions: true } });
    const owner = client(server.url);
    await owner.signUp({ email: 'snapshots@example.com', password: 'owner-pass-1', name: 'Owner' });
    const session = (await owner.request('POST', '/api/sessions', { questionId: designFixture.id })).json.session;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { snapshots } = server.database;
    const insertOne = snapshots.insertOne.bind(snapshots);
    const inserts = vi.spyOn(snapshots, 'insertOne').mockImplementation(async (...args) => {
      await gate;
      return insertOne(...args);
    });
    onTestFinished(() => inserts.mockRestore());

    // The first save is due a snapshot: its write is held, and the save is answered all the same.
    const saved = await owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { design: 'drawn' }
    });
    expect(saved.status).toBe(200);
    await vi.waitFor(() => expect(inserts).toHaveBeenCalledTimes(1));
    // The replay, asked now, answers only once the snapshot is stored; so does the server's close.
    let listed: { items: { notes: { design: string } }[] } | null = null;
    const replay = owner
      .request('GET', `/api/sessions/${session.id}/snapshots`)
      .then((res) => (listed = res.json as typeof listed));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(listed).toBeNull();
    release();
    await replay;
    expect(listed!.items.map((s) => s.notes.design)).toEqual(['drawn']);

    // Another session's first save, its snapshot held when the server is told to close: the close waits for it.
    const gate2 = new Promise<void>((resolve) => (release = resolve));
    inserts.mockImplementation(async (...args) => {
      await gate2;
      return insertOne(...args);
    });
    const other = (await owner.request('POST', '/api/sessions', { questionId: designFixture.id })).json.session;
    const otherSaved = await owner.request('PATCH', `/api/sessions/${other.id}/work`, {
      revision: 0,
      notes: { design: 'last words' }
    });
    expect(otherSaved.status).toBe(200);
    await vi.waitFor(() => expect(inserts).toHaveBeenCalledTimes(2));
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(closed).toBe(false);
    release();
    await closing;
    // Stored before the database closed: the held write succeeded.
    await expect(inserts.mock.results[1]!.value).resolves.toMatchObject({ acknowledged: true });
  });

  it('reads only a projection of the session for each submission call', async () => {
    const res = await api.owner.request('POST', '/api/sessions', { questionId: codingFixture.id });
    const id = res.json.session.id;
    const sessionReads = vi.spyOn(api.server.database.sessions, 'findOne');
    onTestFinished(() => sessionReads.mockRestore());
    const submitted = await api.owner.request('POST', `/api/sessions/${id}/submissions`, {
      language: 'typescript',
      code: 'export function twoSum() { return [0, 1]; }'
    });
    expect(submitted.status).toBe(201);
    const results = Array.from({ length: submitted.json.tests.length + submitted.json.performance.length }, () => ({
      verdict: 'pass',
      ms: 1
    }));
    const recorded = await api.owner.request('PUT', `/api/sessions/${id}/submissions/1/result`, { results });
    expect(recorded.status).toBe(200);
    expect((await api.owner.request('GET', `/api/sessions/${id}/submissions`)).status).toBe(200);
    expect(sessionReads.mock.calls.length).toBeGreaterThan(0);
    for (const [, options] of sessionReads.mock.calls) expect(options?.projection).toBeDefined();
  });
});
