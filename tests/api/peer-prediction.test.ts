/**
 * The candidate's prediction of a peer's hire signal over HTTP: made with the self-score, closed once a peer's
 * score is visible, and set against the peers' signals in insights (folded in, and the same rebuilt).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const users: Record<'owner' | 'peer', ReturnType<typeof client>> = {} as never;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture] });
  for (const name of ['owner', 'peer'] as const) {
    users[name] = client(server.url);
    await users[name].signUp({ email: `${name}@prediction.example`, password: `${name}-password-1`, name });
  }
});
afterAll(() => server.close());

/** A finished design session of the owner's, rated `self` on every criterion. */
async function finishedSession(self: number, peerPrediction?: 'Strong No Hire' | 'No Hire' | 'Hire' | 'Strong Hire') {
  const { session } = await answer(users.owner.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
  const param = { id: session.id };
  await answer(users.owner.api.sessions[':id'].submit.$post({ param }));
  const ratings = Object.fromEntries(session.rubric.criteria.map((c) => [c.id, self]));
  const scored = await answer(
    users.owner.api.sessions[':id'].scores.self.$put({ param, json: { ratings, peerPrediction } })
  );
  return { id: session.id, ratings, scored: scored.session };
}

/** The peer accepts an invite to the session and submits `rating` on every criterion with `hireSignal`. */
async function peerScores(id: string, rating: number, hireSignal: 'No Hire' | 'Hire' | 'Strong Hire') {
  const { token } = await answer(users.owner.api.sessions[':id'].invites.$post({ param: { id }, json: {} }));
  await answer(users.peer.api.invites.accept.$post({ json: { token } }));
  const { session } = await answer(users.peer.api.sessions[':id'].$get({ param: { id } }));
  const ratings = Object.fromEntries(session.rubric.criteria.map((c) => [c.id, rating]));
  await answer(
    users.peer.api.sessions[':id'].scores.peer.$put({
      param: { id },
      json: { ratings, hireSignal, feedback: 'ok', submit: true }
    })
  );
}

const insights = () => answer(users.owner.api.insights.$get());

describe('predicting the peer’s hire signal', () => {
  let first: Awaited<ReturnType<typeof finishedSession>>;

  it('is stored with the self-score, may change while no peer has scored, and a save without it keeps it', async () => {
    first = await finishedSession(2, 'Hire');
    expect(first.scored.selfScore?.peerPrediction).toMatchObject({ hireSignal: 'Hire' });
    const param = { id: first.id };
    const changed = await answer(
      users.owner.api.sessions[':id'].scores.self.$put({
        param,
        json: { ratings: first.ratings, peerPrediction: 'No Hire' }
      })
    );
    expect(changed.session.selfScore?.peerPrediction).toMatchObject({ hireSignal: 'No Hire' });
    const kept = await answer(
      users.owner.api.sessions[':id'].scores.self.$put({ param, json: { ratings: first.ratings, summary: 'again' } })
    );
    expect(kept.session.selfScore?.peerPrediction).toMatchObject({ hireSignal: 'No Hire' });
  });

  it('refuses a bad signal by name', async () => {
    const res = await users.owner.request('PUT', `/api/sessions/${first.id}/scores/self`, {
      ratings: first.ratings,
      peerPrediction: 'Maybe'
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { peerPrediction: expect.any(String) } });
  });

  it('is closed once a peer’s score is visible: a change or a removal gets 409 PREDICTION_CLOSED', async () => {
    await peerScores(first.id, 3, 'Hire');
    for (const peerPrediction of ['Hire', null]) {
      const res = await users.owner.request('PUT', `/api/sessions/${first.id}/scores/self`, {
        ratings: first.ratings,
        peerPrediction
      });
      expect(res.status).toBe(409);
      expect(res.json.error).toMatchObject({
        code: 'PREDICTION_CLOSED',
        fields: { peerPrediction: expect.any(String) }
      });
    }
    // The same prediction sent again, or none sent: the self-score saves and the prediction stays as it was.
    for (const json of [{ ratings: first.ratings, peerPrediction: 'No Hire' as const }, { ratings: first.ratings }]) {
      const saved = await answer(users.owner.api.sessions[':id'].scores.self.$put({ param: { id: first.id }, json }));
      expect(saved.session.selfScore?.peerPrediction).toMatchObject({ hireSignal: 'No Hire' });
    }
    const scores = await answer(users.owner.api.sessions[':id'].scores.$get({ param: { id: first.id } }));
    expect(scores.self?.peerPrediction).toBe('No Hire');
    expect(scores.peers.map((p) => p.hireSignal)).toEqual(['Hire']);
  });

  it('insights set each prediction against the peer’s signal over time, and say the gaps plainly', async () => {
    const once = await insights();
    expect(once.calibration.prediction).toMatchObject({
      points: [{ sessionId: first.id, predicted: 'No Hire', actual: ['Hire'] }],
      compared: 1,
      matched: 0,
      meanGap: -1,
      // One comparison is not a pattern yet.
      statement: null
    });
    // A second session, folded into the kept aggregate: predicted No Hire again, the peer gives Strong Hire.
    const second = await finishedSession(2, 'No Hire');
    await peerScores(second.id, 3, 'Strong Hire');
    // A third with a prediction and no peer yet: not compared.
    await finishedSession(2, 'Hire');
    const folded = await insights();
    expect(folded.calibration.prediction).toEqual({
      points: [
        { sessionId: first.id, at: expect.any(String), predicted: 'No Hire', actual: ['Hire'] },
        { sessionId: second.id, at: expect.any(String), predicted: 'No Hire', actual: ['Strong Hire'] }
      ],
      compared: 2,
      matched: 0,
      meanGap: -1.5,
      statement: 'You expect a lower hire signal than your peers give you, by about two levels.'
    });
    // Self 2 against the peer's 3 on every criterion of two design sessions: under-rated by one level.
    expect(folded.calibration.byKind).toEqual([
      {
        kind: 'design',
        meanGap: -1,
        sessions: 2,
        statement: 'You under-rate your system design by about one level.'
      }
    ]);
    // Rebuilt from every session, the same.
    const user = await server.database.users.findOne({ emailKey: 'owner@prediction.example' });
    await server.database.insightsCache.deleteOne({ _id: user!._id });
    expect((await insights()).calibration).toEqual(folded.calibration);
  });
});
