/**
 * The live room's voice call over HTTP: signals relayed to one member only (across two instances on one
 * database), the ICE servers from the server's options, and the consent to record, which both sides must give
 * before a call chunk is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer, type JsonOf } from '../support/server.ts';
import { lastEventOf, openEvents, passed, type EventStream } from '../support/sse.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let a: Server;
let b: Server;
const streams: EventStream[] = [];
const iceServers = [{ urls: 'stun:stun.example.org:3478' }];

async function signUp(server: Server, name: string) {
  const c = client(server.url);
  await c.signUp({ email: `${name}-${Date.now()}-${Math.random()}@call.example`, password: 'call-password-1', name });
  const me = await answer(c.api.me.$get());
  return Object.assign(c, { userId: me.user.id });
}

/** A design mock on A; its interviewer is on B (another instance, same database). */
async function room() {
  const candidate = await signUp(a, 'Cara');
  const interviewer = await signUp(b, 'Ivan');
  const stranger = await signUp(a, 'Sam');
  const { session } = await answer(candidate.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
  const { token } = await answer(at(candidate).invites.$post({ param: { id: session.id }, json: {} }), 201);
  expect((await reply(interviewer.api.invites.accept.$post({ json: { token } }))).status).toBe(200);
  return { candidate, interviewer, stranger, sessionId: session.id };
}

type Client = ReturnType<typeof client>;
/** One session's routes as `c` calls them; each call takes `{ param: { id } }`. */
const at = (c: Client) => c.api.sessions[':id'];
/** `c` sends a call signal, whatever the answer. */
const signal = (c: Client, sessionId: string, json: JsonOf<ReturnType<typeof at>['call']['signals']['$post']>) =>
  reply(at(c).call.signals.$post({ param: { id: sessionId }, json }));

async function listen(server: Server, c: ReturnType<typeof client>, sessionId: string) {
  const stream = await openEvents(`${server.url}/api/sessions/${sessionId}/events`, c.cookie);
  streams.push(stream);
  await stream.next((e) => e.data.type === 'hello');
  return stream;
}

beforeAll(async () => {
  a = await startTestServer({ questions: [designFixture], app: { iceServers } });
  b = await startTestServer({ questions: [designFixture], dbName: a.dbName, app: { iceServers } });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await Promise.all([a.close(), b.close()]);
});

describe('signalling', () => {
  it('relays an offer to the member it names, across instances, and to nobody else', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const toInterviewer = await listen(b, interviewer, sessionId);
    const toCandidate = await listen(a, candidate, sessionId);
    const offer = { to: interviewer.userId, signal: { kind: 'offer' as const, sdp: 'v=0 fake' } };
    expect((await signal(candidate, sessionId, offer)).status).toBe(202);
    const got = await toInterviewer.next((e) => e.data.type === 'signal');
    expect(got.data).toEqual({ type: 'signal', from: candidate.userId, fromName: 'Cara', signal: offer.signal });
    const back = { to: candidate.userId, signal: { kind: 'answer' as const, sdp: 'v=0 back' } };
    await answer(at(interviewer).call.signals.$post({ param: { id: sessionId }, json: back }), 202);
    expect((await toCandidate.next((e) => e.data.type === 'signal')).data.signal).toEqual(back.signal);
    // Past a later event (the interviewer joining once more on A), the candidate was sent every signal for it.
    const head = await lastEventOf(a.database, sessionId);
    await listen(a, interviewer, sessionId);
    await passed(toCandidate, head);
    expect(toCandidate.received.filter((e) => e.data.type === 'signal')).toHaveLength(1);
    // A mute is a signal like the others: the other side shows it.
    const mute = { to: candidate.userId, signal: { kind: 'mute' as const, muted: true } };
    await answer(at(interviewer).call.signals.$post({ param: { id: sessionId }, json: mute }), 202);
    expect(
      (await toCandidate.next((e) => e.data.type === 'signal' && e.data.signal.kind === 'mute')).data.signal
    ).toEqual(mute.signal);
  });

  it('refuses strangers (404), bad signals (400) and an ended session (409)', async () => {
    const { candidate, interviewer, stranger, sessionId } = await room();
    const ice = { to: interviewer.userId, signal: { kind: 'ice' as const, candidate: null } };
    expect((await signal(stranger, sessionId, ice)).status).toBe(404);
    expect((await reply(at(stranger).call.$get({ param: { id: sessionId } }))).status).toBe(404);
    // A signal kind the contract lacks, on purpose: the untyped client.
    const bad = await candidate.request('POST', `/api/sessions/${sessionId}/call/signals`, {
      to: 'x',
      signal: { kind: 'shout' }
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['signal.kind', 'to']);
    await answer(at(candidate).submit.$post({ param: { id: sessionId } }));
    expect((await signal(candidate, sessionId, ice)).json.error.code).toBe('SESSION_LOCKED');
  });

  it('names the ICE servers it was given', async () => {
    const { candidate, sessionId } = await room();
    const state = await answer(at(candidate).call.$get({ param: { id: sessionId } }));
    expect(state).toEqual({ agreed: [], recordingAllowed: false, iceServers, pair: null });
  });
});

describe('consent to record the call', () => {
  const callChunk = { segment: 0, seq: 0, startMs: 0, durationMs: 1000, data: 'AAAA', source: 'call' as const };

  it('stores a call chunk only once the candidate and the interviewer both agreed', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const param = { id: sessionId };
    const upload = (json: JsonOf<ReturnType<typeof at>['recording']['chunks']['$post']> = callChunk) =>
      reply(at(candidate).recording.chunks.$post({ param, json }));
    const toInterviewer = await listen(b, interviewer, sessionId);
    const consent = (who: typeof candidate, record: boolean) =>
      reply(at(who).call.consent.$put({ param, json: { record } }));

    expect((await upload()).status).toBe(403);
    const one = await consent(candidate, true);
    expect(one.json).toMatchObject({ recordingAllowed: false, agreed: [{ name: 'Cara', role: 'candidate' }] });
    expect((await upload()).status).toBe(403);
    const both = await consent(interviewer, true);
    expect(both.json.recordingAllowed).toBe(true);
    const told = await toInterviewer.next((e) => e.data.type === 'call-consent' && e.data.consent.recordingAllowed);
    expect(told.data.consent.agreed.map((x: { role: string }) => x.role)).toEqual(['candidate', 'interviewer']);
    expect((await upload()).status).toBe(200);

    // Withdrawn: the next call chunk is refused; the voice alone may still be recorded.
    expect((await consent(interviewer, false)).json.recordingAllowed).toBe(false);
    expect((await upload({ ...callChunk, seq: 1 })).status).toBe(403);
    expect((await upload({ ...callChunk, seq: 1, source: 'voice' })).status).toBe(200);
    expect((await answer(at(candidate).call.$get({ param }))).agreed).toHaveLength(1);
  });
});
