/**
 * The interviewer's side over HTTP on the real database: every session a person took and every interview they gave
 * is in their history (read by `_id` from `user_sessions`, legacy sessions listed by one backfill that a racing
 * start cannot lose), invites change live and an open one's link can be issued again, and the candidate rates the
 * feedback they got, which the interviewer reads on their record against the other interviewers' calibration.
 */
import { designPhasePlan } from '@mockloop/rubrics';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { ofType, openEvents } from '../support/sse.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
type Client = ReturnType<typeof client>;
let counter = 0;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture] });
});
afterAll(() => server.close());

async function person(name: string): Promise<Client & { id: ObjectId }> {
  const c = client(server.url);
  const email = `${name.toLowerCase()}-${++counter}@interviewer-side.example`;
  await c.signUp({ email, password: `${name}-password-1`, name });
  const user = await server.database.users.findOne({ emailKey: email });
  return Object.assign(c, { id: user!._id });
}

const start = (as: Client) => answer(as.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
const list = (as: Client, query: Record<string, string> = {}) =>
  answer(as.api.sessions.$get({ query: { limit: '200', ...query } })).then((r) => r.items);

/** Sessions stored as they were before `user_sessions` existed: straight into the collection, listed nowhere. */
async function legacySessions(userId: ObjectId, count: number): Promise<ObjectId[]> {
  const template = (await server.database.sessions.findOne({}))!;
  const docs = Array.from({ length: count }, (_, i) => {
    const startedAt = new Date(Date.UTC(2026, 0, 1, i));
    return {
      ...template,
      _id: new ObjectId(),
      userId,
      status: 'submitted' as const,
      startedAt,
      deadline: new Date(startedAt.getTime() + 3_600_000),
      submittedAt: new Date(startedAt.getTime() + 3_000_000),
      phasePlan: designPhasePlan(60),
      selfScore: null
    };
  });
  await server.database.sessions.insertMany(docs);
  return docs.map((d) => d._id);
}

/** A's session, finished, with B admitted by an invite; B's submitted score of it when `score` is given. */
async function interview(a: Client, b: Client, score?: number) {
  const { session } = await start(a);
  const { token, invite } = await answer(
    a.api.sessions[':id'].invites.$post({ param: { id: session.id }, json: {} }),
    201
  );
  await answer(b.api.invites.accept.$post({ json: { token } }));
  await answer(a.api.sessions[':id'].submit.$post({ param: { id: session.id } }));
  if (score !== undefined) {
    const ratings = Object.fromEntries(session.rubric.criteria.map((c) => [c.id, score]));
    await answer(
      b.api.sessions[':id'].scores.peer.$put({
        param: { id: session.id },
        json: { ratings, feedback: 'Clear requirements; size the cache.', hireSignal: 'Hire', submit: true }
      })
    );
  }
  return { session, invite };
}

describe('history read by _id', () => {
  it('lists a person’s sessions stored before the list existed (one backfill), with new ones', async () => {
    const ada = await person('Ada');
    await start(ada); // the template for legacy sessions, and a session listed the new way
    const legacy = await legacySessions(ada.id, 30);
    await server.database.userSessions.deleteOne({ _id: ada.id });
    const { session: fresh } = await start(ada);
    expect((await server.database.userSessions.findOne({ _id: ada.id }))?.built).toBeFalsy();
    const ids = (await list(ada)).map((s) => s.id);
    expect(ids).toHaveLength(32);
    for (const id of legacy) expect(ids).toContain(id.toHexString());
    expect(ids[0]).toBe(fresh.id);
    expect((await server.database.userSessions.findOne({ _id: ada.id }))?.built).toBe(true);
  });

  it('never loses a start that races the backfill (20 starts during the first read, 3 rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const bob = await person('Bob');
      const legacy = await legacySessions(bob.id, 40);
      const [, ...started] = await Promise.all([
        list(bob),
        ...Array.from({ length: 20 }, () => start(bob).then((r) => r.session.id))
      ]);
      const ids = new Set((await list(bob)).map((s) => s.id));
      expect(ids.size).toBe(60);
      for (const id of [...legacy.map((l) => l.toHexString()), ...started]) expect(ids).toContain(id);
    }
  });

  it('filters by kind, status, days and limit as before, newest first', async () => {
    const cy = await person('Cy');
    const first = (await start(cy)).session;
    const second = (await start(cy)).session;
    await answer(cy.api.sessions[':id'].submit.$post({ param: { id: first.id } }));
    expect((await list(cy)).map((s) => s.id)).toEqual([second.id, first.id]);
    expect((await list(cy, { status: 'submitted' })).map((s) => s.id)).toEqual([first.id]);
    expect((await list(cy, { limit: '1' })).map((s) => s.id)).toEqual([second.id]);
    expect(await list(cy, { kind: 'coding' })).toEqual([]);
    expect(await list(cy, { to: '2020-01-01' })).toEqual([]);
    const bad = await reply(cy.api.sessions.$get({ query: { role: 'judge' as never } }));
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('role');
  });
});

