/** Coding sessions over HTTP: starter code, hidden tests only on submit and only to the owner, stored results. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingFixture, codingFixtureTwo, designFixture, HIDDEN_MARKER } from '../support/fixtures.ts';
import { client, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let owner: ReturnType<typeof client>;
let stranger: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer({ questions: [codingFixture, codingFixtureTwo, designFixture] });
  owner = client(server.url);
  stranger = client(server.url);
  await owner.signUp({
    email: 'coder@example.com',
    password: 'coder-pass-1',
    name: 'Coder'
  });
  await stranger.signUp({
    email: 'other@coding.example',
    password: 'other-pass-1',
    name: 'O'
  });
});
afterAll(() => server.close());

const start = async () => (await owner.request('POST', '/api/sessions', { questionId: codingFixture.id })).json.session;
const passAll = (n: number) => Array.from({ length: n }, () => ({ verdict: 'pass', ms: 1 }));

describe('a coding session', () => {
  it('starts on the time box of the difficulty, with the starter code in every language', async () => {
    const session = await start();
    expect(session).toMatchObject({ kind: 'coding', durationMin: 15, phasePlan: [] });
    expect(session.work.notes).toMatchObject({
      language: 'typescript',
      codeTypescript: codingFixture.kind === 'coding' ? codingFixture.starter.typescript : '',
      codePython: expect.stringContaining('def two_sum')
    });
    expect(JSON.stringify(session)).not.toContain(HIDDEN_MARKER);
    expect(session.question.hiddenTestCount).toBe(10);
  });

  it('hands the hidden tests to the owner on submit, never to anyone else', async () => {
    const session = await start();
    const created = await owner.request('POST', `/api/sessions/${session.id}/submissions`, {
      language: 'javascript',
      code: 'function twoSum() {}'
    });
    expect(created.status).toBe(201);
    expect(created.json.n).toBe(1);
    expect(created.json.tests).toHaveLength(10);
    expect(created.text).not.toContain(HIDDEN_MARKER); // the notes stay on the server; inputs and outputs only
    const refused = await stranger.request('POST', `/api/sessions/${session.id}/submissions`, {
      language: 'python',
      code: 'x'
    });
    expect(refused.status).toBe(404);
    expect((await stranger.request('GET', `/api/sessions/${session.id}/submissions`)).status).toBe(404);
    expect((await client(server.url).request('POST', `/api/sessions/${session.id}/submissions`, {})).status).toBe(401);
  });

  it('stores each submission’s result, refuses unknown submissions, wrong counts and bad bodies', async () => {
    const session = await start();
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'python', code: 'a' });
    const second = await owner.request('POST', `/api/sessions/${session.id}/submissions`, {
      language: 'python',
      code: 'b'
    });
    expect(second.json.n).toBe(2);
    const saved = await owner.request('PUT', `/api/sessions/${session.id}/submissions/2/result`, {
      results: [...passAll(7), ...Array.from({ length: 3 }, () => ({ verdict: 'fail', ms: 2 }))]
    });
    expect(saved.json).toEqual({ n: 2, passed: 7, total: 10 });
    expect(
      (await owner.request('PUT', `/api/sessions/${session.id}/submissions/9/result`, { results: passAll(10) })).status
    ).toBe(404);
    const wrongCount = await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, {
      results: passAll(3)
    });
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.json.error.fields).toHaveProperty('results');
    const badVerdict = await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, {
      results: [{ verdict: 'maybe', ms: 1 }]
    });
    expect(Object.keys(badVerdict.json.error.fields)).toEqual(['results.0.verdict']);
    const badLanguage = await owner.request('POST', `/api/sessions/${session.id}/submissions`, {
      language: 'cobol',
      code: ''
    });
    expect(Object.keys(badLanguage.json.error.fields)).toEqual(['language']);
    const listed = (await owner.request('GET', `/api/sessions/${session.id}/submissions`)).json.items;
    expect(listed.map((s: { n: number; passed: number | null }) => [s.n, s.passed])).toEqual([
      [1, null],
      [2, 7]
    ]);
  });

  it('refuses results once the session is finished, and rates tests and time from the evidence', async () => {
    const session = await start();
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'typescript', code: 'x' });
    await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, { results: passAll(10) });
    const submitted = (await owner.request('POST', `/api/sessions/${session.id}/submit`)).json.session;
    const late = await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, {
      results: passAll(10)
    });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('SESSION_LOCKED');
    expect(submitted.evidence.coding).toMatchObject({ passed: 10, total: 10, boxMinutes: 15 });
    const passRate = submitted.rubric.criteria.find((c: { auto?: string }) => c.auto === 'testPassRate');
    expect(submitted.evidence.autoRatings[passRate.id].rating).toBe(4);
  });
});

describe('re-running a submission', () => {
  it('gives the hidden tests of a submission already made, and 404 for one that was not', async () => {
    const session = await start();
    expect((await owner.request('GET', `/api/sessions/${session.id}/submissions/1/tests`)).status).toBe(404);
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'python', code: 'pass' });
    const res = await owner.request('GET', `/api/sessions/${session.id}/submissions/1/tests`);
    expect(res.status).toBe(200);
    expect(res.json.tests).toHaveLength(10);
    expect((await stranger.request('GET', `/api/sessions/${session.id}/submissions/1/tests`)).status).toBe(404);
    expect((await owner.request('GET', `/api/sessions/${session.id}/submissions/0/tests`)).status).toBe(400);
  });
});

describe('an assessment: two problems, one clock', () => {
  it('starts both problems on one 90-minute clock, each with its own work, and lists them in order', async () => {
    const res = await owner.request('POST', '/api/assessments', {
      questionIds: [codingFixture.id, codingFixtureTwo.id]
    });
    expect(res.status).toBe(201);
    const first = res.json.session;
    expect(first).toMatchObject({ kind: 'coding', durationMin: 90, question: { id: codingFixture.id } });
    expect(first.assessment.parts.map((p: { questionId: string }) => p.questionId)).toEqual([
      codingFixture.id,
      codingFixtureTwo.id
    ]);
    const secondId = first.assessment.parts[1].sessionId;
    const second = (await owner.request('GET', `/api/sessions/${secondId}`)).json.session;
    expect(second.deadline).toBe(first.deadline);
    expect(second.assessment).toEqual(first.assessment);
    expect(second.work.notes.codePython).toContain('def largest');

    // Work on one problem never touches the other's.
    const saved = await owner.request('PATCH', `/api/sessions/${first.id}/work`, {
      revision: first.revision,
      notes: { codePython: 'def two_sum(nums, target):\n    return [0, 1]' }
    });
    expect(saved.status).toBe(200);
    expect((await owner.request('GET', `/api/sessions/${secondId}`)).json.session.work.notes.codePython).toContain(
      'def largest'
    );
    // The stranger sees neither problem.
    expect((await stranger.request('GET', `/api/sessions/${secondId}`)).status).toBe(404);
  });

  it('finishing either problem finishes the assessment', async () => {
    const first = (
      await owner.request('POST', '/api/assessments', { questionIds: [codingFixtureTwo.id, codingFixture.id] })
    ).json.session;
    const secondId = first.assessment.parts[1].sessionId;
    const finished = await owner.request('POST', `/api/sessions/${secondId}/submit`);
    expect(finished.json.session.assessment.parts.map((p: { status: string }) => p.status)).toEqual([
      'submitted',
      'submitted'
    ]);
    const other = (await owner.request('GET', `/api/sessions/${first.id}`)).json.session;
    expect(other).toMatchObject({ status: 'submitted', submitReason: 'finished' });
  });

  it('picks an easier and a harder problem when none are chosen', async () => {
    const first = (await owner.request('POST', '/api/assessments', {})).json.session;
    expect(first.question.id).toBe(codingFixture.id);
    expect(first.assessment.parts[1].questionId).toBe(codingFixtureTwo.id);
  });

  it.each([
    ['the same problem twice', { questionIds: [codingFixture.id, codingFixture.id] }, 'questionIds'],
    ['one problem', { questionIds: [codingFixture.id] }, 'questionIds'],
    ['a design question', { questionIds: [codingFixture.id, designFixture.id] }, 'questionIds.1'],
    ['an unknown problem', { questionIds: ['nope', codingFixture.id] }, 'questionIds.0'],
    ['a length it does not offer', { durationMin: 45 }, 'durationMin']
  ])('refuses %s with 400 and the field', async (_name, body, field) => {
    const res = await owner.request('POST', '/api/assessments', body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.json.error.fields)).toContain(field);
  });
});
