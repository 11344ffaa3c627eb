/** The session engine over HTTP on the real database: create, read, autosave, phases, submit, lock. */
import { describe, expect, it } from 'vitest';
import { GRACE_MS } from '../../apps/api/src/services/sessions/policy.ts';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';
import { useSessionApi } from '../support/session-api.ts';

const api = useSessionApi();
const startSession = (durationMin?: number) => api.startSession(durationMin);
/** One session's routes as `as` calls them (the owner by default); each call takes `{ param: { id } }`. */
const at = (as = api.owner) => as.api.sessions[':id'];
const read = async (id: string) => (await answer(at().$get({ param: { id } }))).session;
const patchWork = (id: string, json: Parameters<ReturnType<typeof at>['work']['$patch']>[0]['json']) =>
  reply(at().work.$patch({ param: { id }, json }));

describe('starting and reading', () => {
  it('creates a session with snapshots, the server clock and the phase plan', async () => {
    const before = Date.now();
    const session = await startSession();
    expect(session).toMatchObject({
      kind: 'design',
      status: 'active',
      durationMin: 60,
      revision: 0,
      question: { id: designFixture.id, version: designFixture.version },
      rubric: { id: 'system-design-mock', version: expect.any(Number) },
      work: { notes: {}, scene: { elements: [] } }
    });
    expect(Date.parse(session.deadline) - Date.parse(session.startedAt)).toBe(60 * 60_000);
    expect(Date.parse(session.serverNow)).toBeGreaterThanOrEqual(before - 1000);
    expect(session.phasePlan.map((p) => p.minutes)).toEqual([8, 7, 15, 15, 10, 5]);
    expect((await read(session.id)).id).toBe(session.id);
  });

  it('answers 404 to another user, to a malformed id, and 401 to nobody', async () => {
    const session = await startSession();
    const param = { id: session.id };
    expect((await reply(at(api.stranger).$get({ param }))).status).toBe(404);
    const json = { revision: 0, notes: { design: 'x' } };
    expect((await reply(at(api.stranger).work.$patch({ param, json }))).status).toBe(404);
    expect((await reply(at().$get({ param: { id: 'not-an-id' } }))).status).toBe(404);
    expect((await reply(at(client(api.server.url)).$get({ param }))).status).toBe(401);
    // A body the contract refuses, on purpose: nobody is told why before they sign in.
    expect((await client(api.server.url).request('POST', '/api/sessions', { bad: true })).status).toBe(401);
  });

  it.each([
    { body: {}, fields: ['questionId'] },
    { body: { questionId: 'no-such-question' }, fields: ['questionId'] },
    { body: { questionId: designFixture.id, durationMin: 0 }, fields: ['durationMin'] },
    { body: { questionId: designFixture.id, durationMin: 'long' }, fields: ['durationMin'] }
  ])('refuses a bad start $body with 400 naming $fields', async ({ body, fields }) => {
    // Bad bodies on purpose (a missing field, a wrong type among them): the untyped client.
    const res = await api.owner.request('POST', '/api/sessions', body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toEqual(fields);
  });

  it('lists the user’s sessions newest first, and only theirs', async () => {
    const { items } = await answer(api.owner.api.sessions.$get({ query: {} }));
    expect(items.length).toBeGreaterThanOrEqual(2);
    const times = items.map((s) => s.startedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await answer(api.stranger.api.sessions.$get({ query: {} }))).items).toEqual([]);
  });

  it('filters the list by day, and refuses a malformed day', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const list = (query: { from?: string; to?: string }) => answer(api.owner.api.sessions.$get({ query }));
    const all = (await list({})).items.length;
    expect((await list({ from: today, to: today })).items).toHaveLength(all);
    expect((await list({ from: '2000-01-01', to: '2000-01-02' })).items).toEqual([]);
    const bad = await reply(api.owner.api.sessions.$get({ query: { from: 'yesterday' } }));
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('from');
  });
});

