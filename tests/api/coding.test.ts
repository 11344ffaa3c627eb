/** Coding sessions over HTTP: starter code, hidden tests only on submit and only to the owner, stored results. */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadQuestionBank, type VersionedQuestion } from '@mockloop/question-bank/load';
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
    expect(session.question.hiddenTestCount).toBe(7);
  });

  it('hands the hidden tests to the owner on submit, never to anyone else', async () => {
    const session = await start();
    const created = await owner.request('POST', `/api/sessions/${session.id}/submissions`, {
      language: 'javascript',
      code: 'function twoSum() {}'
    });
    expect(created.status).toBe(201);
    expect(created.json.n).toBe(1);
    // Seven of the ten: every third is held back for a reviewer's confirmation.
    expect(created.json.tests).toHaveLength(7);
    expect(created.json.performance).toEqual([]); // the fixture has no performance test
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
      results: [...passAll(4), ...Array.from({ length: 3 }, () => ({ verdict: 'fail', ms: 2 }))]
    });
    expect(saved.json).toEqual({ n: 2, passed: 4, total: 7 });
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
      [2, 4]
    ]);
  });

  it('refuses results once the session is finished, and rates tests and time from the evidence', async () => {
    const session = await start();
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'typescript', code: 'x' });
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'typescript', code: 'y' });
    await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, { results: passAll(7) });
    const submitted = (await owner.request('POST', `/api/sessions/${session.id}/submit`)).json.session;
    const late = await owner.request('PUT', `/api/sessions/${session.id}/submissions/2/result`, {
      results: passAll(7)
    });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('SESSION_LOCKED');
    expect(submitted.evidence.coding).toMatchObject({ passed: 7, total: 7, boxMinutes: 15, confirmed: false });
    const passRate = submitted.rubric.criteria.find((c: { auto?: string }) => c.auto === 'testPassRate');
    expect(submitted.evidence.autoRatings[passRate.id].rating).toBe(4);
  });

  it('hands over the performance tests as seeds with their judged value, and counts them in the result', async () => {
    // A bank problem with a performance test (Contains Duplicate: 100 000 distinct values), on a server of its own.
    const withPerformance = (await loadQuestionBank()).find(
      (q) => q.id === 'lc-0217-contains-duplicate'
    ) as VersionedQuestion & { kind: 'coding' };
    const own = await startTestServer({ questions: [withPerformance] });
    onTestFinished(() => own.close());
    const owner = client(own.url);
    await owner.signUp({ email: 'perf@example.com', password: 'perf-pass-1', name: 'P' });
    const session = (await owner.request('POST', '/api/sessions', { questionId: withPerformance.id })).json.session;
    expect(session.question).toMatchObject({
      performanceTestCount: 1,
      timeLimitMs: withPerformance.performance.timeLimitMs
    });
    const created = await owner.request('POST', `/api/sessions/${session.id}/submissions`, {
      language: 'javascript',
      code: 'function containsDuplicate() {}'
    });
    const [test] = withPerformance.performance.tests;
    expect(created.json.performance).toEqual([test]);
    expect(created.json.performance[0]).toMatchObject({ seed: expect.any(Number), params: expect.any(Object) });
    const hidden = created.json.tests.length;
    // A Time Limit Exceeded on the last hidden test: the performance test after it was not run.
    const results = [...passAll(hidden - 1), { verdict: 'timeout', ms: 1500 }, { verdict: 'notRun', ms: 0 }];
    const saved = await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, { results });
    expect(saved.json).toEqual({ n: 1, passed: hidden - 1, total: hidden + 1 });
    const listed = (await owner.request('GET', `/api/sessions/${session.id}/submissions`)).json.items[0];
    expect(listed.results.at(-1)).toEqual({ verdict: 'notRun', ms: 0 });
  });
});

