/**
 * Limits that hold: a scene nested too deep or too large as stored, NUL characters, broken Unicode, lengths a mock
 * does not run for and absurd dates are refused up front (4xx naming the field), and a refused save leaves nothing.
 */
import { MAX_SCENE_BYTES } from '@mockloop/contracts';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let user: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture] });
  user = client(server.url);
  await user.signUp({ email: 'limits@example.com', password: 'limits-password-1', name: 'Limits' });
});
afterAll(() => server.close());

async function newSession(): Promise<string> {
  return (await answer(user.api.sessions.$post({ json: { questionId: designFixture.id } }), 201)).session.id;
}
/** One session's routes as the user calls them; each call takes `{ param: { id } }`. */
const at = () => user.api.sessions[':id'];

/** What is stored for the session: its revision, notes and scene document. */
async function stored(id: string) {
  const _id = new ObjectId(id);
  const doc = await server.database.sessions.findOne({ _id });
  return {
    revision: doc?.revision,
    notes: doc?.work.notes,
    scene: await server.database.sessionScenes.findOne({ _id })
  };
}

/** JSON text of an object nested `depth` levels deep (too deep for JSON.stringify to write). */
const nestedJson = (depth: number) => '{"child":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('autosave refuses before writing anything', () => {
  it('a scene nested 5,000 levels deep → 400 naming the element; notes and revision untouched; a retry saves', async () => {
    const id = await newSession();
    const body = `{"revision":0,"notes":{"design":"with the deep scene"},"scene":{"elements":[{"id":"a","type":"line","customData":${nestedJson(5000)}}]}}`;
    // Raw JSON text on purpose (too deep for JSON.stringify): the untyped client.
    const res = await user.request('PATCH', `/api/sessions/${id}/work`, body, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty('scene.elements.0');
    expect(await stored(id)).toEqual({ revision: 0, notes: {}, scene: null });
    const points = [
      [0, 0],
      [1, 1]
    ];
    const retry = await reply(
      at().work.$patch({
        param: { id },
        json: { revision: 0, notes: { design: 'without it' }, scene: { elements: [{ id: 'a', type: 'line', points }] } }
      })
    );
    expect(retry.status).toBe(200);
    expect((await stored(id)).notes).toEqual({ design: 'without it' });
  });

  it.each([10.5, 11])('a %s MB scene (over 10 MiB as stored) → 413; nothing saved', async (megabytes) => {
    const id = await newSession();
    const image = 'x'.repeat(Math.round(megabytes * 1_000_000));
    const scene = { elements: [{ id: 'img', type: 'image' }], files: { f1: { dataURL: image } } };
    expect(JSON.stringify(scene).length).toBeGreaterThan(MAX_SCENE_BYTES);
    // Oversized bodies on purpose: the untyped client.
    const res = await user.request('PATCH', `/api/sessions/${id}/work`, { revision: 0, notes: { design: 'x' }, scene });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await stored(id)).toEqual({ revision: 0, notes: {}, scene: null });
  });

  it('counts the scene limit in bytes: 3.6 M three-byte characters are 10.8 MB stored → 413', async () => {
    const id = await newSession();
    const scene = { elements: [{ id: 't', type: 'text', text: '€'.repeat(3_600_000) }] };
    // An oversized body on purpose: the untyped client.
    const res = await user.request('PATCH', `/api/sessions/${id}/work`, { revision: 0, scene });
    expect(res.status).toBe(413);
  });

  it.each([
    ['a NUL character', 'before\u0000after'],
    ['a lone surrogate', 'broken \uD83D text'],
    ['over 100,000 bytes as stored (40,000 three-byte characters)', '€'.repeat(40_000)]
  ])('a note with %s → 400 naming the note', async (_, text) => {
    const id = await newSession();
    // Broken or oversized text on purpose: the untyped client.
    const res = await user.request('PATCH', `/api/sessions/${id}/work`, { revision: 0, notes: { design: text } });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty('notes.design');
    expect((await stored(id)).revision).toBe(0);
  });

  it('keeps emoji (surrogate pairs are well-formed)', async () => {
    const id = await newSession();
    const res = await reply(at().work.$patch({ param: { id }, json: { revision: 0, notes: { design: 'cache 🚀' } } }));
    expect(res.status).toBe(200);
  });
});

describe('bad values are refused, naming the field', () => {
  const questionId = designFixture.id;
  const recap = (weekStart: string, markdown: string) =>
    user.api.recaps[':weekStart'].$put({ param: { weekStart }, json: { markdown } });
  it.each([
    ['POST /api/sessions', 'durationMin', () => user.api.sessions.$post({ json: { questionId, durationMin: 7 } })],
    ['POST /api/sessions', 'durationMin', () => user.api.sessions.$post({ json: { questionId, durationMin: 45.5 } })],
    ['POST /api/assessments', 'durationMin', () => user.api.assessments.$post({ json: { durationMin: 45 } })],
    ['GET /api/sessions?from=0000-01-03', 'from', () => user.api.sessions.$get({ query: { from: '0000-01-03' } })],
    ['GET /api/sessions?to=2026-02-30', 'to', () => user.api.sessions.$get({ query: { to: '2026-02-30' } })],
    ['PUT /api/recaps/0000-01-03', 'weekStart', () => recap('0000-01-03', 'x')],
    ['PUT /api/recaps/2026-12-01', 'weekStart', () => recap('2026-12-01', 'x')],
    ['PUT /api/recaps/2026-11-30', 'markdown', () => recap('2026-11-30', 'nul \u0000')],
    [
      'POST /api/auth/signup',
      'password',
      () => user.api.auth.signup.$post({ json: { email: 'n@example.com', password: 'pass\uDC00word1', name: 'N' } })
    ]
  ] as const)('%s → 400 naming %s', async (_route, field, call) => {
    const res = await reply(call());
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.fields).toHaveProperty(field);
  });

  it('a phase the plan does not have, and an unknown criterion → 400 naming it', async () => {
    const id = await newSession();
    const param = { id };
    const phase = await reply(at().phases.$post({ param, json: { phaseId: 'coffee-break' } }));
    expect(phase.json.error.fields).toHaveProperty('phaseId');
    await answer(at().submit.$post({ param }));
    const score = await reply(at().scores.self.$put({ param, json: { ratings: { charisma: 3 } } }));
    expect(score.status).toBe(400);
    expect(score.json.error.fields).toHaveProperty('ratings.charisma');
  });
});
