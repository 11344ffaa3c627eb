/** The behavioral mock over HTTP on the real database: drawing prompts, STAR autosave, time boxes, evidence, scoring. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behavioralFixture, behavioralFixtureThree, behavioralFixtureTwo, designFixture } from '../support/fixtures.ts';
import { client, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let owner: ReturnType<typeof client>;

const questions = [designFixture, behavioralFixture, behavioralFixtureTwo, behavioralFixtureThree];

beforeAll(async () => {
  server = await startTestServer({ questions });
  owner = client(server.url);
  await owner.signUp({ email: 'star@example.com', password: 'star-pass-1', name: 'Star' });
});
afterAll(() => server.close());

const strongAnswer = {
  p1Situation: 'Two teams owned halves of the checkout flow and kept breaking each other every release.',
  p1Task: 'I was asked to get both teams shipping again without a reorganisation.',
  p1Action: 'I mapped every incident to its cause, I ran a joint review and we agreed one contract test suite.',
  p1Result: 'Release rollbacks fell from 6 a month to 1 within a quarter.',
  p1Differently: 'I would have brought the product managers in from the first week.'
};

async function startMock(body: object) {
  const res = await owner.request('POST', '/api/behavioral-mocks', body);
  expect(res.status, res.text).toBe(201);
  return res.json.session;
}

describe('starting a behavioral mock', () => {
  it('draws prompts by level and theme, each a phase with its own time box', async () => {
    const session = await startMock({ durationMin: 30, count: 2, level: 'staff', theme: 'conflict' });
    expect(session).toMatchObject({ kind: 'behavioral', status: 'active', durationMin: 30, revision: 0 });
    expect(session.prompts.map((p: { id: string }) => p.id).sort()).toEqual(
      [behavioralFixture.id, behavioralFixtureTwo.id].sort()
    );
    expect(session.question.id).toBe(session.prompts[0].id);
    // The follow-ups are counted, not sent: the candidate gets each once they ask for it (interviewer-guide.test).
    expect(session.prompts[0]).toMatchObject({ followUps: [], followUpCount: 2 });
    expect(session.phasePlan).toEqual([
      { id: 'prompt-1', name: session.prompts[0].title, minutes: 15, startsAtMin: 0 },
      { id: 'prompt-2', name: session.prompts[1].title, minutes: 15, startsAtMin: 15 }
    ]);
    expect(session.rubric).toMatchObject({ id: 'behavioral-leadership', version: 2 });
  });

  it('fills a narrow draw from the nearest prompts rather than failing', async () => {
    const session = await startMock({ durationMin: 45, count: 3, level: 'senior', theme: 'failure' });
    expect(session.prompts[0].id).toBe(behavioralFixtureThree.id);
    expect(session.prompts).toHaveLength(3);
    expect(session.phasePlan.map((p: { minutes: number }) => p.minutes)).toEqual([15, 15, 15]);
  });

  it('runs one chosen prompt, from the mock route or from the question page', async () => {
    const chosen = await startMock({ questionIds: [behavioralFixtureThree.id] });
    expect(chosen.prompts.map((p: { id: string }) => p.id)).toEqual([behavioralFixtureThree.id]);
    const single = await owner.request('POST', '/api/sessions', { questionId: behavioralFixture.id });
    expect(single.status).toBe(201);
    expect(single.json.session).toMatchObject({
      kind: 'behavioral',
      durationMin: 30,
      prompts: [{ id: behavioralFixture.id }]
    });
  });

  it.each([
    [{ durationMin: 60 }, 'durationMin'],
    [{ count: 5 }, 'count'],
    [{ count: 1 }, 'count'],
    [{ theme: 'bravery' }, 'theme'],
    [{ level: 'intern' }, 'level'],
    [{ questionIds: [] }, 'questionIds'],
    [{ questionIds: [behavioralFixture.id, behavioralFixture.id] }, 'questionIds'],
    [{ questionIds: ['no-such-prompt'] }, 'questionIds.0'],
    [{ questionIds: [designFixture.id] }, 'questionIds.0']
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await owner.request('POST', '/api/behavioral-mocks', body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.json.error.fields ?? {})).toContain(field);
  });
});

describe('answering, finishing and scoring', () => {
  it('autosaves STAR per prompt, moves prompt to prompt, and shows STAR evidence that never sets the rating', async () => {
    const session = await startMock({ durationMin: 30, count: 2, level: 'staff', theme: 'conflict' });
    const save = await owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: strongAnswer
    });
    expect(save.status, save.text).toBe(200);
    const moved = await owner.request('POST', `/api/sessions/${session.id}/phases`, { phaseId: 'prompt-2' });
    expect(moved.json.session.phaseLog.at(-1).phaseId).toBe('prompt-2');
    await owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: moved.json.session.revision,
      notes: { p2Situation: 'A design review stalled.', p2Action: 'We talked and we agreed on a plan together.' }
    });
    const read = await owner.request('GET', `/api/sessions/${session.id}`);
    expect(read.json.session.work.notes).toMatchObject({ ...strongAnswer, p2Situation: 'A design review stalled.' });
    expect(read.json.session.evidence).toBeNull();

    const submitted = (await owner.request('POST', `/api/sessions/${session.id}/submit`)).json.session;
    const [first, second] = submitted.evidence.behavioral.prompts;
    expect(first).toMatchObject({
      n: 1,
      partsPresent: 4,
      reflected: true,
      resultQuantified: true,
      action: { i: 2, we: 1, iShare: 0.67 },
      plannedMinutes: 15
    });
    expect(first.parts.action).toEqual({ words: 19, present: true });
    expect(second).toMatchObject({
      n: 2,
      partsPresent: 1,
      resultQuantified: false,
      action: { i: 0, we: 2, iShare: 0 }
    });
    expect(submitted.evidence.autoRatings['star-structure']).toEqual({
      rating: 2,
      reason:
        '1 of 2 answers tell all four STAR parts; 1 state a result with a number; 1 tell the action mostly as "I".'
    });

    // The candidate's own rating stands, whatever the suggestion.
    const criteria: Array<{ id: string }> = submitted.rubric.criteria;
    const ratings = Object.fromEntries(criteria.map((c) => [c.id, 4]));
    const scored = await owner.request('PUT', `/api/sessions/${session.id}/scores/self`, { ratings });
    expect(scored.status).toBe(200);
    expect(scored.json.session.selfScore).toMatchObject({ ratings, score: 100, hireSignal: 'Strong Hire' });

    const locked = await owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: scored.json.session.revision,
      notes: { p1Result: 'changed later' }
    });
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe('SESSION_LOCKED');

    const insights = (await owner.request('GET', '/api/insights')).json;
    expect(JSON.stringify(insights)).toContain('star-structure');
  });

  it('refuses a note that is not a field of the mock with 400', async () => {
    const session = await startMock({ questionIds: [behavioralFixture.id] });
    const res = await owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { p5Situation: 'a fifth prompt' }
    });
    expect(res.status).toBe(400);
  });
});

describe('the story bank', () => {
  const story = {
    title: 'Two teams, one checkout',
    situation: strongAnswer.p1Situation,
    task: strongAnswer.p1Task,
    action: strongAnswer.p1Action,
    result: strongAnswer.p1Result,
    differently: strongAnswer.p1Differently,
    competencies: ['leadership', 'communication'],
    themes: ['conflict', 'collaboration'],
    roadmapWeeks: [16, 23]
  };

  it('keeps a story with its STAR, competencies, themes and weeks, and says whether it is strong', async () => {
    const created = await owner.request('POST', '/api/stories', story);
    expect(created.status, created.text).toBe(201);
    expect(created.json.story).toMatchObject({ ...story, strong: true, missing: [], mocks: 0 });
    const weak = (await owner.request('POST', '/api/stories', { title: 'Half a story', situation: story.situation }))
      .json.story;
    expect(weak).toMatchObject({ strong: false, missing: ['task', 'action', 'result'] });

    const edited = await owner.request('PUT', `/api/stories/${weak.id}`, { ...story, title: 'Now whole' });
    expect(edited.json.story).toMatchObject({ title: 'Now whole', strong: true });
    const list = (await owner.request('GET', '/api/stories')).json.items;
    expect(list.map((s: { title: string }) => s.title)).toEqual(['Now whole', story.title]);
    // The export carries the bank too: a user's own stories, as the list shows them.
    const exported = await owner.request('GET', '/api/export');
    expect(exported.json.stories).toEqual(list);
    expect((await owner.request('DELETE', `/api/stories/${weak.id}`)).status).toBe(200);
    expect((await owner.request('GET', `/api/stories/${weak.id}`)).status).toBe(404);
    expect((await owner.request('GET', '/api/stories/not-an-id')).status).toBe(404);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'Fine', themes: ['bravery'] }, 'themes.0'],
    [{ title: 'Fine', themes: ['conflict', 'conflict'] }, 'themes'],
    [{ title: 'Fine', competencies: ['juggling'] }, 'competencies.0'],
    [{ title: 'Fine', roadmapWeeks: [25] }, 'roadmapWeeks.0'],
    [{ title: 'Fine', action: 'x'.repeat(10_001) }, 'action']
  ])('refuses %j with 400 naming %s, and stores nothing', async (body, field) => {
    const before = (await owner.request('GET', '/api/stories')).json.items.length;
    const res = await owner.request('POST', '/api/stories', body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields ?? {})).toContain(field);
    expect((await owner.request('GET', '/api/stories')).json.items.length).toBe(before);
  });

  it('counts the mocks a story was told in, and the summary names overused stories and themes without one', async () => {
    const teller = client(server.url);
    await teller.signUp({
      email: 'teller@example.com',
      password: 'teller-pass-1',
      name: 'T'
    });
    const id = (await teller.request('POST', '/api/stories', story)).json.story.id;
    const empty = (await teller.request('GET', '/api/stories/summary')).json;
    expect(empty.themesWithoutStrongStory.map((t: { id: string }) => t.id)).not.toContain('conflict');
    expect(empty.themesWithoutStrongStory.map((t: { id: string }) => t.id)).toContain('failure');
    expect(empty.overused).toEqual([]);

    for (let i = 0; i < 3; i++) {
      const { session } = (
        await teller.request('POST', '/api/behavioral-mocks', { questionIds: [behavioralFixture.id] })
      ).json;
      await teller.request('PATCH', `/api/sessions/${session.id}/work`, { revision: 0, notes: { p1Story: id } });
    }
    expect((await teller.request('GET', `/api/stories/${id}`)).json.story.mocks).toBe(3);
    const summary = (await teller.request('GET', '/api/stories/summary')).json;
    expect(summary.overused).toEqual([{ storyId: id, title: story.title, mocks: 3, reason: 'told in 3 mocks' }]);
    // Another user's bank is not touched by any of it.
    expect((await owner.request('GET', `/api/stories/${id}`)).status).toBe(404);
  });
});
