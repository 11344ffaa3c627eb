/**
 * The interviewer's guide stays with the interviewer, for every kind of mock: the candidate's responses (start,
 * read, phase moves, the room) and event stream never carry a follow-up, hint or key point that was not revealed
 * to them, and do carry the one the interviewer reveals. The interviewer's own responses carry the whole guide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  behavioralFixture,
  behavioralFixtureTwo,
  codingFixture,
  designFixture,
  HIDDEN_MARKER
} from '../support/fixtures.ts';
import { client, startTestServer } from '../support/server.ts';
import { ofType, openEvents, type EventStream } from '../support/sse.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Client = ReturnType<typeof client>;
let server: Server;
const streams: EventStream[] = [];

beforeAll(async () => {
  server = await startTestServer({
    questions: [designFixture, codingFixture, behavioralFixture, behavioralFixtureTwo]
  });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await server.close();
});

let people = 0;
async function person(name: string): Promise<Client> {
  const c = client(server.url);
  await c.signUp({ email: `${name}-${++people}@guide.example`, password: 'guide-password-1', name });
  return c;
}

/** The guide's texts of a question (design, coding or a behavioral prompt). */
function guideOf(question: typeof designFixture): string[] {
  return [...question.followUps, ...question.hints, ...question.keyPoints.map((k) => k.point)];
}

/** Which of `texts` appear anywhere in the payloads (as JSON, so escaped as a response carries them). */
function found(payloads: unknown[], texts: string[]): string[] {
  const all = payloads.map((p) => JSON.stringify(p)).join('\n');
  return [...new Set(texts)].filter((t) => all.includes(JSON.stringify(t).slice(1, -1)));
}

/** A candidate's session with an interviewer admitted, the candidate listening to the room's events. */
async function interviewed(start: (candidate: Client) => Promise<{ status: number; json: any }>) {
  const candidate = await person('Cara');
  const interviewer = await person('Ivan');
  const started = await start(candidate);
  expect(started.status).toBe(201);
  const id = started.json.session.id as string;
  const invite = (await candidate.request('POST', `/api/sessions/${id}/invites`, {})).json;
  expect((await interviewer.request('POST', '/api/invites/accept', { token: invite.token })).status).toBe(200);
  const events = await openEvents(`${server.url}/api/sessions/${id}/events`, candidate.cookie);
  streams.push(events);
  await events.next(ofType('hello'));
  return { candidate, interviewer, id, events, seen: [started.json] as unknown[] };
}

describe('a design mock', () => {
  const guide = guideOf(designFixture);
  const question = designFixture.kind === 'design' ? designFixture : null;

  it('gives the candidate only what the interviewer revealed, in every response and on the stream', async () => {
    const { candidate, interviewer, id, events, seen } = await interviewed((c) =>
      c.request('POST', '/api/sessions', { questionId: designFixture.id })
    );
    const read = async () => {
      seen.push((await candidate.request('GET', `/api/sessions/${id}`)).json);
      seen.push((await candidate.request('GET', `/api/sessions/${id}/room`)).json);
    };
    await read();
    seen.push((await candidate.request('POST', `/api/sessions/${id}/phases`, { phaseId: 'deep-dives' })).json);
    expect(found([...seen, events.received], guide)).toEqual([]);

    const revealed = [question!.followUps[2]!, question!.hints[0]!];
    await interviewer.request('POST', `/api/sessions/${id}/reveals`, { kind: 'followUp', index: 2 });
    await interviewer.request('POST', `/api/sessions/${id}/reveals`, { kind: 'hint', index: 0 });
    await events.next(ofType('reveal', (d) => d.item.reveal.kind === 'hint'));
    await read();
    seen.push((await candidate.request('POST', `/api/sessions/${id}/phases`, { phaseId: 'wrap-up' })).json);
    await events.next(ofType('phase', (d) => d.phaseLog.at(-1).phaseId === 'wrap-up'));

    const everything = [...seen, events.received];
    expect(found(everything, guide).sort()).toEqual([...revealed].sort());
    // The interviewer's view carries it all (so the search above finds what is there).
    const theirs = [
      (await interviewer.request('GET', `/api/sessions/${id}`)).json,
      (await interviewer.request('GET', `/api/sessions/${id}/room`)).json
    ];
    expect(found(theirs, guide).sort()).toEqual([...guide].sort());
  });
});

describe('a design mock alone', () => {
  const guide = guideOf(designFixture);
  const question = designFixture.kind === 'design' ? designFixture : null;

  it('gives the follow-ups one at a time as the candidate asks in the deep dives, never a hint or key point', async () => {
    const candidate = await person('Alone');
    const started = await candidate.request('POST', '/api/sessions', { questionId: designFixture.id });
    const id = started.json.session.id as string;
    expect(started.json.session.question).toMatchObject({ followUps: [], followUpCount: question!.followUps.length });
    // Asked before the deep dives: counted, not shown yet.
    const early = await candidate.request('PATCH', `/api/sessions/${id}/work`, {
      revision: 0,
      notes: { p1Asked: '1' }
    });
    expect(early.status).toBe(200);
    const seen: unknown[] = [started.json, (await candidate.request('GET', `/api/sessions/${id}`)).json];
    expect(found(seen, guide)).toEqual([]);
    const moved = (await candidate.request('POST', `/api/sessions/${id}/phases`, { phaseId: 'deep-dives' })).json;
    expect(found([moved], guide)).toEqual([question!.followUps[0]]);
    const revision = moved.session.revision as number;
    await candidate.request('PATCH', `/api/sessions/${id}/work`, { revision, notes: { p1Asked: '2' } });
    const after = (await candidate.request('GET', `/api/sessions/${id}`)).json;
    expect(found([after], guide)).toEqual(question!.followUps.slice(0, 2));
    // The count stays with the session: the result page lists what was asked.
    const done = (await candidate.request('POST', `/api/sessions/${id}/submit`)).json;
    expect(done.session.work.notes.p1Asked).toBe('2');
    expect(found([done], guide).sort()).toEqual([...new Set(guide)].sort());
  });
});

