/** Peer review over HTTP on the real database: invites, reviewer access, peer scores and calibration. */
import { createHash } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer, type JsonOf } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const users: Record<'owner' | 'peer' | 'other', ReturnType<typeof client>> = {} as never;
let sessionId: string;
let criteria: string[];

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture] });
  for (const name of ['owner', 'peer', 'other'] as const) {
    users[name] = client(server.url);
    await users[name].signUp({
      email: `${name}@reviews.example`,
      password: `${name}-password-1`,
      name: name[0]!.toUpperCase() + name.slice(1)
    });
  }
  const { session } = await answer(users.owner.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
  sessionId = session.id;
  criteria = session.rubric.criteria.map((c) => c.id);
  const work = { revision: 0, notes: { design: 'cache + kv' } };
  await answer(users.owner.api.sessions[':id'].work.$patch({ param: { id: sessionId }, json: work }));
});
afterAll(() => server.close());

const invite = () => answer(users.owner.api.sessions[':id'].invites.$post({ param: { id: sessionId }, json: {} }));
/** `as` accepts an invite, whatever the answer. */
const accept = (as: ReturnType<typeof client>, token: string) =>
  reply(as.api.invites.accept.$post({ json: { token } }));
/** `as` revokes an invite, whatever the answer. */
const revoke = (as: ReturnType<typeof client>, id: string) => reply(as.api.invites[':id'].$delete({ param: { id } }));
/** `as` reads a session (the shared one by default), or its scores, whatever the answer. */
const readSession = (as: ReturnType<typeof client>, id = sessionId) =>
  reply(as.api.sessions[':id'].$get({ param: { id } }));
const readScores = (as: ReturnType<typeof client>, id = sessionId) =>
  reply(as.api.sessions[':id'].scores.$get({ param: { id } }));
type PeerScore = JsonOf<ReturnType<typeof client>['api']['sessions'][':id']['scores']['peer']['$put']>;
/** `as` puts a peer score on the shared session, whatever the answer. */
const putPeer = (as: ReturnType<typeof client>, json: PeerScore) =>
  reply(as.api.sessions[':id'].scores.peer.$put({ param: { id: sessionId }, json }));
const listInvites = (as: ReturnType<typeof client>) =>
  reply(as.api.sessions[':id'].invites.$get({ param: { id: sessionId } }));
const all = (rating: number) => Object.fromEntries(criteria.map((id) => [id, rating]));