describe('autosave', () => {
  it('saves notes and scene on the current revision and bumps it', async () => {
    const session = await startSession();
    const scene = { elements: [{ id: 'r1', type: 'rectangle', x: 10, y: 20, version: 1 }], files: {} };
    const saved = await patchWork(session.id, { revision: 0, notes: { functional: 'shorten, redirect' }, scene });
    expect(saved.status).toBe(200);
    expect(saved.json.revision).toBe(1);
    const again = await patchWork(session.id, { revision: 1, notes: { estimates: '115 rps' } });
    expect(again.json.revision).toBe(2);
    const { work } = await read(session.id);
    expect(work.notes).toEqual({ functional: 'shorten, redirect', estimates: '115 rps' });
    expect(work.scene.elements[0]).toMatchObject({ id: 'r1', type: 'rectangle', x: 10 });
  });

  it('stores arrows and lines, whose points are nested arrays', async () => {
    const session = await startSession();
    const arrow = {
      id: 'a1',
      type: 'arrow',
      points: [
        [0, 0],
        [120, 40],
        [200, 90]
      ],
      version: 3
    };
    const saved = await patchWork(session.id, { revision: 0, scene: { elements: [arrow] } });
    expect(saved.status).toBe(200);
    expect((await read(session.id)).work.scene.elements).toEqual([arrow]);
    const replay = (await answer(at().snapshots.$get({ param: { id: session.id } }))).items;
    expect(replay[0]!.scene.elements).toEqual([arrow]);
  });

  it('refuses a stale revision with 409 CONFLICT and keeps the newer work', async () => {
    const session = await startSession();
    await patchWork(session.id, { revision: 0, notes: { design: 'first tab' } });
    const stale = await patchWork(session.id, { revision: 0, notes: { design: 'second tab' } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONFLICT');
    const kept = await read(session.id);
    expect(kept.work.notes).toMatchObject({ design: 'first tab' });
    expect(kept.revision).toBe(1);
  });

  it('never rolls back on a duplicate (a retry after a lost response) or an out-of-order save', async () => {
    const session = await startSession();
    const save = (revision: number, design: string) => api.saveDesign(session.id, revision, design);
    expect((await save(0, 'first')).status).toBe(200);
    expect((await save(1, 'second')).status).toBe(200);
    expect((await save(0, 'first')).status).toBe(409);
    expect((await save(1, 'second')).status).toBe(409);
    const kept = await read(session.id);
    expect(kept.revision).toBe(2);
    expect(kept.work.notes).toMatchObject({ design: 'second' });
    expect(kept.work.scene.elements[0]!.version).toBe(2);
  });

  it.each([
    { body: { notes: { design: 'x' } }, field: 'revision' },
    { body: { revision: -1, notes: {} }, field: 'revision' },
    { body: { revision: 0 }, field: 'notes' },
    { body: { revision: 0, notes: { design: 5 } }, field: 'notes.design' },
    { body: { revision: 0, notes: { unknownField: 'x' } }, field: 'notes.unknownField' },
    { body: { revision: 0, scene: { elements: [{ type: 'rectangle' }] } }, field: 'scene.elements.0.id' },
    { body: { revision: 0, notes: { design: { $set: 'x' } } }, field: 'notes.design' }
  ])('refuses $body with 400 naming $field', async ({ body, field }) => {
    const session = await startSession();
    // Bad bodies on purpose (missing fields, wrong types, unknown fields, an operator): the untyped client.
    const res = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toContain(field);
    expect((await read(session.id)).revision).toBe(0);
  });

  it('stores a scene of nearly 10 MB, refuses a larger one with 413 and keeps the previous revision', async () => {
    const session = await startSession();
    const image = (bytes: number) => ({
      elements: [{ id: 'img', type: 'image', fileId: 'f1' }],
      files: { f1: { id: 'f1', mimeType: 'image/png', dataURL: `data:image/png;base64,${'A'.repeat(bytes)}` } }
    });
    const ok = await patchWork(session.id, { revision: 0, scene: image(9_500_000) });
    expect(ok.status).toBe(200);
    // An oversized body on purpose: the untyped client.
    const tooBig = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 1,
      scene: image(12_000_000)
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    const kept = await read(session.id);
    expect(kept.revision).toBe(1);
    expect((kept.work.scene.files?.f1 as { dataURL: string }).dataURL).toHaveLength(
      'data:image/png;base64,'.length + 9_500_000
    );
  });
});

describe('phases, submit and the deadline', () => {
  it('records when each phase starts, and refuses an unknown phase', async () => {
    const session = await startSession();
    const param = { id: session.id };
    const moved = await answer(at().phases.$post({ param, json: { phaseId: 'estimation' } }));
    expect(moved.session.phaseLog.map((p) => p.phaseId)).toEqual(['requirements', 'estimation']);
    const bad = await reply(at().phases.$post({ param, json: { phaseId: 'nap' } }));
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('phaseId');
  });

  it('locks a submitted session: writes get 409 SESSION_LOCKED', async () => {
    const session = await startSession();
    const param = { id: session.id };
    const submitted = await answer(at().submit.$post({ param }));
    expect(submitted.session).toMatchObject({ status: 'submitted', submitReason: 'finished' });
    const write = await patchWork(session.id, { revision: 0, notes: { design: 'late' } });
    expect(write.status).toBe(409);
    expect(write.json.error.code).toBe('SESSION_LOCKED');
    const phase = await reply(at().phases.$post({ param, json: { phaseId: 'wrap-up' } }));
    expect(phase.json.error.code).toBe('SESSION_LOCKED');
  });

  it('submits at the deadline and refuses writes after the grace period', async () => {
    const session = await startSession();
    await api.server.database.sessions.updateOne(
      { _id: new (await import('mongodb')).ObjectId(session.id) },
      { $set: { deadline: new Date(Date.now() - GRACE_MS - 1_000) } }
    );
    const write = await patchWork(session.id, { revision: 0, notes: { design: 'late' } });
    expect(write.status).toBe(409);
    expect(write.json.error.code).toBe('SESSION_LOCKED');
    const locked = await read(session.id);
    expect(locked).toMatchObject({ status: 'submitted', submitReason: 'deadline' });
    expect(locked.work.notes).toEqual({});
  });

  it('accepts an in-flight save within the grace period after the deadline', async () => {
    const session = await startSession();
    await api.server.database.sessions.updateOne(
      { _id: new (await import('mongodb')).ObjectId(session.id) },
      { $set: { deadline: new Date(Date.now() - 1_000) } }
    );
    const write = await patchWork(session.id, { revision: 0, notes: { design: 'just in time' } });
    expect(write.status).toBe(200);
  });

  it('refuses sessions shorter than 45 minutes unless the server allows them', async () => {
    const strict = await startTestServer({ dbName: api.server.dbName, questions: [designFixture] });
    try {
      const c = client(strict.url);
      await answer(c.api.auth.signin.$post({ json: { email: 'owner@example.com', password: 'owner-pass-1' } }));
      const res = await reply(c.api.sessions.$post({ json: { questionId: designFixture.id, durationMin: 1 } }));
      expect(res.status).toBe(400);
      expect(res.json.error.fields).toHaveProperty('durationMin');
    } finally {
      await strict.close();
    }
  });
});
