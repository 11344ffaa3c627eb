/**
 * The live room over HTTP on the real database: events pushed over SSE to the candidate and the interviewer, each
 * seeing only their audience; resumed with Last-Event-ID; two instances on one database behaving as one; a
 * revoked invite ending the interviewer's stream with an error.
 */
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingFixture, designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';
import { ofType, openEvents, type EventStream } from '../support/sse.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let a: Server;
let b: Server;
const password = 'live-password-1';
const streams: EventStream[] = [];

async function signUp(server: Server, name: string) {
  const c = client(server.url);
  await c.signUp({ email: `${name}-${Date.now()}@live.example`, password, name });
  return c;
}

/** A fresh design mock on instance A with an interviewer admitted; the interviewer's client talks to `peerOn`. */
async function room(peerOn: Server = a, questionId = designFixture.id) {
  const candidate = await signUp(a, 'Cara');
  const interviewer = await signUp(peerOn, 'Ivan');
  const stranger = await signUp(a, 'Sam');
  const { session } = await answer(candidate.api.sessions.$post({ json: { questionId } }), 201);
  const created = await answer(at(candidate).invites.$post({ param: { id: session.id }, json: {} }), 201);
  expect((await reply(interviewer.api.invites.accept.$post({ json: { token: created.token } }))).status).toBe(200);
  return { candidate, interviewer, stranger, sessionId: session.id, inviteId: created.invite.id };
}

/** One session's routes as `c` calls them, typed by the routes; each call takes `{ param: { id } }`. */
const at = (c: ReturnType<typeof client>) => c.api.sessions[':id'];

async function listen(server: Server, c: ReturnType<typeof client>, sessionId: string, headers = {}) {
  const stream = await openEvents(`${server.url}/api/sessions/${sessionId}/events`, c.cookie, headers);
  streams.push(stream);
  return stream;
}

beforeAll(async () => {
  a = await startTestServer({ questions: [designFixture, codingFixture] });
  b = await startTestServer({ questions: [designFixture, codingFixture], dbName: a.dbName });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await Promise.all([a.close(), b.close()]);
});

describe('who may listen', () => {
  it('refuses a stranger with a 404 and no stream, and an anonymous caller with a 401', async () => {
    const { stranger, sessionId } = await room();
    const refused = await listen(a, stranger, sessionId);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('NOT_FOUND');
    const anonymous = await openEvents(`${a.url}/api/sessions/${sessionId}/events`, '');
    expect(anonymous.status).toBe(401);
    const room404 = await reply(at(stranger).room.$get({ param: { id: sessionId }, query: {} }));
    expect(room404.status).toBe(404);
  });
});

