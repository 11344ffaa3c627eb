/**
 * A person's data is theirs to delete: a session with everything kept for it (work, recording, invite, the room),
 * and the whole account once its password is confirmed; nobody else can delete either.
 */
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const password = 'owned-password-1';

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture] });
});
afterAll(() => server?.close());

async function person(name: string) {
  const c = client(server.url);
  const email = `${name.toLowerCase()}-${Date.now()}@owned.example`;
  await c.signUp({ email, password, name });
  return Object.assign(c, { email });
}

/** A session with work, a recording chunk, an interviewer admitted and a chat message in its room. */
async function fullSession(
  candidate: Awaited<ReturnType<typeof person>>,
  interviewer: Awaited<ReturnType<typeof person>>
) {
  const { session } = await answer(candidate.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
  const at = (c: typeof candidate) => c.api.sessions[':id'];
  const param = { id: session.id };
  await answer(at(candidate).work.$patch({ param, json: { revision: session.revision, notes: { design: 'mine' } } }));
  const chunk = { segment: 0, seq: 0, startMs: 0, durationMs: 500, data: Buffer.alloc(64, 1).toString('base64') };
  await answer(at(candidate).recording.chunks.$post({ param, json: chunk }));
  const invite = await answer(at(candidate).invites.$post({ param, json: {} }), 201);
  expect((await reply(interviewer.api.invites.accept.$post({ json: { token: invite.token } }))).status).toBe(200);
  expect((await reply(at(interviewer).chat.$post({ param, json: { text: 'Walk me through it' } }))).status).toBe(201);
  return session.id as string;
}

const kept = async (sessionId: string) => {
  const _id = new ObjectId(sessionId);
  const { sessions, invites, roomItems, recordings, recordingChunks } = server.database;
  return {
    sessions: await sessions.countDocuments({ _id }),
    invites: await invites.countDocuments({ sessionId: _id }),
    roomItems: await roomItems.countDocuments({ sessionId: _id }),
    recordings: await recordings.countDocuments({ _id }),
    chunks: await recordingChunks.countDocuments({ sessionId: _id })
  };
};

describe('deleting a session', () => {
  it('is the candidate’s alone, and takes everything kept for the session with it', async () => {
    const candidate = await person('Dee');
    const interviewer = await person('Eli');
    const id = await fullSession(candidate, interviewer);
    expect(await kept(id)).toEqual({ sessions: 1, invites: 1, roomItems: 1, recordings: 1, chunks: 1 });

    // The interviewer reads it but may not delete it; a stranger does not find it.
    for (const other of [interviewer, await person('Fay')]) {
      const refused = await reply(other.api.sessions[':id'].$delete({ param: { id } }));
      expect(refused.status).toBe(404);
    }
    expect((await answer(candidate.api.sessions[':id'].$delete({ param: { id } }))).deleted).toBe(true);
    expect(await kept(id)).toEqual({ sessions: 0, invites: 0, roomItems: 0, recordings: 0, chunks: 0 });
    for (const who of [candidate, interviewer]) {
      expect((await reply(who.api.sessions[':id'].$get({ param: { id } }))).status).toBe(404);
    }
    expect((await answer(candidate.api.sessions.$get({ query: {} }))).items).toEqual([]);
    // Deleting it again finds nothing.
    expect((await reply(candidate.api.sessions[':id'].$delete({ param: { id } }))).status).toBe(404);
  });
});

describe('deleting an account', () => {
  it('asks for the password, then deletes the account and its data and ends every sign-in', async () => {
    const gone = await person('Gus');
    const other = await person('Hal');
    const id = await fullSession(gone, other);
    const wrong = await reply(gone.api.me.account.$delete({ json: { password: 'not-the-password-1' } }));
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS', fields: { password: expect.any(String) } }
    });
    expect((await kept(id)).sessions).toBe(1);

    const cookie = gone.cookie;
    expect((await answer(gone.api.me.account.$delete({ json: { password } }))).deleted).toBe(true);
    expect(await kept(id)).toEqual({ sessions: 0, invites: 0, roomItems: 0, recordings: 0, chunks: 0 });
    const user = await server.database.users.findOne({ emailKey: gone.email.toLowerCase() });
    expect(user).toBeNull();
    // The old cookie signs nobody in; the e-mail and password sign nobody in.
    gone.cookie = cookie;
    expect((await answer(gone.api.auth.session.$get())).user).toBeNull();
    const again = await reply(gone.api.auth.signin.$post({ json: { email: gone.email, password } }));
    expect(again.status).toBe(401);
    // The other person is untouched.
    expect((await answer(other.api.auth.session.$get())).user).not.toBeNull();
  });
});