describe('results a reviewer can trust', () => {
  async function withReviewer() {
    const session = await start();
    const reviewer = client(server.url);
    await reviewer.signUp({
      email: `reviewer-${Math.random().toString(36).slice(2)}@coding.example`,
      password: 'reviewer-password-1',
      name: 'Rita'
    });
    const invite = (await owner.request('POST', `/api/sessions/${session.id}/invites`, {})).json;
    await reviewer.request('POST', '/api/invites/accept', { token: invite.token });
    return { session, reviewer };
  }
  const confirmationOf = async (sessionId: string, n: number, as = owner) =>
    (await as.request('GET', `/api/sessions/${sessionId}/submissions`)).json.items.find((s: { n: number }) => s.n === n)
      .confirmations;

  it('records a candidate’s result once: a forged rewrite gets 409 and changes nothing', async () => {
    const session = await start();
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'python', code: 'pass' });
    const failAll = Array.from({ length: 7 }, () => ({ verdict: 'fail', ms: 1 }));
    expect(
      (await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, { results: failAll })).status
    ).toBe(200);
    const rewrite = await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, {
      results: passAll(7)
    });
    expect(rewrite.status).toBe(409);
    expect(rewrite.json.error.code).toBe('RESULT_RECORDED');
    const listed = (await owner.request('GET', `/api/sessions/${session.id}/submissions`)).json.items[0];
    expect(listed).toMatchObject({ passed: 0, total: 7, confirmations: [] });
  });

  it('serves the held-back inputs to reviewers only, never the expected outputs, and never to the candidate', async () => {
    const { session, reviewer } = await withReviewer();
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'python', code: 'pass' });
    const served = (
      await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'python', code: 'x' })
    ).json.tests;
    const mine = await owner.request('GET', `/api/sessions/${session.id}/submissions/1/confirmation-tests`);
    expect(mine.status).toBe(403);
    expect(mine.json.error.code).toBe('REVIEWERS_ONLY');
    const res = await reviewer.request('GET', `/api/sessions/${session.id}/submissions/1/confirmation-tests`);
    expect(res.status).toBe(200);
    expect(res.json.inputs).toHaveLength(3);
    expect(res.text).not.toContain('expected');
    // None of the held-back inputs was ever given to the candidate.
    const given = new Set(served.map((t: { input: unknown }) => JSON.stringify(t.input)));
    for (const input of res.json.inputs) expect(given.has(JSON.stringify(input))).toBe(false);
    expect((await stranger.request('GET', `/api/sessions/${session.id}/submissions/1/confirmation-tests`)).status).toBe(
      404
    );
    expect((await reviewer.request('GET', `/api/sessions/${session.id}/submissions/9/confirmation-tests`)).status).toBe(
      404
    );
  });

  it('judges a reviewer’s outputs on the server, once: a forged candidate PUT cannot make a peer-confirmed pass', async () => {
    const { session, reviewer } = await withReviewer();
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, {
      language: 'javascript',
      code: 'function twoSum() { return [-1, -1]; }'
    });
    // The candidate claims a pass, and tries to confirm it too.
    await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, { results: passAll(7) });
    const forged = await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/confirmation`, {
      outcomes: Array.from({ length: 3 }, () => ({ kind: 'output', value: [0, 1] }))
    });
    expect(forged.status).toBe(403);
    expect(await confirmationOf(session.id, 1)).toEqual([]);
    // The reviewer's browser ran the code: it returned [-1, -1] on two tests and timed out on the third.
    const outcomes = [{ kind: 'output', value: [-1, -1] }, { kind: 'output', value: [-1, -1] }, { kind: 'timeout' }];
    const confirmed = await reviewer.request('PUT', `/api/sessions/${session.id}/submissions/1/confirmation`, {
      outcomes
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({
      passed: 0,
      total: 3,
      results: [{ verdict: 'fail' }, { verdict: 'fail' }, { verdict: 'timeout' }]
    });
    const again = await reviewer.request('PUT', `/api/sessions/${session.id}/submissions/1/confirmation`, {
      outcomes: Array.from({ length: 3 }, () => ({ kind: 'output', value: [0, 1] }))
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('CONFIRMATION_RECORDED');
    expect(await confirmationOf(session.id, 1)).toMatchObject([{ reviewerName: 'Rita', passed: 0, total: 3 }]);
    const wrongCount = await reviewer.request('PUT', `/api/sessions/${session.id}/submissions/1/confirmation`, {
      outcomes: []
    });
    expect(wrongCount.status).toBe(400);
  });

  it('answers the same confirmation sent twice (at once or again) with what was recorded, not a false 409', async () => {
    const { session, reviewer } = await withReviewer();
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'python', code: 'failing' });
    await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, {
      results: Array.from({ length: 7 }, () => ({ verdict: 'fail', ms: 1 }))
    });
    const outcomes = Array.from({ length: 3 }, () => ({ kind: 'output', value: [-1, -1] }));
    const put = () => reviewer.request('PUT', `/api/sessions/${session.id}/submissions/1/confirmation`, { outcomes });
    const answers = [...(await Promise.all([put(), put()])), await put()];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    for (const answer of answers) expect(answer.json).toMatchObject({ n: 1, passed: 0, total: 3 });
    expect(await confirmationOf(session.id, 1)).toHaveLength(1);
  });

  it('records a true pass as peer-confirmed, and the evidence says so', async () => {
    const { session, reviewer } = await withReviewer();
    await owner.request('POST', `/api/sessions/${session.id}/submissions`, { language: 'python', code: 'ok' });
    await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, { results: passAll(7) });
    const { inputs } = (await reviewer.request('GET', `/api/sessions/${session.id}/submissions/1/confirmation-tests`))
      .json;
    // The fixture's answer is [0, 1] for every hidden test.
    const outcomes = inputs.map(() => ({ kind: 'output', value: [1, 0] }));
    const confirmed = await reviewer.request('PUT', `/api/sessions/${session.id}/submissions/1/confirmation`, {
      outcomes
    });
    expect(confirmed.json).toMatchObject({ passed: 3, total: 3 });
    const submitted = (await owner.request('POST', `/api/sessions/${session.id}/submit`)).json.session;
    expect(submitted.evidence.coding).toMatchObject({
      passed: 7,
      total: 7,
      confirmed: true,
      confirmedPassed: 3,
      confirmedTotal: 3
    });
  });
});
