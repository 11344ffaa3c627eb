/** The session engine over HTTP on the real database: create, read, autosave, phases, submit, lock. */
import { describe, expect, it } from 'vitest';
import { GRACE_MS } from '../../apps/api/src/services/sessions/policy.ts';
import { designFixture } from '../support/fixtures.ts';
import { client, startTestServer } from '../support/server.ts';
import { useSessionApi } from '../support/session-api.ts';

const api = useSessionApi();
const startSession = (durationMin?: number) => api.startSession(durationMin);

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
    expect(session.phasePlan.map((p: { minutes: number }) => p.minutes)).toEqual([8, 7, 15, 15, 10, 5]);
    const read = await api.owner.request('GET', `/api/sessions/${session.id}`);
    expect(read.json.session.id).toBe(session.id);
  });

  it('answers 404 to another user, to a malformed id, and 401 to nobody', async () => {
    const session = await startSession();
    expect((await api.stranger.request('GET', `/api/sessions/${session.id}`)).status).toBe(404);
    expect(
      (await api.stranger.request('PATCH', `/api/sessions/${session.id}/work`, { revision: 0, notes: { design: 'x' } }))
        .status
    ).toBe(404);
    expect((await api.owner.request('GET', '/api/sessions/not-an-id')).status).toBe(404);
    expect((await client(api.server.url).request('GET', `/api/sessions/${session.id}`)).status).toBe(401);
    expect((await client(api.server.url).request('POST', '/api/sessions', { bad: true })).status).toBe(401);
  });

  it.each([
    { body: {}, fields: ['questionId'] },
    { body: { questionId: 'no-such-question' }, fields: ['questionId'] },
    { body: { questionId: designFixture.id, durationMin: 0 }, fields: ['durationMin'] },
    { body: { questionId: designFixture.id, durationMin: 'long' }, fields: ['durationMin'] }
  ])('refuses a bad start $body with 400 naming $fields', async ({ body, fields }) => {
    const res = await api.owner.request('POST', '/api/sessions', body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toEqual(fields);
  });

  it('lists the user’s sessions newest first, and only theirs', async () => {
    const res = await api.owner.request('GET', '/api/sessions');
    expect(res.json.items.length).toBeGreaterThanOrEqual(2);
    const times = res.json.items.map((s: { startedAt: string }) => s.startedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await api.stranger.request('GET', '/api/sessions')).json.items).toEqual([]);
  });

  it('filters the list by day, and refuses a malformed day', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const all = (await api.owner.request('GET', '/api/sessions')).json.items.length;
    expect((await api.owner.request('GET', `/api/sessions?from=${today}&to=${today}`)).json.items).toHaveLength(all);
    expect((await api.owner.request('GET', '/api/sessions?from=2000-01-01&to=2000-01-02')).json.items).toEqual([]);
    const bad = await api.owner.request('GET', '/api/sessions?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('from');
  });
});

describe('autosave', () => {
  it('saves notes and scene on the current revision and bumps it', async () => {
    const session = await startSession();
    const scene = { elements: [{ id: 'r1', type: 'rectangle', x: 10, y: 20, version: 1 }], files: {} };
    const saved = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { functional: 'shorten, redirect' },
      scene
    });
    expect(saved.status).toBe(200);
    expect(saved.json.revision).toBe(1);
    const again = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 1,
      notes: { estimates: '115 rps' }
    });
    expect(again.json.revision).toBe(2);
    const read = (await api.owner.request('GET', `/api/sessions/${session.id}`)).json.session;
    expect(read.work.notes).toEqual({ functional: 'shorten, redirect', estimates: '115 rps' });
    expect(read.work.scene.elements[0]).toMatchObject({ id: 'r1', type: 'rectangle', x: 10 });
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
    const saved = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      scene: { elements: [arrow] }
    });
    expect(saved.status).toBe(200);
    const read = (await api.owner.request('GET', `/api/sessions/${session.id}`)).json.session;
    expect(read.work.scene.elements).toEqual([arrow]);
    const replay = (await api.owner.request('GET', `/api/sessions/${session.id}/snapshots`)).json.items;
    expect(replay[0].scene.elements).toEqual([arrow]);
  });

  it('refuses a stale revision with 409 CONFLICT and keeps the newer work', async () => {
    const session = await startSession();
    await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { design: 'first tab' }
    });
    const stale = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { design: 'second tab' }
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONFLICT');
    const read = (await api.owner.request('GET', `/api/sessions/${session.id}`)).json.session;
    expect(read.work.notes.design).toBe('first tab');
    expect(read.revision).toBe(1);
  });

  it('never rolls back on a duplicate (a retry after a lost response) or an out-of-order save', async () => {
    const session = await startSession();
    const save = (revision: number, design: string) => api.saveDesign(session.id, revision, design);
    expect((await save(0, 'first')).status).toBe(200);
    expect((await save(1, 'second')).status).toBe(200);
    expect((await save(0, 'first')).status).toBe(409);
    expect((await save(1, 'second')).status).toBe(409);
    const read = (await api.owner.request('GET', `/api/sessions/${session.id}`)).json.session;
    expect(read.revision).toBe(2);
    expect(read.work.notes.design).toBe('second');
    expect(read.work.scene.elements[0].version).toBe(2);
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
    const res = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toContain(field);
    expect((await api.owner.request('GET', `/api/sessions/${session.id}`)).json.session.revision).toBe(0);
  });

  it('stores a scene of nearly 10 MB, refuses a larger one with 413 and keeps the previous revision', async () => {
    const session = await startSession();
    const image = (bytes: number) => ({
      elements: [{ id: 'img', type: 'image', fileId: 'f1' }],
      files: { f1: { id: 'f1', mimeType: 'image/png', dataURL: `data:image/png;base64,${'A'.repeat(bytes)}` } }
    });
    const ok = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      scene: image(9_500_000)
    });
    expect(ok.status).toBe(200);
    const tooBig = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 1,
      scene: image(12_000_000)
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    const read = (await api.owner.request('GET', `/api/sessions/${session.id}`)).json.session;
    expect(read.revision).toBe(1);
    expect(read.work.scene.files.f1.dataURL).toHaveLength('data:image/png;base64,'.length + 9_500_000);
  });
});

