/** The behavioral mock over HTTP on the real database: drawing prompts, STAR autosave, time boxes, evidence, scoring. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behavioralFixture, behavioralFixtureThree, behavioralFixtureTwo, designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer, type JsonOf } from '../support/server.ts';

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

type Client = ReturnType<typeof client>;
async function startMock(json: JsonOf<Client['api']['behavioral-mocks']['$post']>, as = owner) {
  return (await answer(as.api['behavioral-mocks'].$post({ json }), 201)).session;
}
/** One session's routes as `owner` calls them; each call takes `{ param: { id } }`. */
const at = (as = owner) => as.api.sessions[':id'];
const stories = (as = owner) => as.api.stories;

describe('starting a behavioral mock', () => {
  it('draws prompts by level and theme, each a phase with its own time box', async () => {
    const session = await startMock({ durationMin: 30, count: 2, level: 'staff', theme: 'conflict' });
    expect(session).toMatchObject({ kind: 'behavioral', status: 'active', durationMin: 30, revision: 0 });
    expect(session.prompts!.map((p) => p.id).sort()).toEqual([behavioralFixture.id, behavioralFixtureTwo.id].sort());
    const [first, second] = session.prompts!;
    expect(session.question.id).toBe(first!.id);
    // The follow-ups are counted, not sent: the candidate gets each once they ask for it (interviewer-guide.test).
    expect(first).toMatchObject({ followUps: [], followUpCount: 2 });
    expect(session.phasePlan).toEqual([
      { id: 'prompt-1', name: first!.title, minutes: 15, startsAtMin: 0 },
      { id: 'prompt-2', name: second!.title, minutes: 15, startsAtMin: 15 }
    ]);
    expect(session.rubric).toMatchObject({ id: 'behavioral-leadership', version: 2 });
  });

  it('fills a narrow draw from the nearest prompts rather than failing', async () => {
    const session = await startMock({ durationMin: 45, count: 3, level: 'senior', theme: 'failure' });
    expect(session.prompts![0]!.id).toBe(behavioralFixtureThree.id);
    expect(session.prompts).toHaveLength(3);
    expect(session.phasePlan.map((p) => p.minutes)).toEqual([15, 15, 15]);
  });

  it('runs one chosen prompt, from the mock route or from the question page', async () => {
    const chosen = await startMock({ questionIds: [behavioralFixtureThree.id] });
    expect(chosen.prompts!.map((p) => p.id)).toEqual([behavioralFixtureThree.id]);
    const single = await reply(owner.api.sessions.$post({ json: { questionId: behavioralFixture.id } }));
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
    // Bad bodies on purpose (a theme and a level the contract lacks among them): the untyped client.
    const res = await owner.request('POST', '/api/behavioral-mocks', body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.json.error.fields ?? {})).toContain(field);
  });
});

describe('answering, finishing and scoring', () => {
  it('autosaves STAR per prompt, moves prompt to prompt, and shows STAR evidence that never sets the rating', async () => {
    const session = await startMock({ durationMin: 30, count: 2, level: 'staff', theme: 'conflict' });
    const param = { id: session.id };
    const save = await reply(at().work.$patch({ param, json: { revision: 0, notes: strongAnswer } }));
    expect(save.status, save.text).toBe(200);
    const moved = await answer(at().phases.$post({ param, json: { phaseId: 'prompt-2' } }));
    expect(moved.session.phaseLog.at(-1)!.phaseId).toBe('prompt-2');
    await answer(
      at().work.$patch({
        param,
        json: {
          revision: moved.session.revision,
          notes: { p2Situation: 'A design review stalled.', p2Action: 'We talked and we agreed on a plan together.' }
        }
      })
    );
    const read = await answer(at().$get({ param }));
    expect(read.session.work.notes).toMatchObject({ ...strongAnswer, p2Situation: 'A design review stalled.' });
    expect(read.session.evidence).toBeNull();

    const submitted = (await answer(at().submit.$post({ param }))).session;
    const [first, second] = submitted.evidence!.behavioral!.prompts;
    expect(first).toMatchObject({
      n: 1,
      partsPresent: 4,
      reflected: true,
      resultQuantified: true,
      action: { i: 2, we: 1, iShare: 0.67 },
      plannedMinutes: 15
    });
    expect(first!.parts.action).toEqual({ words: 19, present: true });
    expect(second).toMatchObject({
      n: 2,
      partsPresent: 1,
      resultQuantified: false,
      action: { i: 0, we: 2, iShare: 0 }
    });
    expect(submitted.evidence!.autoRatings['star-structure']).toEqual({
      rating: 2,
      reason:
        '1 of 2 answers tell all four STAR parts; 1 state a result with a number; 1 tell the action mostly as "I".'
    });

    // The candidate's own rating stands, whatever the suggestion.
    const ratings = Object.fromEntries(submitted.rubric.criteria.map((c) => [c.id, 4]));
    const scored = await answer(at().scores.self.$put({ param, json: { ratings } }), 200);
    expect(scored.session.selfScore).toMatchObject({ ratings, score: 100, hireSignal: 'Strong Hire' });

    const locked = await reply(
      at().work.$patch({ param, json: { revision: scored.session.revision, notes: { p1Result: 'changed later' } } })
    );
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe('SESSION_LOCKED');

    const insights = await answer(owner.api.insights.$get({ query: {} }));
    expect(JSON.stringify(insights)).toContain('star-structure');
  });

  it('refuses a note that is not a field of the mock with 400', async () => {
    const session = await startMock({ questionIds: [behavioralFixture.id] });
    // A note the contract lacks, on purpose: the untyped client.
    const res = await owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision: 0,
      notes: { p5Situation: 'a fifth prompt' }
    });
    expect(res.status).toBe(400);
  });
});

