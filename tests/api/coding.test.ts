/** Coding sessions over HTTP: starter code, hidden tests only on submit and only to the owner, stored results. */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadQuestionBank, type VersionedQuestion } from '@mockloop/question-bank/load';
import { codingFixture, codingFixtureTwo, designFixture, HIDDEN_MARKER } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer, type JsonOf } from '../support/server.ts';

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

const start = async () =>
  (await answer(owner.api.sessions.$post({ json: { questionId: codingFixture.id } }), 201)).session;
const passAll = (n: number) => Array.from({ length: n }, () => ({ verdict: 'pass' as const, ms: 1 }));
/** A session's coding routes as `as` calls them, typed by the routes. */
function coding(as: ReturnType<typeof client>, id: string) {
  const session = as.api.sessions[':id'];
  const submission = session.submissions[':n'];
  const param = (n: number) => ({ id, n: String(n) });
  return {
    submit: (json: JsonOf<typeof session.submissions.$post>) => session.submissions.$post({ param: { id }, json }),
    list: () => session.submissions.$get({ param: { id } }),
    result: (n: number, json: JsonOf<typeof submission.result.$put>) =>
      submission.result.$put({ param: param(n), json }),
    confirmationTests: (n: number) => submission['confirmation-tests'].$get({ param: param(n) }),
    confirm: (n: number, json: JsonOf<typeof submission.confirmation.$put>) =>
      submission.confirmation.$put({ param: param(n), json }),
    finish: () => session.submit.$post({ param: { id } })
  };
}

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
    expect(session.question.kind === 'coding' && session.question.hiddenTestCount).toBe(7);
  });

  it('hands the hidden tests to the owner on submit, never to anyone else', async () => {
    const session = await start();
    const created = await reply(
      coding(owner, session.id).submit({ language: 'javascript', code: 'function twoSum() {}' })
    );
    expect(created.status).toBe(201);
    expect(created.json.n).toBe(1);
    // Seven of the ten: every third is held back for a reviewer's confirmation.
    expect(created.json.tests).toHaveLength(7);
    expect(created.json.performance).toEqual([]); // the fixture has no performance test
    expect(created.text).not.toContain(HIDDEN_MARKER); // the notes stay on the server; inputs and outputs only
    const refused = await reply(coding(stranger, session.id).submit({ language: 'python', code: 'x' }));
    expect(refused.status).toBe(404);
    expect((await reply(coding(stranger, session.id).list())).status).toBe(404);
    const anonymous = coding(client(server.url), session.id);
    expect((await reply(anonymous.submit({ language: 'python', code: 'x' }))).status).toBe(401);
  });

  it('stores each submission’s result, refuses unknown submissions, wrong counts and bad bodies', async () => {
    const session = await start();
    const mine = coding(owner, session.id);
    await answer(mine.submit({ language: 'python', code: 'a' }), 201);
    const second = await answer(mine.submit({ language: 'python', code: 'b' }), 201);
    expect(second.n).toBe(2);
    const saved = await answer(
      mine.result(2, {
        results: [...passAll(4), ...Array.from({ length: 3 }, () => ({ verdict: 'fail' as const, ms: 2 }))]
      })
    );
    expect(saved).toEqual({ n: 2, passed: 4, total: 7 });
    expect((await reply(mine.result(9, { results: passAll(10) }))).status).toBe(404);
    const wrongCount = await reply(mine.result(1, { results: passAll(3) }));
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.json.error.fields).toHaveProperty('results');
    // Bad bodies on purpose: a verdict and a language the contract does not have.
    const badVerdict = await owner.request('PUT', `/api/sessions/${session.id}/submissions/1/result`, {
      results: [{ verdict: 'maybe', ms: 1 }]
    });
    expect(Object.keys(badVerdict.json.error.fields)).toEqual(['results.0.verdict']);
    const badLanguage = await owner.request('POST', `/api/sessions/${session.id}/submissions`, {
      language: 'cobol',
      code: ''
    });
    expect(Object.keys(badLanguage.json.error.fields)).toEqual(['language']);
    const listed = (await answer(mine.list())).items;
    expect(listed.map((s) => [s.n, s.passed])).toEqual([
      [1, null],
      [2, 4]
    ]);
  });

  it('refuses results once the session is finished, and rates tests and time from the evidence', async () => {
    const session = await start();
    const mine = coding(owner, session.id);
    await answer(mine.submit({ language: 'typescript', code: 'x' }), 201);
    await answer(mine.submit({ language: 'typescript', code: 'y' }), 201);
    await answer(mine.result(1, { results: passAll(7) }));
    const submitted = (await answer(mine.finish())).session;
    const late = await reply(mine.result(2, { results: passAll(7) }));
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('SESSION_LOCKED');
    expect(submitted.evidence?.coding).toMatchObject({ passed: 7, total: 7, boxMinutes: 15, confirmed: false });
    const passRate = submitted.rubric.criteria.find((c) => c.auto === 'testPassRate')!;
    expect(submitted.evidence?.autoRatings[passRate.id]!.rating).toBe(4);
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
    const { session } = await answer(owner.api.sessions.$post({ json: { questionId: withPerformance.id } }), 201);
    // The performance tests are a ladder (growth judged between its rungs): every rung is handed over.
    const ladder = withPerformance.performance.tests;
    expect(ladder.length).toBeGreaterThanOrEqual(2);
    expect(session.question).toMatchObject({
      performanceTestCount: ladder.length,
      timeLimitMs: withPerformance.performance.timeLimitMs
    });
    const mine = coding(owner, session.id);
    const created = await answer(mine.submit({ language: 'javascript', code: 'function containsDuplicate() {}' }), 201);
    expect(created.performance).toEqual(ladder);
    for (const rung of created.performance)
      expect(rung).toMatchObject({ seed: expect.any(Number), params: expect.any(Object) });
    const hidden = created.tests.length;
    // A Time Limit Exceeded on the last hidden test: the performance tests after it were not run.
    const results = [
      ...passAll(hidden - 1),
      { verdict: 'timeout' as const, ms: 1500 },
      ...ladder.map(() => ({ verdict: 'notRun' as const, ms: 0 }))
    ];
    const saved = await answer(mine.result(1, { results }));
    expect(saved).toEqual({ n: 1, passed: hidden - 1, total: hidden + ladder.length });
    const [listed] = (await answer(mine.list())).items;
    expect(listed!.results!.at(-1)).toEqual({ verdict: 'notRun', ms: 0 });
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
    const invite = await answer(owner.api.sessions[':id'].invites.$post({ param: { id: session.id }, json: {} }), 201);
    await answer(reviewer.api.invites.accept.$post({ json: { token: invite.token } }));
    return { session, reviewer };
  }
  const confirmationOf = async (sessionId: string, n: number, as = owner) =>
    (await answer(coding(as, sessionId).list())).items.find((s) => s.n === n)!.confirmations;

  it('records a candidate’s result once: a forged rewrite gets 409 and changes nothing', async () => {
    const session = await start();
    const mine = coding(owner, session.id);
    await answer(mine.submit({ language: 'python', code: 'pass' }), 201);
    const failAll = Array.from({ length: 7 }, () => ({ verdict: 'fail' as const, ms: 1 }));
    expect((await reply(mine.result(1, { results: failAll }))).status).toBe(200);
    const rewrite = await reply(mine.result(1, { results: passAll(7) }));
    expect(rewrite.status).toBe(409);
    expect(rewrite.json.error.code).toBe('RESULT_RECORDED');
    const [listed] = (await answer(mine.list())).items;
    expect(listed).toMatchObject({ passed: 0, total: 7, confirmations: [] });
  });

  it('serves the held-back inputs to reviewers only, never the expected outputs, and never to the candidate', async () => {
    const { session, reviewer } = await withReviewer();
    const mine = coding(owner, session.id);
    const theirs = coding(reviewer, session.id);
    await answer(mine.submit({ language: 'python', code: 'pass' }), 201);
    const served = (await answer(mine.submit({ language: 'python', code: 'x' }), 201)).tests;
    const refused = await reply(mine.confirmationTests(1));
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('REVIEWERS_ONLY');
    const res = await reply(theirs.confirmationTests(1));
    expect(res.status).toBe(200);
    expect(res.json.inputs).toHaveLength(3);
    expect(res.text).not.toContain('expected');
    // None of the held-back inputs was ever given to the candidate.
    const given = new Set(served.map((t) => JSON.stringify(t.input)));
    for (const input of res.json.inputs) expect(given.has(JSON.stringify(input))).toBe(false);
    expect((await reply(coding(stranger, session.id).confirmationTests(1))).status).toBe(404);
    expect((await reply(theirs.confirmationTests(9))).status).toBe(404);
  });

  it('judges a reviewer’s outputs on the server, once: a forged candidate PUT cannot make a peer-confirmed pass', async () => {
    const { session, reviewer } = await withReviewer();
    const mine = coding(owner, session.id);
    const theirs = coding(reviewer, session.id);
    await answer(mine.submit({ language: 'javascript', code: 'function twoSum() { return [-1, -1]; }' }), 201);
    // The candidate claims a pass, and tries to confirm it too.
    await answer(mine.result(1, { results: passAll(7) }));
    const forged = await reply(
      mine.confirm(1, { outcomes: Array.from({ length: 3 }, () => ({ kind: 'output' as const, value: [0, 1] })) })
    );
    expect(forged.status).toBe(403);
    expect(await confirmationOf(session.id, 1)).toEqual([]);
    // The reviewer's browser ran the code: it returned [-1, -1] on two tests and timed out on the third.
    const outcomes = [
      { kind: 'output' as const, value: [-1, -1] },
      { kind: 'output' as const, value: [-1, -1] },
      { kind: 'timeout' as const }
    ];
    const confirmed = await reply(theirs.confirm(1, { outcomes }));
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({
      passed: 0,
      total: 3,
      results: [{ verdict: 'fail' }, { verdict: 'fail' }, { verdict: 'timeout' }]
    });
    const again = await reply(
      theirs.confirm(1, { outcomes: Array.from({ length: 3 }, () => ({ kind: 'output' as const, value: [0, 1] })) })
    );
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('CONFIRMATION_RECORDED');
    expect(await confirmationOf(session.id, 1)).toMatchObject([{ reviewerName: 'Rita', passed: 0, total: 3 }]);
    const wrongCount = await reply(theirs.confirm(1, { outcomes: [] }));
    expect(wrongCount.status).toBe(400);
  });

  it('answers the same confirmation sent twice (at once or again) with what was recorded, not a false 409', async () => {
    const { session, reviewer } = await withReviewer();
    const mine = coding(owner, session.id);
    await answer(mine.submit({ language: 'python', code: 'failing' }), 201);
    await answer(mine.result(1, { results: Array.from({ length: 7 }, () => ({ verdict: 'fail' as const, ms: 1 })) }));
    const outcomes = Array.from({ length: 3 }, () => ({ kind: 'output' as const, value: [-1, -1] }));
    const put = () => reply(coding(reviewer, session.id).confirm(1, { outcomes }));
    const answers = [...(await Promise.all([put(), put()])), await put()];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    for (const answer of answers) expect(answer.json).toMatchObject({ n: 1, passed: 0, total: 3 });
    expect(await confirmationOf(session.id, 1)).toHaveLength(1);
  });

  it('records a true pass as peer-confirmed, and the evidence says so', async () => {
    const { session, reviewer } = await withReviewer();
    const mine = coding(owner, session.id);
    const theirs = coding(reviewer, session.id);
    await answer(mine.submit({ language: 'python', code: 'ok' }), 201);
    await answer(mine.result(1, { results: passAll(7) }));
    const { inputs } = await answer(theirs.confirmationTests(1));
    // The fixture's answer is [0, 1] for every hidden test.
    const outcomes = inputs.map(() => ({ kind: 'output' as const, value: [1, 0] }));
    const confirmed = await answer(theirs.confirm(1, { outcomes }));
    expect(confirmed).toMatchObject({ passed: 3, total: 3 });
    const submitted = (await answer(mine.finish())).session;
    expect(submitted.evidence?.coding).toMatchObject({
      passed: 7,
      total: 7,
      confirmed: true,
      confirmedPassed: 3,
      confirmedTotal: 3
    });
  });
});