describe('phases, submit and the deadline', () => {
  it('records when each phase starts, and refuses an unknown phase', async () => {
    const session = await startSession();
    const moved = await api.owner.request('POST', `/api/sessions/${session.id}/phases`, { phaseId: 'estimation' });
    expect(moved.json.session.phaseLog.map((p: { phaseId: string }) => p.phaseId)).toEqual([
      'requirements',
      'estimation'
    ]);
    const bad = await api.owner.request('POST', `/api/sessions/${session.id}/phases`, { phaseId: 'nap' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('phaseId');
  });

  it('locks a submitted session: writes get 409 SESSION_LOCKED', async () => {
    const session = await startSession();
    const submitted = await api.owner.request('POST', `/api/sessions/${session.id}/submit`);
    expect(submitted.json.session).toMatchObject({ status: 'submitted', submitReason: 'finished' });
    const write = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { design: 'late' }
    });
    expect(write.status).toBe(409);
    expect(write.json.error.code).toBe('SESSION_LOCKED');
    const phase = await api.owner.request('POST', `/api/sessions/${session.id}/phases`, { phaseId: 'wrap-up' });
    expect(phase.json.error.code).toBe('SESSION_LOCKED');
  });

  it('submits at the deadline and refuses writes after the grace period', async () => {
    const session = await startSession();
    await api.server.database.sessions.updateOne(
      { _id: new (await import('mongodb')).ObjectId(session.id) },
      { $set: { deadline: new Date(Date.now() - GRACE_MS - 1_000) } }
    );
    const write = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { design: 'late' }
    });
    expect(write.status).toBe(409);
    expect(write.json.error.code).toBe('SESSION_LOCKED');
    const read = (await api.owner.request('GET', `/api/sessions/${session.id}`)).json.session;
    expect(read).toMatchObject({ status: 'submitted', submitReason: 'deadline' });
    expect(read.work.notes).toEqual({});
  });

  it('accepts an in-flight save within the grace period after the deadline', async () => {
    const session = await startSession();
    await api.server.database.sessions.updateOne(
      { _id: new (await import('mongodb')).ObjectId(session.id) },
      { $set: { deadline: new Date(Date.now() - 1_000) } }
    );
    const write = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { design: 'just in time' }
    });
    expect(write.status).toBe(200);
  });

  it('refuses sessions shorter than 45 minutes unless the server allows them', async () => {
    const strict = await startTestServer({ dbName: api.server.dbName, questions: [designFixture] });
    try {
      const c = client(strict.url);
      await c.request('POST', '/api/auth/signin', { email: 'owner@example.com', password: 'owner-pass-1' });
      const res = await c.request('POST', '/api/sessions', { questionId: designFixture.id, durationMin: 1 });
      expect(res.status).toBe(400);
      expect(res.json.error.fields).toHaveProperty('durationMin');
    } finally {
      await strict.close();
    }
  });
});