describe('the interviews a person gave', () => {
  it('are in the interviewer’s history with their feedback, never in the candidate’s as given', async () => {
    const [a, b] = [await person('Amal'), await person('Bea')];
    const { session } = await interview(a, b);
    const given = await list(b, { role: 'interviewer' });
    expect(given).toEqual([
      expect.objectContaining({ id: session.id, role: 'interviewer', candidateName: 'Amal', score: null })
    ]);
    expect(await list(b, { role: 'candidate' })).toEqual([]);
    expect((await list(a)).map((s) => [s.id, s.role, s.candidateName])).toEqual([[session.id, 'candidate', null]]);

    const ratings = Object.fromEntries(session.rubric.criteria.map((c) => [c.id, 3]));
    await answer(
      b.api.sessions[':id'].scores.peer.$put({
        param: { id: session.id },
        json: { ratings, feedback: 'Good', hireSignal: 'Hire', submit: true }
      })
    );
    const [scored] = await list(b);
    expect(scored).toMatchObject({ role: 'interviewer', hireSignal: 'Hire' });
    expect(scored!.score).toBeGreaterThan(0);
    const [inviteAfter] = (await answer(a.api.sessions[':id'].invites.$get({ param: { id: session.id } }))).items;
    expect(inviteAfter).toMatchObject({ status: 'accepted', reviewerId: b.id.toHexString(), reviewerName: 'Bea' });
    expect(inviteAfter!.scoredAt).not.toBeNull();
  });

  it('stay listed once the invite is revoked, marked as no longer readable', async () => {
    const [a, b] = [await person('Abe'), await person('Bex')];
    const { session, invite } = await interview(a, b, 3);
    expect((await list(b))[0]).toMatchObject({ id: session.id, readable: true });
    await answer(a.api.invites[':id'].$delete({ param: { id: invite.id } }));
    expect((await list(b))[0]).toMatchObject({ id: session.id, readable: false, role: 'interviewer' });
    expect((await list(a))[0]).toMatchObject({ id: session.id, readable: true, role: 'candidate' });
  });

  it('lists interviews given before the list existed (invites accepted earlier)', async () => {
    const [a, b] = [await person('Ari'), await person('Ben')];
    const { session } = await interview(a, b);
    await server.database.userSessions.deleteOne({ _id: b.id });
    expect((await list(b, { role: 'interviewer' })).map((s) => s.id)).toEqual([session.id]);
  });

  it('leave both histories and the interviewer’s record when the candidate deletes the session', async () => {
    const [a, b] = [await person('Ana'), await person('Bo')];
    const { session } = await interview(a, b, 3);
    expect((await answer(b.api.me['interviewer-record'].$get())).scored).toBe(1);
    await answer(a.api.sessions[':id'].$delete({ param: { id: session.id } }));
    expect(await list(a)).toEqual([]);
    expect(await list(b)).toEqual([]);
    expect((await answer(b.api.me['interviewer-record'].$get())).scored).toBe(0);
  });
});

describe('invites seen live, and issued again', () => {
  it('tells the candidate’s stream when the invite is accepted and scored', async () => {
    const [a, b] = [await person('Cleo'), await person('Dan')];
    const { session } = await start(a);
    const stream = await openEvents(`${server.url}/api/sessions/${session.id}/events`, a.cookie);
    try {
      const { token } = await answer(a.api.sessions[':id'].invites.$post({ param: { id: session.id }, json: {} }), 201);
      await answer(b.api.invites.accept.$post({ json: { token } }));
      const accepted = await stream.next(ofType('invite', (d) => d.invite.status === 'accepted'));
      expect(accepted.data.invite).toMatchObject({ reviewerName: 'Dan', reviewerId: b.id.toHexString() });
      await answer(a.api.sessions[':id'].submit.$post({ param: { id: session.id } }));
      const ratings = Object.fromEntries(session.rubric.criteria.map((c) => [c.id, 2]));
      await answer(
        b.api.sessions[':id'].scores.peer.$put({
          param: { id: session.id },
          json: { ratings, hireSignal: 'No Hire', submit: true }
        })
      );
      await stream.next(ofType('invite', (d) => d.invite.scoredAt !== null));
    } finally {
      stream.close();
    }
  });

  it('issues an open invite’s link again: the old link stops working; never once accepted', async () => {
    const [a, b, stranger] = [await person('Eve'), await person('Fay'), await person('Gus')];
    const { session } = await start(a);
    const first = await answer(a.api.sessions[':id'].invites.$post({ param: { id: session.id }, json: {} }), 201);
    const param = { id: first.invite.id };
    expect((await reply(stranger.api.invites[':id'].link.$post({ param, json: {} }))).status).toBe(404);
    const again = await answer(a.api.invites[':id'].link.$post({ param, json: {} }));
    expect(again.invite.id).toBe(first.invite.id);
    expect(again.token).not.toBe(first.token);
    expect((await reply(b.api.invites.accept.$post({ json: { token: first.token } }))).status).toBe(404);
    await answer(b.api.invites.accept.$post({ json: { token: again.token } }));
    const refused = await reply(a.api.invites[':id'].link.$post({ param, json: {} }));
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('INVITE_ACCEPTED');
  });
});