describe('invites', () => {
  it('creates a link with a 256-bit token and stores only its hash', async () => {
    const created = await invite();
    expect(created.url).toBe(`${server.url}/invite/${created.token}`);
    expect(Buffer.from(created.token, 'base64url')).toHaveLength(32);
    expect(created.invite).toMatchObject({ status: 'open', reviewerName: null });
    const stored = await server.database.invites.findOne({ _id: new ObjectId(created.invite.id) });
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(stored?.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(Date.parse(created.invite.expiresAt) - Date.parse(created.invite.createdAt)).toBe(7 * 86_400_000);
  });

  it('admits one reviewer, who sees the session read-only without the candidate’s self-score', async () => {
    const { token } = await invite();
    expect(await answer(users.peer.api.invites.accept.$post({ json: { token } }))).toEqual({ sessionId });
    const view = await answer(users.peer.api.sessions[':id'].$get({ param: { id: sessionId } }));
    expect(view.session).toMatchObject({
      role: 'reviewer',
      selfScore: null,
      work: { notes: { design: 'cache + kv' } }
    });
    const write = await reply(
      users.peer.api.sessions[':id'].work.$patch({
        param: { id: sessionId },
        json: { revision: 1, notes: { design: 'x' } }
      })
    );
    expect(write.status).toBe(404);
    const again = await accept(users.peer, token);
    expect(again.status).toBe(200);
    const second = await accept(users.other, token);
    expect(second.status).toBe(410);
    expect(second.json.error).toMatchObject({
      code: 'INVITE_INVALID',
      message: expect.stringMatching(/already been used/)
    });
  });

  it.each([
    { name: 'an unknown token', prepare: async () => 'x'.repeat(43), status: 404, message: /not valid/ },
    {
      name: 'an expired token',
      prepare: async () => {
        const created = await invite();
        await server.database.invites.updateOne(
          { _id: new ObjectId(created.invite.id) },
          { $set: { expiresAt: new Date(Date.now() - 1000) } }
        );
        return created.token;
      },
      status: 410,
      message: /expired/
    },
    {
      name: 'a revoked token',
      prepare: async () => {
        const created = await invite();
        await answer(users.owner.api.invites[':id'].$delete({ param: { id: created.invite.id } }));
        return created.token;
      },
      status: 410,
      message: /revoked/
    }
  ])('refuses $name with $status', async ({ prepare, status, message }) => {
    const res = await accept(users.other, await prepare());
    expect(res.status).toBe(status);
    expect(res.json.error.message).toMatch(message);
    expect((await readSession(users.other)).status).toBe(404);
  });

  it('tells a signed-out holder of an open link who invited them and to what, and nothing else', async () => {
    const created = await invite();
    const stranger = client(server.url);
    const preview = await answer(stranger.api['invite-preview'].$post({ json: { token: created.token } }));
    // The name and the mock's title only: no session id, work, dates, e-mail or rubric.
    expect(preview).toEqual({ inviterName: 'Owner', kind: 'design', title: designFixture.title, purpose: 'interview' });
    const unknown = await reply(stranger.api['invite-preview'].$post({ json: { token: 'x'.repeat(43) } }));
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.json)).not.toContain('Owner');
    // Used, then revoked: the link tells nothing any more.
    const taker = client(server.url);
    await taker.signUp({ email: 'taker@reviews.example', password: 'taker-password-1', name: 'Taker' });
    expect((await accept(taker, created.token)).status).toBe(200);
    const used = await reply(stranger.api['invite-preview'].$post({ json: { token: created.token } }));
    expect(used.status).toBe(410);
    expect(JSON.stringify(used.json)).not.toContain(designFixture.title);
    const other = await invite();
    expect((await revoke(users.owner, other.invite.id)).status).toBe(200);
    const revoked = await reply(stranger.api['invite-preview'].$post({ json: { token: other.token } }));
    expect(revoked.status).toBe(410);
  });

  it('refuses the owner accepting their own invite, and a stranger listing or revoking invites', async () => {
    const created = await invite();
    expect((await accept(users.owner, created.token)).status).toBe(409);
    expect((await listInvites(users.other)).status).toBe(404);
    expect((await revoke(users.other, created.invite.id)).status).toBe(404);
    const listed = await answer(users.owner.api.sessions[':id'].invites.$get({ param: { id: sessionId } }));
    expect(listed.items.some((i) => i.reviewerName === 'Peer')).toBe(true);
  });
});

