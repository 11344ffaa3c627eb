/**
 * Autosave as one write: a stale save's 409 carries the current work, a reader never pairs one revision with
 * another's drawing, the replay snapshot never reads back the scene just saved, and a submission call reads only
 * what it needs of its session.
 */
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { codingFixture, designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer, type JsonOf } from '../support/server.ts';
import { useSessionApi } from '../support/session-api.ts';

const api = useSessionApi({ questions: [designFixture, codingFixture], app: { allowShortSessions: true } });
type Client = ReturnType<typeof client>;
/** One session's routes as `as` calls them (the owner by default); each call takes `{ param: { id } }`. */
const at = (as: Client = api.owner) => as.api.sessions[':id'];
/** `as` autosaves a session's work, whatever the answer. */
const patchWork = (id: string, json: JsonOf<ReturnType<typeof at>['work']['$patch']>, as: Client = api.owner) =>
  reply(at(as).work.$patch({ param: { id }, json }));
const read = async (id: string) => (await answer(at().$get({ param: { id } }))).session;

/** A scene whose one shape carries its revision as a marker, padded so that writing it takes a while. */
const markedScene = (revision: number) => ({
  elements: [{ id: 'marker', type: 'rectangle', version: revision, padding: 'x'.repeat(200_000) }]
});

describe('a stale autosave', () => {
  it('gets 409 CONFLICT with the work as it now stands: revision, notes and scene', async () => {
    const session = await api.startSession();
    const first = await patchWork(session.id, {
      revision: 0,
      notes: { design: 'first tab', estimates: '10k rps' },
      scene: markedScene(1)
    });
    expect(first.status).toBe(200);
    const stale = await patchWork(session.id, { revision: 0, notes: { design: 'second tab' } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONFLICT');
    expect(stale.json.current.revision).toBe(1);
    expect(stale.json.current.notes).toMatchObject({ design: 'first tab', estimates: '10k rps' });
    expect(stale.json.current.scene.elements[0]).toMatchObject({ id: 'marker', version: 1 });
  });

  it('leaves no scene behind when it is refused, and an ended session’s 409 carries no work', async () => {
    const session = await api.startSession();
    await api.saveDesign(session.id, 0, 'kept');
    const stale = await patchWork(session.id, { revision: 0, scene: markedScene(99) });
    expect(stale.status).toBe(409);
    expect((await read(session.id)).work.scene.elements[0]!.version).toBe(1);
    const { ObjectId } = await import('mongodb');
    const versions = await api.server.database.sessionScenes.countDocuments({ sessionId: new ObjectId(session.id) });
    expect(versions).toBe(1);

    await answer(at().submit.$post({ param: { id: session.id } }));
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
        const saved = await patchWork(session.id, {
          revision,
          notes: { design: `note ${revision + 1}` },
          scene: markedScene(revision + 1)
        });
        expect(saved.status).toBe(200);
      }
      saving = false;
    })();
    const seen: { revision: number; marker: unknown; note: string | undefined }[] = [];
    const reader = async () => {
      while (saving) {
        const { revision, work } = await read(session.id);
        const note = 'design' in work.notes ? work.notes.design : undefined;
        seen.push({ revision, marker: work.scene.elements[0]?.version, note });
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
    const replay = (await answer(at().snapshots.$get({ param: { id: session.id } }))).items;
    expect(sceneReads).not.toHaveBeenCalled();
    sceneReads.mockRestore();
    expect(replay).toHaveLength(1);
    expect(replay[0]!.scene.elements[0]).toMatchObject({ id: 'a', version: 1 });
    expect(replay[0]!.notes).toMatchObject({ design: 'drawn' });
  });

  it('answers a save before its replay snapshot is stored; the replay and the shutdown wait for it', async () => {
    // A server of this test's own, as it is closed here.
    const server = await startTestServer({ questions: [designFixture], app: { allowShortSessions: true } });
    const owner = client(server.url);
    await owner.signUp({ email: 'snapshots@example.com', password: 'owner-pass-1', name: 'Owner' });
    const { session } = await answer(owner.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
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
    const saved = await patchWork(session.id, { revision: 0, notes: { design: 'drawn' } }, owner);
    expect(saved.status).toBe(200);
    await vi.waitFor(() => expect(inserts).toHaveBeenCalledTimes(1));
    // The replay, asked now, answers only once the snapshot is stored; so does the server's close.
    let listed: object[] | null = null;
    const replay = answer(at(owner).snapshots.$get({ param: { id: session.id } })).then(
      (res) => (listed = res.items.map((s) => s.notes))
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(listed).toBeNull();
    release();
    await replay;
    expect(listed).toMatchObject([{ design: 'drawn' }]);

    // Another session's first save, its snapshot held when the server is told to close: the close waits for it.
    const gate2 = new Promise<void>((resolve) => (release = resolve));
    inserts.mockImplementation(async (...args) => {
      await gate2;
      return insertOne(...args);
    });
    const other = (await answer(owner.api.sessions.$post({ json: { questionId: designFixture.id } }), 201)).session;
    const otherSaved = await patchWork(other.id, { revision: 0, notes: { design: 'last words' } }, owner);
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
    const { id } = (await answer(api.owner.api.sessions.$post({ json: { questionId: codingFixture.id } }), 201))
      .session;
    const param = { id };
    const sessionReads = vi.spyOn(api.server.database.sessions, 'findOne');
    onTestFinished(() => sessionReads.mockRestore());
    const json = { language: 'typescript' as const, code: 'export function twoSum() { return [0, 1]; }' };
    const submitted = await answer(at().submissions.$post({ param, json }), 201);
    const results = Array.from({ length: submitted.tests.length + submitted.performance.length }, () => ({
      verdict: 'pass' as const,
      ms: 1
    }));
    await answer(at().submissions[':n'].result.$put({ param: { id, n: '1' }, json: { results } }), 200);
    expect((await reply(at().submissions.$get({ param }))).status).toBe(200);
    expect(sessionReads.mock.calls.length).toBeGreaterThan(0);
    for (const [, options] of sessionReads.mock.calls) expect(options?.projection).toBeDefined();
  });
});