describe('the story bank', () => {
  const story: JsonOf<Client['api']['stories']['$post']> = {
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
    const created = await answer(stories().$post({ json: story }), 201);
    expect(created.story).toMatchObject({ ...story, strong: true, missing: [], mocks: 0 });
    const weak = (await answer(stories().$post({ json: { title: 'Half a story', situation: story.situation } }), 201))
      .story;
    expect(weak).toMatchObject({ strong: false, missing: ['task', 'action', 'result'] });

    const param = { id: weak.id };
    const edited = await answer(stories()[':id'].$put({ param, json: { ...story, title: 'Now whole' } }));
    expect(edited.story).toMatchObject({ title: 'Now whole', strong: true });
    const list = (await answer(stories().$get())).items;
    expect(list.map((s) => s.title)).toEqual(['Now whole', story.title]);
    // The export carries the bank too: a user's own stories, as the list shows them.
    // The export answers JSON or CSV: its JSON body is read as is.
    const exported = await reply(owner.api.export.$get({ query: { format: 'json' } }));
    expect(exported.json.stories).toEqual(list);
    expect((await reply(stories()[':id'].$delete({ param }))).status).toBe(200);
    expect((await reply(stories()[':id'].$get({ param }))).status).toBe(404);
    expect((await reply(stories()[':id'].$get({ param: { id: 'not-an-id' } }))).status).toBe(404);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'Fine', themes: ['bravery'] }, 'themes.0'],
    [{ title: 'Fine', themes: ['conflict', 'conflict'] }, 'themes'],
    [{ title: 'Fine', competencies: ['juggling'] }, 'competencies.0'],
    [{ title: 'Fine', roadmapWeeks: [25] }, 'roadmapWeeks.0'],
    [{ title: 'Fine', action: 'x'.repeat(10_001) }, 'action']
  ])('refuses %j with 400 naming %s, and stores nothing', async (body, field) => {
    const before = (await answer(stories().$get())).items.length;
    // Bad bodies on purpose (themes and competencies the contract lacks among them): the untyped client.
    const res = await owner.request('POST', '/api/stories', body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields ?? {})).toContain(field);
    expect((await answer(stories().$get())).items.length).toBe(before);
  });

  it('counts the mocks a story was told in, and the summary names overused stories and themes without one', async () => {
    const teller = client(server.url);
    await teller.signUp({
      email: 'teller@example.com',
      password: 'teller-pass-1',
      name: 'T'
    });
    const { id } = (await answer(stories(teller).$post({ json: story }), 201)).story;
    const empty = await answer(stories(teller).summary.$get());
    expect(empty.themesWithoutStrongStory.map((t) => t.id)).not.toContain('conflict');
    expect(empty.themesWithoutStrongStory.map((t) => t.id)).toContain('failure');
    expect(empty.overused).toEqual([]);

    for (let i = 0; i < 3; i++) {
      const session = await startMock({ questionIds: [behavioralFixture.id] }, teller);
      const json = { revision: 0, notes: { p1Story: id } };
      await answer(at(teller).work.$patch({ param: { id: session.id }, json }));
    }
    expect((await answer(stories(teller)[':id'].$get({ param: { id } }))).story.mocks).toBe(3);
    const summary = await answer(stories(teller).summary.$get());
    expect(summary.overused).toEqual([{ storyId: id, title: story.title, mocks: 3, reason: 'told in 3 mocks' }]);
    // Another user's bank is not touched by any of it.
    expect((await reply(stories()[':id'].$get({ param: { id } }))).status).toBe(404);
  });
});