describe('the room', () => {
  it('pushes drafts, chat, reveals, notes, phases and presence to the audience each is for', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const param = { id: sessionId };
    const forCandidate = await listen(a, candidate, sessionId);
    expect(forCandidate.status).toBe(200);
    const hello = await forCandidate.next(ofType('hello'));
    expect(hello.data).toMatchObject({ role: 'candidate', seq: expect.any(Number) });
    const forInterviewer = await listen(a, interviewer, sessionId);
    await forInterviewer.next(ofType('hello', (d) => d.role === 'interviewer'));
    // Both see both in the room.
    await forCandidate.next(ofType('presence', (d) => d.members.length === 2));

    await answer(
      at(candidate).drafts.$post({
        param,
        json: {
          notes: { functional: 'shorten and redirect' },
          elements: [{ id: 'box-1', type: 'rectangle', version: 3 }]
        }
      }),
      202
    );
    const draft = await forInterviewer.next(ofType('draft'));
    expect(draft.data).toMatchObject({
      notes: { functional: 'shorten and redirect' },
      elements: [{ id: 'box-1', version: 3 }]
    });
    // A draft is not kept: it carries no number, and a stream resumed after it does not replay it.
    expect(draft.id).toBeNull();

    const said = await reply(at(interviewer).chat.$post({ param, json: { text: 'Walk me through reads' } }));
    expect(said.status).toBe(201);
    await forCandidate.next(
      ofType('chat', (d) => d.item.text === 'Walk me through reads' && d.item.authorRole === 'interviewer')
    );
    await answer(at(candidate).chat.$post({ param, json: { text: 'Reads hit the cache first' } }), 201);
    await forInterviewer.next(ofType('chat', (d) => d.item.text === 'Reads hit the cache first'));

    const revealed = await answer(at(interviewer).reveals.$post({ param, json: { kind: 'followUp', index: 1 } }), 201);
    expect(revealed.item).toMatchObject({
      kind: 'reveal',
      text: designFixture.kind === 'design' ? designFixture.followUps[1] : ''
    });
    await forCandidate.next(ofType('reveal', (d) => d.item.reveal.index === 1));
    const again = await reply(at(interviewer).reveals.$post({ param, json: { kind: 'followUp', index: 1 } }));
    expect(again.status).toBe(409);

    await answer(at(interviewer)['interviewer-notes'].$post({ param, json: { text: 'No estimates yet' } }), 201);
    await forInterviewer.next(ofType('note', (d) => d.item.text === 'No estimates yet'));

    await answer(at(candidate).phases.$post({ param, json: { phaseId: 'estimation' } }));
    const phase = await forInterviewer.next(ofType('phase'));
    expect(phase.data.phaseLog.at(-1).phaseId).toBe('estimation');
    await forCandidate.next(ofType('phase'));

    // The candidate never receives what only interviewers see.
    expect(forCandidate.received.some((e) => e.data.type === 'draft' || e.data.type === 'note')).toBe(false);

    // The room's state: the candidate sees chat and reveals, not the notes, and no interviewer guide.
    const mine = await answer(at(candidate).room.$get({ param, query: {} }));
    expect(mine.role).toBe('candidate');
    expect(mine.guide).toBeNull();
    expect(mine.items.map((i) => i.kind)).toEqual(['chat', 'chat', 'reveal']);
    const theirs = await answer(at(interviewer).room.$get({ param, query: {} }));
    expect(theirs.guide?.followUps).toHaveLength(4);
    expect(theirs.items.map((i) => i.kind)).toEqual(['chat', 'chat', 'reveal', 'note']);

    // Submitted: the candidate is told, and now reads the interviewer's notes with the minute they were written.
    await answer(at(candidate).submit.$post({ param }));
    await forInterviewer.next(ofType('status', (d) => d.status === 'submitted'));
    const after = await answer(at(candidate).room.$get({ param, query: {} }));
    const note = after.items.find((i) => i.kind === 'note');
    expect(note).toMatchObject({ text: 'No estimates yet', authorName: 'Ivan', minute: expect.any(Number) });
    expect(note!.minute).toBeLessThan(1);
  });

  it('refuses bad input with a code and the failing field, and the candidate’s writes to the interviewer', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const param = { id: sessionId };
    const empty = await reply(at(candidate).chat.$post({ param, json: { text: '   ' } }));
    expect(empty.status).toBe(400);
    expect(empty.json.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { text: expect.any(String) } });
    const tooLong = await reply(at(candidate).chat.$post({ param, json: { text: 'x'.repeat(2001) } }));
    expect(tooLong.status).toBe(400);
    const noSuchHint = await reply(at(interviewer).reveals.$post({ param, json: { kind: 'hint', index: 9 } }));
    expect(noSuchHint.status).toBe(400);
    expect(noSuchHint.json.error.fields.index).toBeDefined();
    const candidateReveals = await reply(at(candidate).reveals.$post({ param, json: { kind: 'hint', index: 0 } }));
    expect(candidateReveals.status).toBe(403);
    const interviewerDrafts = await reply(at(interviewer).drafts.$post({ param, json: { notes: { design: 'x' } } }));
    expect(interviewerDrafts.status).toBe(404);
    const nothing = await reply(at(candidate).drafts.$post({ param, json: {} }));
    expect(nothing.status).toBe(400);
    const stored = await a.database.roomItems.countDocuments({});
    // An oversized body on purpose: refused before it is parsed.
    const bigChat = await candidate.request('POST', `/api/sessions/${sessionId}/chat`, {
      text: 'y'.repeat(1024 * 1024)
    });
    expect(bigChat.status).toBe(413);
    expect(await a.database.roomItems.countDocuments({})).toBe(stored);
  });

  it('resumes from Last-Event-ID with exactly the events missed, in order', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const param = { id: sessionId };
    const first = await listen(a, interviewer, sessionId);
    await answer(at(candidate).chat.$post({ param, json: { text: 'one' } }), 201);
    const one = await first.next(ofType('chat', (d) => d.item.text === 'one'));
    first.close();
    for (const text of ['two', 'three']) await answer(at(candidate).chat.$post({ param, json: { text } }), 201);
    const resumed = await listen(a, interviewer, sessionId, { 'last-event-id': one.id! });
    await resumed.next(ofType('chat', (d) => d.item.text === 'three'));
    const chats = resumed.received.filter((e) => e.data.type === 'chat').map((e) => e.data.item.text);
    expect(chats).toEqual(['two', 'three']);
    const ids = resumed.received.filter((e) => e.id).map((e) => Number(e.id));
    expect(ids.every((id) => id > Number(one.id))).toBe(true);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  });
});