describe('a behavioral mock', () => {
  const guide = [...guideOf(behavioralFixture), ...guideOf(behavioralFixtureTwo)];
  const prompt = behavioralFixture.kind === 'behavioral' ? behavioralFixture : null;

  it('gives the candidate only what the interviewer revealed, in every response and on the stream', async () => {
    const { candidate, interviewer, id, events, seen } = await interviewed((c) =>
      c.request('POST', '/api/behavioral-mocks', { questionIds: [behavioralFixture.id, behavioralFixtureTwo.id] })
    );
    seen.push((await candidate.request('GET', `/api/sessions/${id}`)).json);
    seen.push((await candidate.request('POST', `/api/sessions/${id}/phases`, { phaseId: 'prompt-2' })).json);
    seen.push((await candidate.request('GET', `/api/sessions/${id}/room`)).json);
    expect(found([...seen, events.received], guide)).toEqual([]);

    // The first prompt's first follow-up (the guide's line 0); the others, the hints and key points stay back.
    await interviewer.request('POST', `/api/sessions/${id}/reveals`, { kind: 'followUp', index: 0 });
    await events.next(ofType('reveal'));
    seen.push((await candidate.request('GET', `/api/sessions/${id}`)).json);
    seen.push((await candidate.request('GET', `/api/sessions/${id}/room`)).json);
    seen.push((await candidate.request('POST', `/api/sessions/${id}/phases`, { phaseId: 'prompt-1' })).json);
    expect(found([...seen, events.received], guide)).toEqual([prompt!.followUps[0]]);

    const theirs = (await interviewer.request('GET', `/api/sessions/${id}`)).json;
    expect(found([theirs], guide).sort()).toEqual([...new Set(guide)].sort());
  });

  it('alone, gives the candidate each follow-up once they ask for it, never a hint or key point', async () => {
    const candidate = await person('Solo');
    const started = await candidate.request('POST', '/api/behavioral-mocks', { questionIds: [behavioralFixture.id] });
    const id = started.json.session.id;
    expect(started.json.session.prompts[0]).toMatchObject({
      followUps: [],
      hints: [],
      keyPoints: [],
      followUpCount: 2
    });
    expect(found([started.json], guide)).toEqual([]);
    // Asking is counted in the notes (a reload keeps it); the server then sends that many follow-ups.
    const asked = await candidate.request('PATCH', `/api/sessions/${id}/work`, {
      revision: 0,
      notes: { p1Asked: '1' }
    });
    expect(asked.status).toBe(200);
    const after = (await candidate.request('GET', `/api/sessions/${id}`)).json;
    expect(found([after], guide)).toEqual([prompt!.followUps[0]]);
    // Finished, the whole prompt is theirs to review.
    const done = (await candidate.request('POST', `/api/sessions/${id}/submit`)).json;
    expect(found([done], guide).sort()).toEqual([...new Set(guide)].sort());
  });
});

describe('a coding mock', () => {
  const guide = guideOf(codingFixture);
  const question = codingFixture.kind === 'coding' ? codingFixture : null;

  it('gives the candidate only what the interviewer revealed, in every response and on the stream', async () => {
    const { candidate, interviewer, id, events, seen } = await interviewed((c) =>
      c.request('POST', '/api/sessions', { questionId: codingFixture.id })
    );
    const read = async () => {
      seen.push((await candidate.request('GET', `/api/sessions/${id}`)).json);
      seen.push((await candidate.request('GET', `/api/sessions/${id}/room`)).json);
    };
    await read();
    // The bank's page of the problem, which a candidate may open mid-mock, keeps it back too.
    seen.push((await candidate.request('GET', `/api/questions/${codingFixture.id}`)).json);
    expect(found([...seen, events.received], guide)).toEqual([]);

    // "Now do it in O(1) space": the second follow-up, and the first hint.
    const revealed = [question!.followUps[1]!, question!.hints[0]!];
    expect(
      (await interviewer.request('POST', `/api/sessions/${id}/reveals`, { kind: 'followUp', index: 1 })).status
    ).toBe(201);
    expect((await interviewer.request('POST', `/api/sessions/${id}/reveals`, { kind: 'hint', index: 0 })).status).toBe(
      201
    );
    await events.next(ofType('reveal', (d) => d.item.reveal.kind === 'hint'));
    // A line the problem does not have is named in the refusal.
    const reveal = await interviewer.request('POST', `/api/sessions/${id}/reveals`, { kind: 'hint', index: 9 });
    expect(reveal.status).toBe(400);
    expect(reveal.json.error.fields.index).toBe(`Choose 0 to ${question!.hints.length - 1}`);
    await read();
    seen.push((await candidate.request('POST', `/api/sessions/${id}/submit`)).json);
    seen.push((await candidate.request('GET', `/api/sessions/${id}/room`)).json);

    const everything = [...seen, events.received];
    expect(found(everything, guide).sort()).toEqual([...revealed].sort());
    // Nor the hidden tests, ever.
    expect(found(everything, [HIDDEN_MARKER])).toEqual([]);
    // The interviewer's room carries the whole guide (so the search above finds what is there).
    const theirs = (await interviewer.request('GET', `/api/sessions/${id}/room`)).json;
    expect(found([theirs], guide).sort()).toEqual([...guide].sort());
  });
});
