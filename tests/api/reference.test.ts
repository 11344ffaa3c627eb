/**
 * The reference answer comes only after the session: a coding problem's editorial with its complexity and the
 * bank's reference solutions, a design prompt's model answer outline. Before the end, no response the candidate
 * gets carries any of it, and asking for it is refused.
 */
import { loadQuestionBank } from '@mockloop/question-bank/load';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingFixture, designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

const twoSum = (await loadQuestionBank()).find((q) => q.id === 'lc-0001-two-sum')!;
let server: Awaited<ReturnType<typeof startTestServer>>;
let candidate: ReturnType<typeof client>;
let stranger: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture, codingFixture, twoSum] });
  candidate = client(server.url);
  await candidate.signUp({ email: 'cand@reference.example', password: 'cand-password-1', name: 'Cand' });
  stranger = client(server.url);
  await stranger.signUp({ email: 'other@reference.example', password: 'other-password-1', name: 'Other' });
});
afterAll(() => server.close());

const reference = (as: ReturnType<typeof client>, id: string) =>
  reply(as.api.sessions[':id'].reference.$get({ param: { id } }));

/** Starts a session on `questionId` and returns every response the candidate got while it ran, and its id. */
async function run(questionId: string) {
  const started = await answer(candidate.api.sessions.$post({ json: { questionId } }), 201);
  const id = started.session.id;
  const read = await answer(candidate.api.sessions[':id'].$get({ param: { id } }));
  const early = await reference(candidate, id);
  return { id, seen: [started, read, early.json], early };
}

describe('the reference answer', () => {
  it('coding: refused while the mock runs, and no response carries the editorial; then the editorial and solutions', async () => {
    if (twoSum.kind !== 'coding') throw new Error('lc-0001 is a coding problem');
    const { id, seen, early } = await run(twoSum.id);
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('CONFLICT');
    expect(JSON.stringify(seen)).not.toContain(twoSum.editorial.approach);
    const catalog = await answer(candidate.api.questions[':id'].$get({ param: { id: twoSum.id } }));
    expect(JSON.stringify(catalog)).not.toContain(twoSum.editorial.approach);
    await answer(candidate.api.sessions[':id'].submit.$post({ param: { id } }));
    const after = await answer(candidate.api.sessions[':id'].reference.$get({ param: { id } }));
    expect(after.reference).toMatchObject({ kind: 'coding', ...twoSum.editorial });
    expect(after.reference?.kind === 'coding' && after.reference.solutions?.python).toMatch(/^def two_sum\(/m);
    expect((await reference(stranger, id)).status).toBe(404);
  });

  it('coding: a problem whose solutions the bank lacks still gives its editorial', async () => {
    const { id } = await run(codingFixture.id);
    await answer(candidate.api.sessions[':id'].submit.$post({ param: { id } }));
    const after = await answer(candidate.api.sessions[':id'].reference.$get({ param: { id } }));
    expect(after.reference).toMatchObject({ kind: 'coding', time: 'O(n)', solutions: null });
  });

  it('design: refused while it runs; then the model answer outline, senior points first, and the follow-ups', async () => {
    if (designFixture.kind !== 'design') throw new Error('a design fixture');
    const { id, early } = await run(designFixture.id);
    expect(early.status).toBe(409);
    await answer(candidate.api.sessions[':id'].submit.$post({ param: { id } }));
    const after = await answer(candidate.api.sessions[':id'].reference.$get({ param: { id } }));
    if (after.reference?.kind !== 'design') throw new Error('a design reference');
    expect(after.reference.outline.map((p) => p.point).sort()).toEqual(
      designFixture.keyPoints.map((p) => p.point).sort()
    );
    const levels = after.reference.outline.map((p) => p.level);
    expect(levels).toEqual(
      [...levels].sort(
        (a, b) => ['senior', 'staff', 'principal'].indexOf(a) - ['senior', 'staff', 'principal'].indexOf(b)
      )
    );
    expect(after.reference.followUps).toEqual(designFixture.followUps);
  });
});