describe('what only the interviewer sees', () => {
  const guide = designFixture.kind === 'design' ? designFixture : null;
  const leaked = (session: { question: unknown }) => {
    const text = JSON.stringify(session.question);
    return [...guide!.followUps, ...guide!.hints, ...guide!.keyPoints.map((k) => k.point)].filter((t) =>
      text.includes(JSON.stringify(t))
    );
  };
  const sessionOf = async (c: ReturnType<typeof client>, id: string) =>
    (await answer(at(c).$get({ param: { id } }))).session;

  it('never reaches the candidate’s session while the mock runs, revealed or not, at any phase', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const param = { id: sessionId };
    expect(leaked(await sessionOf(candidate, sessionId))).toEqual([]);
    await answer(at(interviewer).reveals.$post({ param, json: { kind: 'followUp', index: 1 } }), 201);
    await answer(at(candidate).phases.$post({ param, json: { phaseId: 'deep-dives' } }));
    // The revealed one reaches the candidate through the room, the others not at all.
    expect(leaked(await sessionOf(candidate, sessionId))).toEqual([]);
    expect(leaked(await sessionOf(interviewer, sessionId))).toHaveLength(leaked({ question: guide }).length);
    await answer(at(candidate).submit.$post({ param }));
    expect(leaked(await sessionOf(candidate, sessionId))).toHaveLength(leaked({ question: guide }).length);
  });

  it('alone, the candidate gets the follow-ups they ask for from the deep dives on, never the hints or key points', async () => {
    const candidate = await signUp(a, 'Solo');
    const { session } = await answer(candidate.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
    expect(leaked(session)).toEqual([]);
    const moved = await answer(
      at(candidate).phases.$post({ param: { id: session.id }, json: { phaseId: 'deep-dives' } })
    );
    // None until asked for ("Ask me a follow-up" counts them in the notes), then one at a time.
    expect(leaked(await sessionOf(candidate, session.id))).toEqual([]);
    const json = { revision: moved.session.revision, notes: { p1Asked: '1' } };
    await answer(at(candidate).work.$patch({ param: { id: session.id }, json }));
    const { question } = await sessionOf(candidate, session.id);
    expect(question.kind === 'design' && question.followUps).toEqual(guide!.followUps.slice(0, 1));
    expect(question.kind === 'design' && question.hints).toEqual([]);
    expect(question.kind === 'design' && question.keyPoints).toEqual([]);
  });
});