describe('peer scores', () => {
  it('keeps a draft editable, refuses an incomplete submit, then locks the submitted score', async () => {
    const draft = await putPeer(users.peer, {
      ratings: { [criteria[0]!]: 2 },
      feedback: 'Clear requirements; thin estimates'
    });
    expect(draft.status).toBe(200);
    expect(draft.json.score).toMatchObject({ submittedAt: null, score: null });
    const incomplete = await putPeer(users.peer, { ratings: all(2), submit: true });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json.error.fields).toHaveProperty('hireSignal');
    const final: PeerScore = { ratings: all(2), hireSignal: 'No Hire', feedback: 'Needs deeper dives', submit: true };
    // No final score while the candidate is still working.
    const early = await putPeer(users.peer, final);
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/still working/);
    await answer(users.owner.api.sessions[':id'].submit.$post({ param: { id: sessionId } }));
    const submitted = await answer(
      users.peer.api.sessions[':id'].scores.peer.$put({ param: { id: sessionId }, json: final })
    );
    expect(submitted.score).toMatchObject({
      score: 33.3,
      computedSignal: 'Strong No Hire',
      hireSignal: 'No Hire'
    });
    const late = await putPeer(users.peer, { ratings: all(4) });
    expect(late.status).toBe(409);
  });

  it('refuses unknown criteria and out-of-range ratings with 400 naming them', async () => {
    for (const ratings of [{ charisma: 3 }, { [criteria[0]!]: 5 }]) {
      const res = await putPeer(users.peer, { ratings });
      expect(res.status).toBe(400);
      expect(Object.keys(res.json.error.fields)[0]).toMatch(/^ratings\./);
    }
  });

  it('is refused to the owner (403) and to a stranger (404)', async () => {
    expect((await putPeer(users.owner, { ratings: {} })).status).toBe(403);
    expect((await putPeer(users.other, { ratings: {} })).status).toBe(404);
  });

  it('shows the candidate self and peer side by side with the gap per criterion', async () => {
    const param = { id: sessionId };
    // Submitted already by the test before: a second submit answers as the first did.
    await reply(users.owner.api.sessions[':id'].submit.$post({ param }));
    await answer(users.owner.api.sessions[':id'].scores.self.$put({ param, json: { ratings: all(3) } }));
    const res = await readScores(users.owner);
    expect(res.json.role).toBe('owner');
    expect(res.json.self).toMatchObject({ score: 66.7, hireSignal: 'Hire' });
    expect(res.json.peers).toHaveLength(1);
    expect(res.json.calibration[0]).toMatchObject({ reviewerName: 'Peer', meanGap: 1 });
    expect(res.json.calibration[0].gaps).toHaveLength(criteria.length);
    const reviewerView = await readScores(users.peer);
    expect(reviewerView.json).toMatchObject({ role: 'reviewer', self: null, calibration: [] });
  });

  it('an invite’s expiry ends the reviewer’s access too, not only the link', async () => {
    const { session } = await answer(users.owner.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
    const created = await answer(
      users.owner.api.sessions[':id'].invites.$post({ param: { id: session.id }, json: {} })
    );
    await accept(users.peer, created.token);
    expect((await readSession(users.peer, session.id)).status).toBe(200);
    await server.database.invites.updateOne(
      { _id: new ObjectId(created.invite.id) },
      { $set: { expiresAt: new Date(Date.now() - 1000) } }
    );
    expect((await readSession(users.peer, session.id)).status).toBe(404);
    expect((await readScores(users.peer, session.id)).status).toBe(404);
  });

  it('admits the reviewer by the invite their own list of sessions names, read by _id; opening the link lists it again', async () => {
    const { session } = await answer(users.owner.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
    const created = await answer(
      users.owner.api.sessions[':id'].invites.$post({ param: { id: session.id }, json: {} })
    );
    await accept(users.peer, created.token);
    expect((await readSession(users.peer, session.id)).status).toBe(200);
    // An accept cut short between its two writes: the invite is accepted, the reviewer's list does not name it. The
    // access is not searched for among the invites, so there is none until the link is opened again.
    const peer = (await server.database.users.findOne({ email: 'peer@reviews.example' }))!;
    await server.database.userSessions.updateOne({ _id: peer._id }, { $unset: { [`given.${session.id}`]: '' } });
    expect((await readSession(users.peer, session.id)).status).toBe(404);
    expect((await accept(users.peer, created.token)).status).toBe(200);
    expect((await readSession(users.peer, session.id)).status).toBe(200);
  });

  it('revoking the invite ends the reviewer’s access', async () => {
    const { items } = await answer(users.owner.api.sessions[':id'].invites.$get({ param: { id: sessionId } }));
    const used = items.find((i) => i.reviewerName === 'Peer')!;
    await revoke(users.owner, used.id);
    expect((await readSession(users.peer)).status).toBe(404);
  });
});