describe('feedback on feedback', () => {
  it('rates only submitted feedback on one’s own session: 400, 404, 409 with stable codes', async () => {
    const [a, b, stranger] = [await person('Hal'), await person('Ivy'), await person('Jo')];
    const { session } = await interview(a, b);
    const body = { reviewerId: b.id.toHexString(), specific: 4, actionable: 5, calibrated: 3 };
    const param = { id: session.id };
    const early = await reply(a.api.sessions[':id']['feedback-rating'].$put({ param, json: body }));
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('FEEDBACK_NOT_SUBMITTED');
    const ratings = Object.fromEntries(session.rubric.criteria.map((c) => [c.id, 3]));
    await answer(
      b.api.sessions[':id'].scores.peer.$put({ param, json: { ratings, hireSignal: 'Hire', submit: true } })
    );
    const bad = await reply(
      a.api.sessions[':id']['feedback-rating'].$put({ param, json: { ...body, specific: 6, actionable: 0 } })
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(Object.keys(bad.json.error.fields)).toEqual(['specific', 'actionable']);
    for (const other of [stranger, b]) {
      const refused = await reply(other.api.sessions[':id']['feedback-rating'].$put({ param, json: body }));
      expect(refused.status).toBe(404);
    }
    const { rating } = await answer(a.api.sessions[':id']['feedback-rating'].$put({ param, json: body }));
    expect(rating).toMatchObject({ specific: 4, actionable: 5, calibrated: 3, comment: '' });
    const changed = await answer(
      a.api.sessions[':id']['feedback-rating'].$put({ param, json: { ...body, calibrated: 2, comment: 'Kind' } })
    );
    expect(changed.rating).toMatchObject({ calibrated: 2, comment: 'Kind' });
    const { items } = await answer(a.api.sessions[':id']['feedback-ratings'].$get({ param }));
    expect(items).toEqual([
      expect.objectContaining({ reviewerName: 'Ivy', rating: expect.objectContaining({ calibrated: 2 }) })
    ]);
  });

  it('shows the interviewer their ratings and their calibration against the others on the rubric', async () => {
    const [a, b, c] = [await person('Kai'), await person('Lou'), await person('Max')];
    const mine = await interview(a, b, 4);
    await interview(a, c, 2);
    await interview(a, c, 3);
    const body = { reviewerId: b.id.toHexString(), specific: 5, actionable: 4, calibrated: 3, comment: 'Useful' };
    await answer(a.api.sessions[':id']['feedback-rating'].$put({ param: { id: mine.session.id }, json: body }));
    const record = await answer(b.api.me['interviewer-record'].$get());
    expect(record).toMatchObject({ given: 1, scored: 1 });
    expect(record.ratings).toEqual({ count: 1, specific: 5, actionable: 4, calibrated: 3 });
    expect(record.rated[0]).toMatchObject({ candidateName: 'Kai', comment: 'Useful' });
    const rubric = record.calibration.find((r) => r.rubricId === mine.session.rubric.id)!;
    // Others on this instance include every earlier test's interviewers on the same rubric: compare by count.
    for (const row of rubric.criteria) {
      expect(row).toMatchObject({ mine: 4, count: 1 });
      expect(row.othersCount).toBeGreaterThanOrEqual(2);
      expect(row.delta).toBeCloseTo(4 - row.others!, 2);
    }
  });

  it('builds the record of feedback submitted before records existed (one scan)', async () => {
    const [a, b] = [await person('Ned'), await person('Oda')];
    await interview(a, b, 4);
    await server.database.interviewerRecords.deleteOne({ _id: b.id });
    const record = await answer(b.api.me['interviewer-record'].$get());
    expect(record.scored).toBe(1);
    expect(record.calibration[0]?.criteria[0]).toMatchObject({ mine: 4, count: 1 });
  });
});