describe('a coding mock’s runs', () => {
  it('reach the interviewer as they happen and stay in the room for them, not for anyone else', async () => {
    const { candidate, interviewer, stranger, sessionId } = await room(b, codingFixture.id);
    const param = { id: sessionId };
    const onB = await listen(b, interviewer, sessionId);
    await onB.next(ofType('hello'));
    const json = {
      language: 'python' as const,
      cases: [
        { label: 'Example 1', verdict: 'pass' as const, ms: 3.4, detail: '[0, 1]' },
        { label: 'Example 2', verdict: 'error' as const, ms: 1, detail: 'NameError on line 2' }
      ]
    };
    const sent = await reply(at(candidate).runs.$post({ param, json }));
    expect(sent.status).toBe(201);
    const pushed = await onB.next(ofType('run'));
    expect(pushed.data.item.text).toBe(
      'Run in python: 1 of 2 passed\nExample 1: Passed (3 ms): [0, 1]\nExample 2: Error (1 ms): NameError on line 2'
    );
    // Kept: an interviewer who reloads reads every run; the candidate's room does not list them.
    const theirs = await answer(at(interviewer).room.$get({ param, query: {} }));
    expect(theirs.items.filter((i) => i.kind === 'run')).toHaveLength(1);
    const mine = await answer(at(candidate).room.$get({ param, query: {} }));
    expect(mine.items.some((i) => i.kind === 'run')).toBe(false);
    // Only the candidate sends runs, with a well-formed body, while the mock runs.
    expect((await reply(at(interviewer).runs.$post({ param, json }))).status).toBe(404);
    expect((await reply(at(stranger).runs.$post({ param, json }))).status).toBe(404);
    // A language and an empty list the contract refuses, on purpose.
    const bad = await candidate.request('POST', `/api/sessions/${sessionId}/runs`, { language: 'cobol', cases: [] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(['language', 'cases']));
    await answer(at(candidate).submit.$post({ param }));
    expect((await reply(at(candidate).runs.$post({ param, json }))).status).toBe(409);
  });
});

describe('two instances on one database', () => {
  it('delivers what the candidate does through instance A to the interviewer connected to instance B', async () => {
    const { candidate, interviewer, sessionId } = await room(b);
    const onB = await listen(b, interviewer, sessionId);
    await onB.next(ofType('hello'));
    const param = { id: sessionId };
    await answer(at(candidate).drafts.$post({ param, json: { notes: { design: 'across instances' } } }), 202);
    await onB.next(ofType('draft', (d) => d.notes?.design === 'across instances'));
    const onA = await listen(a, candidate, sessionId);
    await answer(at(interviewer).chat.$post({ param, json: { text: 'from B' } }), 201);
    await onA.next(ofType('chat', (d) => d.item.text === 'from B'));
  });
});

describe('autosave in the room', () => {
  const saves = (db: Server['database'], sessionId: string) =>
    db.events.countDocuments({ sessionId: new ObjectId(sessionId), eventJson: { $regex: '^\\{"type":"saved"' } });

  it('stores no event while the candidate is alone, and tells an interviewer joining here of the very next save', async () => {
    const { candidate, interviewer, sessionId } = await room();
    let revision = 0;
    const save = async (design: string) => {
      const saved = await answer(
        at(candidate).work.$patch({ param: { id: sessionId }, json: { revision, notes: { design } } }),
        200
      );
      revision = saved.revision;
    };
    await save('alone');
    await save('still alone');
    expect(await saves(a.database, sessionId)).toBe(0);
    // Joined through this instance a moment after its last look at the room: counted at once, not a second later.
    const stream = await listen(a, interviewer, sessionId);
    await stream.next(ofType('hello'));
    await save('watched');
    const event = await stream.next(ofType('saved'));
    expect(event.data).toMatchObject({ revision, notes: { design: 'watched' } });
  });

  it('tells an interviewer connected to another instance within two seconds of joining', async () => {
    const { candidate, interviewer, sessionId } = await room(b);
    let revision = 0;
    const save = async () => {
      const saved = await answer(
        at(candidate).work.$patch({
          param: { id: sessionId },
          json: { revision, notes: { design: `save ${revision}` } }
        })
      );
      revision = saved.revision;
    };
    await save();
    const onB = await listen(b, interviewer, sessionId);
    await onB.next(ofType('hello'));
    const joined = Date.now();
    // A save made after the join (the notice of the one before it may still arrive: the relay keeps a room's last
    // save until a look at the rooms' people begun after it, and the interviewer may be in by then).
    const afterJoin = (e: { data: { type: string; revision?: number } }) =>
      e.data.type === 'saved' && (e.data.revision ?? 0) > 1;
    while (!onB.received.some(afterJoin) && Date.now() - joined < 5000) {
      await save();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Instance A learns of B's interviewer from the database (its watch list is at most two seconds old).
    const first = await onB.next(afterJoin, 2000);
    expect(first.data.revision).toBeGreaterThan(1);
  });
});

describe('revocation', () => {
  it('ends the interviewer’s stream at once: the next event is an error, and reconnecting gets 404', async () => {
    const { candidate, interviewer, sessionId, inviteId } = await room(b);
    const stream = await listen(b, interviewer, sessionId);
    await stream.next(ofType('hello'));
    expect((await reply(candidate.api.invites[':id'].$delete({ param: { id: inviteId } }))).status).toBe(200);
    const error = await stream.next(ofType('error'));
    expect(error.data).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/revoked/) });
    await stream.ended;
    expect(stream.received.at(-1)?.data.type).toBe('error');
    const again = await listen(b, interviewer, sessionId);
    expect(again.status).toBe(404);
  });
});
