/**
 * Bodies nested thousands of levels deep get a 400 naming the field, never a 500, on the routes that take free-form
 * JSON beside the autosave (limits.test.ts): the room's drafts (the scene's 32-level rule) and a reviewer's
 * confirmation outputs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingFixture, designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let owner: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture, codingFixture] });
  owner = client(server.url);
  await owner.signUp({ email: 'nested@example.com', password: 'nested-password-1', name: 'Nested' });
});
afterAll(() => server.close());

/** JSON text of an object nested `depth` levels deep (too deep for JSON.stringify to write). */
const nestedJson = (depth: number) => '{"child":'.repeat(depth) + '1' + '}'.repeat(depth);
const asJson = { 'content-type': 'application/json' };

describe('POST …/drafts', () => {
  it.each([
    { depth: 5000, status: 400 },
    { depth: 31, status: 400 },
    { depth: 29, status: 202 }
  ])('an element nested $depth deep → $status', async ({ depth, status }) => {
    const { session } = await answer(owner.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
    // Raw JSON text on purpose (too deep for JSON.stringify to write): the untyped client.
    const body = `{"elements":[{"id":"a","type":"line","customData":${nestedJson(depth)}}]}`;
    const res = await owner.request('POST', `/api/sessions/${session.id}/drafts`, body, asJson);
    expect(res.status).toBe(status);
    if (status === 400) {
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(res.json.error.fields).toEqual({ 'elements.0': 'Nested more than 32 levels deep' });
    }
  });
});

describe('PUT …/confirmation', () => {
  it('an output nested 5,000 deep → 400 naming the outcome; a well-formed one is then recorded', async () => {
    const { session } = await answer(owner.api.sessions.$post({ json: { questionId: codingFixture.id } }), 201);
    const param = { id: session.id };
    const reviewer = client(server.url);
    await reviewer.signUp({ email: 'nested-reviewer@example.com', password: 'reviewer-password-1', name: 'Rita' });
    const { token } = await answer(owner.api.sessions[':id'].invites.$post({ param, json: {} }), 201);
    await answer(reviewer.api.invites.accept.$post({ json: { token } }));
    await answer(owner.api.sessions[':id'].submissions.$post({ param, json: { language: 'python', code: 'x' } }), 201);
    const path = `/api/sessions/${session.id}/submissions/1/confirmation`;
    // Raw JSON text on purpose (too deep for JSON.stringify to write): the untyped client.
    const deep = `{"outcomes":[{"kind":"output","value":${nestedJson(5000)}},{"kind":"timeout"},{"kind":"timeout"}]}`;
    const res = await reviewer.request('PUT', path, deep, asJson);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.json.error.fields)).toEqual(['outcomes.0.value']);
    const outcomes = Array.from({ length: 3 }, () => ({ kind: 'timeout' as const }));
    const confirmation = reviewer.api.sessions[':id'].submissions[':n'].confirmation;
    expect((await reply(confirmation.$put({ param: { ...param, n: '1' }, json: { outcomes } }))).status).toBe(200);
  });
});
