/**
 * Limits that hold: a scene nested too deep or too large as stored, NUL characters, broken Unicode, lengths a mock
 * does not run for and absurd dates are refused up front (4xx naming the field), and a refused save leaves nothing.
 */
import { MAX_SCENE_BYTES } from '@mockloop/contracts';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { client, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let user: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture] });
  user = client(server.url);
  await user.signUp({ email: 'limits@example.com', password: 'limits-password-1', name: 'Limits' });
});
afterAll(() => server.close());

async function newSession(): Promise<string> {
  return (await user.request('POST', '/api/sessions', { questionId: designFixture.id })).json.session.id;
}

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
    const res = await user.request('PATCH', `/api/sessions/${id}/work`, body, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty('scene.elements.0');
    expect(await stored(id)).toEqual({ revision: 0, notes: {}, scene: null });
    const retry = await user.request('PATCH', `/api/sessions/${id}/work`, {
      revision: 0,
      notes: { design: 'without it' },
      scene: {
        elements: [
          {
            id: 'a',
            type: 'line',
            points: [
              [0, 0],
              [1, 1]
            ]
          }
        ]
      }
    });
    expect(retry.status).toBe(200);
    expect((await stored(id)).notes).toEqual({ design: 'without it' });
  });

  it.each([10.5, 11])('a %s MB scene (over 10 MiB as stored) → 413; nothing saved', async (megabytes) => {
    const id = await newSession();
    const image = 'x'.repeat(Math.round(megabytes * 1_000_000));
    const scene = { elements: [{ id: 'img', type: 'image' }], files: { f1: { dataURL: image } } };
    expect(JSON.stringify(scene).length).toBeGreaterThan(MAX_SCENE_BYTES);
    const res = await user.request('PATCH', `/api/sessions/${id}/work`, { revision: 0, notes: { design: 'x' }, scene });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await stored(id)).toEqual({ revision: 0, notes: {}, scene: null });
  });

  it('counts the scene limit in bytes: 3.6 M three-byte characters are 10.8 MB stored → 413', async () => {
    const id = await newSession();
    const scene = { elements: [{ id: 't', type: 'text', text: '€'.repeat(3_600_000) }] };
    const res = await user.request('PATCH', `/api/sessions/${id}/work`, { revision: 0, scene });
    expect(res.status).toBe(413);
  });

  it.each([
    ['a NUL character', 'before\u0000after'],
    ['a lone surrogate', 'broken \uD83D text'],
    ['over 100,000 bytes as stored (40,000 three-byte characters)', '€'.repeat(40_000)]
  ])('a note with %s → 400 naming the note', async (_, text) => {
    const id = await newSession();
    const res = await user.request('PATCH', `/api/sessions/${id}/work`, { revision: 0, notes: { design: text } });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty('notes.design');
    expect((await stored(id)).revision).toBe(0);
  });

  it('keeps emoji (surrogate pairs are well-formed)', async () => {
    const id = await newSession();
    const res = await user.request('PATCH', `/api/sessions/${id}/work`, { revision: 0, notes: { design: 'cache 🚀' } });
    expect(res.status).toBe(200);
  });
});

describe('bad values are refused, naming the field', () => {
  it.each([
    ['POST', '/api/sessions', 'durationMin', { questionId: designFixture.id, durationMin: 7 }],
    ['POST', '/api/sessions', 'durationMin', { questionId: designFixture.id, durationMin: 45.5 }],
    ['POST', '/api/assessments', 'durationMin', { durationMin: 45 }],
    ['GET', '/api/sessions?from=0000-01-03', 'from', undefined],
    ['GET', '/api/sessions?to=2026-02-30', 'to', undefined],
    ['PUT', '/api/recaps/0000-01-03', 'weekStart', { markdown: 'x' }],
    ['PUT', '/api/recaps/2026-12-01', 'weekStart', { markdown: 'x' }],
    ['PUT', '/api/recaps/2026-11-30', 'markdown', { markdown: 'nul \u0000' }],
    ['POST', '/api/auth/signup', 'password', { email: 'n@example.com', password: 'pass\uDC00word1', name: 'N' }]
  ])('%s %s → 400 naming %s', async (method, path, field, body) => {
    const res = await user.request(method, path, body);
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.fields).toHaveProperty(field);
  });

  it('a phase the plan does not have, and an unknown criterion → 400 naming it', async () => {
    const id = await newSession();
    const phase = await user.request('POST', `/api/sessions/${id}/phases`, { phaseId: 'coffee-break' });
    expect(phase.json.error.fields).toHaveProperty('phaseId');
    await user.request('POST', `/api/sessions/${id}/submit`);
    const score = await user.request('PUT', `/api/sessions/${id}/scores/self`, { ratings: { charisma: 3 } });
    expect(score.status).toBe(400);
    expect(score.json.error.fields).toHaveProperty('ratings.charisma');
  });
});
