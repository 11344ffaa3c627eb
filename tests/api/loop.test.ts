/**
 * A full interview loop over HTTP on the real database: started from a template and edited, four rounds (two live
 * with two different interviewers, two solo and self-scored), the blind rule in each person's answers until the
 * last round is in, the prediction before and after, the packet, the committee's votes, strangers refused.
 */
import type { Loop } from '@mockloop/contracts';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behavioralFixture, codingFixture, codingFixtureTwo, designFixture } from '../support/fixtures.ts';
import { answer, client, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const people = ['candidate', 'ada', 'bo', 'stranger'] as const;
const as = {} as Record<(typeof people)[number], ReturnType<typeof client>>;
let loopId: string;
/** Round n's session id, once started. */
const sessionOf: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture, codingFixture, codingFixtureTwo, behavioralFixture] });
  for (const name of people) {
    as[name] = client(server.url);
    await as[name].signUp({ email: `${name}@loop.example`, password: `${name}-password-1`, name });
  }
});
afterAll(() => server.close());

const loopAs = async (who: (typeof people)[number], id = loopId) =>
  (await answer(as[who].api.loops[':id'].$get({ param: { id } }))).loop;

/** Every rubric criterion of round n's session rated `rating`. */
async function allRated(n: number, rating: number) {
  const { session } = await answer(as.candidate.api.sessions[':id'].$get({ param: { id: sessionOf[n]! } }));
  return Object.fromEntries(session.rubric.criteria.map((c) => [c.id, rating]));
}

/** The feedback each person's answers carry, by round: what the blind rule lets each of them see. */
const feedbackSeen = (loop: Loop) => loop.rounds.map((r) => r.feedback?.feedback ?? null);

describe('starting a loop', () => {
  it('lists the templates by level, each round with its kind, length, rubric and question', async () => {
    const { items } = await answer(as.candidate.api['loop-templates'].$get());
    expect(items.map((t) => t.id)).toEqual(['senior', 'staff', 'principal-ai-architect']);
    expect(items[0]!.rounds.map((r) => r.kind)).toEqual(['coding', 'coding', 'design', 'behavioral']);
    expect(items[0]!.rounds[2]).toMatchObject({ durationMin: 60, questionId: designFixture.id });
  });

  it('starts from a template: every round planned on a bank question, no clock started', async () => {
    const { loop } = await answer(as.candidate.api.loops.$post({ json: { templateId: 'senior' } }), 201);
    loopId = loop.id;
    expect(loop).toMatchObject({ role: 'candidate', level: 'senior', packetOpen: false, prediction: null });
    expect(loop.rounds.map((r) => [r.kind, r.status, r.sessionId])).toEqual([
      ['coding', 'planned', null],
      ['coding', 'planned', null],
      ['design', 'planned', null],
      ['behavioral', 'planned', null]
    ]);
    expect(loop.rounds[2]).toMatchObject({ questionId: designFixture.id, rubricId: 'system-design-mock' });
  });

  it('plans the rounds’ days from the first: all on one day (an onsite), or one a day', async () => {
    const days = async (schedule: 'one-day' | 'spread') => {
      const json = { templateId: 'staff', startOn: '2027-01-29', schedule };
      const { loop } = await answer(as.candidate.api.loops.$post({ json }), 201);
      return loop.rounds.map((r) => r.plannedOn);
    };
    expect(await days('one-day')).toEqual(['2027-01-29', '2027-01-29', '2027-01-29', '2027-01-29']);
    expect(await days('spread')).toEqual(['2027-01-29', '2027-01-30', '2027-01-31', '2027-02-01']);
  });

  it('edits a round that has not started: its length and question', async () => {
    const edit = {
      kind: 'coding',
      title: 'Coding 2: warm-up',
      durationMin: 30,
      questionId: codingFixtureTwo.id
    } as const;
    const { loop } = await answer(
      as.candidate.api.loops[':id'].rounds[':n'].$put({ param: { id: loopId, n: '1' }, json: edit })
    );
    expect(loop.rounds[1]).toMatchObject({
      title: 'Coding 2: warm-up',
      durationMin: 30,
      questionId: codingFixtureTwo.id
    });
  });

  it.each([
    [{ templateId: 'intern' }, 'templateId'],
    [{ templateId: 'senior', rounds: [] }, 'rounds'],
    [{ templateId: 'senior', rounds: [{ kind: 'design', title: 'D', durationMin: 50 }] }, 'rounds.0.durationMin'],
    [
      { templateId: 'senior', rounds: [{ kind: 'design', title: 'D', durationMin: 60, questionId: codingFixture.id }] },
      'rounds.0.questionId'
    ],
    [{ templateId: 'senior', rounds: [{ kind: 'loop', title: 'L', durationMin: 60 }] }, 'rounds.0.kind']
  ])('refuses %j with 400 naming %s, and stores nothing', async (body, field) => {
    const before = await server.database.loops.countDocuments();
    const res = await as.candidate.request('POST', '/api/loops', body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.json.error.fields)).toContain(field);
    expect(await server.database.loops.countDocuments()).toBe(before);
  });
});

describe('running the rounds', () => {
  it('starts each round as an ordinary session of its kind, live or solo, once', async () => {
    const modes = ['live', 'solo', 'live', 'solo'] as const;
    for (const [n, mode] of modes.entries()) {
      const { loop } = await answer(
        as.candidate.api.loops[':id'].rounds[':n'].start.$post({ param: { id: loopId, n: String(n) }, json: { mode } })
      );
      expect(loop.rounds[n]).toMatchObject({ status: 'running', mode });
      sessionOf[n] = loop.rounds[n]!.sessionId!;
    }
    const { session } = await answer(as.candidate.api.sessions[':id'].$get({ param: { id: sessionOf[2]! } }));
    expect(session).toMatchObject({ kind: 'design', status: 'active', durationMin: 60 });
    const again = await as.candidate.request('POST', `/api/loops/${loopId}/rounds/0/start`, { mode: 'solo' });
    expect([again.status, again.json.error.code]).toEqual([409, 'ROUND_STARTED']);
    const edit = await as.candidate.request('PUT', `/api/loops/${loopId}/rounds/0`, {
      kind: 'coding',
      title: 'x',
      durationMin: 45
    });
    expect([edit.status, edit.json.error.code]).toEqual([409, 'ROUND_STARTED']);
  });

  it('starts a round once when two starts cross: one clock, one session, the other told ROUND_STARTED', async () => {
    const { loop } = await answer(as.candidate.api.loops.$post({ json: { templateId: 'senior' } }), 201);
    const start = () => as.candidate.request('POST', `/api/loops/${loop.id}/rounds/2/start`, { mode: 'solo' });
    const answers = await Promise.all([start(), start(), start()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.json.error.code)).toEqual([
      'ROUND_STARTED',
      'ROUND_STARTED'
    ]);
    const sessions = await server.database.sessions.find({ 'loop.id': new ObjectId(loop.id) }).toArray();
    expect(sessions.map((s) => s._id.toHexString())).toEqual([
      (await loopAs('candidate', loop.id)).rounds[2]!.sessionId
    ]);
  });

  it('invites one interviewer per live round: Ada to the coding round, Bo to the design round', async () => {
    const invite = (n: number) =>
      answer(
        as.candidate.api.loops[':id'].rounds[':n'].invites.$post({ param: { id: loopId, n: String(n) }, json: {} }),
        201
      );
    const toAda = await invite(0);
    const toBo = await invite(2);
    await answer(as.ada.api.invites.accept.$post({ json: { token: toAda.token } }));
    await answer(as.bo.api.invites.accept.$post({ json: { token: toBo.token } }));
    const second = await as.candidate.request('POST', `/api/loops/${loopId}/rounds/0/invites`, {});
    expect(second.status).toBe(409);
    const solo = await as.candidate.request('POST', `/api/loops/${loopId}/rounds/1/invites`, {});
    expect(solo.status).toBe(409);
    const loop = await loopAs('candidate');
    expect(loop.rounds.map((r) => r.invite)).toEqual([
      { status: 'accepted', interviewerName: 'ada' },
      { status: 'none', interviewerName: null },
      { status: 'accepted', interviewerName: 'bo' },
      { status: 'none', interviewerName: null }
    ]);
    expect((await loopAs('ada')).rounds.map((r) => r.yours)).toEqual([true, false, false, false]);
    // An interviewer reaches only their own round's session.
    expect((await as.ada.request('GET', `/api/sessions/${sessionOf[2]}`)).status).toBe(404);
  });

  it('refuses feedback before the round ends, from the wrong interviewer, and on unknown criteria', async () => {
    const early = await as.ada.request('PUT', `/api/loops/${loopId}/rounds/0/feedback`, {
      ratings: await allRated(0, 3),
      hireSignal: 'Hire',
      submit: true
    });
    expect(early.status).toBe(409);
    const wrong = await as.ada.request('PUT', `/api/loops/${loopId}/rounds/2/feedback`, { ratings: {} });
    expect(wrong.status).toBe(403);
    const unknown = await as.ada.request('PUT', `/api/loops/${loopId}/rounds/0/feedback`, {
      ratings: { 'trade-offs': 3 }
    });
    expect([unknown.status, Object.keys(unknown.json.error.fields)]).toEqual([400, ['ratings.trade-offs']]);
    const noSignal = await as.ada.request('PUT', `/api/loops/${loopId}/rounds/0/feedback`, {
      ratings: {},
      submit: true
    });
    expect(Object.keys(noSignal.json.error.fields)).toEqual(['hireSignal']);
  });
});

describe('the blind rule until the last round is in', () => {
  it('Ada’s submitted feedback is hers alone: not Bo’s, not the candidate’s, not in the round’s scores', async () => {
    for (const n of [0, 1, 2, 3]) await as.candidate.request('POST', `/api/sessions/${sessionOf[n]}/submit`);
    const body = {
      ratings: await allRated(0, 3),
      feedback: 'Ada: clean code, missed an edge case',
      hireSignal: 'Hire' as const
    };
    await answer(
      as.ada.api.loops[':id'].rounds[':n'].feedback.$put({
        param: { id: loopId, n: '0' },
        json: { ...body, submit: true }
      })
    );
    expect(feedbackSeen(await loopAs('ada'))).toEqual(['Ada: clean code, missed an edge case', null, null, null]);
    expect(feedbackSeen(await loopAs('bo'))).toEqual([null, null, null, null]);
    const candidate = await loopAs('candidate');
    expect(feedbackSeen(candidate)).toEqual([null, null, null, null]);
    expect(candidate.rounds[0]).toMatchObject({ status: 'in', feedbackSubmitted: true });
    const scores = await answer(as.candidate.api.sessions[':id'].scores.$get({ param: { id: sessionOf[0]! } }));
    expect(scores.peers).toEqual([]);
    // Not through the peer score either: a round's feedback is written in its loop.
    const peer = await as.ada.request('PUT', `/api/sessions/${sessionOf[0]}/scores/peer`, { ratings: {} });
    expect(peer.status).toBe(409);
    const resubmit = await as.ada.request('PUT', `/api/loops/${loopId}/rounds/0/feedback`, { ...body, submit: true });
    expect(resubmit.status).toBe(409);
    // Nor through any round's live room: nothing of the feedback is told to a room (its stream reads these).
    const told = [
      ...(await server.database.events.find().toArray()),
      ...(await server.database.roomItems.find().toArray())
    ];
    expect(JSON.stringify(told)).not.toContain('missed an edge case');
  });

  it('no one opens the packet, and the candidate predicts, until every round is in', async () => {
    for (const who of ['candidate', 'ada', 'bo'] as const) {
      const res = await as[who].request('GET', `/api/loops/${loopId}/packet`);
      expect([res.status, res.json.error.code]).toEqual([409, 'PACKET_NOT_READY']);
    }
    const bad = await as.candidate.request('PUT', `/api/loops/${loopId}/prediction`, {
      rounds: ['Hire'],
      decision: 'Hire'
    });
    expect(Object.keys(bad.json.error.fields)).toEqual(['rounds']);
    const prediction = {
      rounds: ['Hire', 'Hire', 'Strong Hire', 'Hire'] as ('Hire' | 'Strong Hire')[],
      decision: 'Hire' as const,
      level: 'senior' as const
    };
    const { loop } = await answer(
      as.candidate.api.loops[':id'].prediction.$put({ param: { id: loopId }, json: prediction })
    );
    expect(loop.prediction).toMatchObject(prediction);
    expect((await loopAs('ada')).prediction).toBeNull();
    const byAda = await as.ada.request('PUT', `/api/loops/${loopId}/prediction`, prediction);
    expect(byAda.status).toBe(403);
  });

  it('names the committee from the live rounds’ interviewers', async () => {
    const solo = await as.candidate.request('PUT', `/api/loops/${loopId}/committee`, { rounds: [1] });
    expect(Object.keys(solo.json.error.fields)).toEqual(['rounds.0']);
    const { loop } = await answer(
      as.candidate.api.loops[':id'].committee.$put({ param: { id: loopId }, json: { rounds: [2, 0] } })
    );
    expect(loop.committeeRounds).toEqual([0, 2]);
    expect((await loopAs('bo')).onCommittee).toBe(true);
  });

  it('the solo rounds count as in once self-scored; the packet waits for Bo', async () => {
    for (const n of [1, 3]) {
      await answer(
        as.candidate.api.sessions[':id'].scores.self.$put({
          param: { id: sessionOf[n]! },
          json: { ratings: await allRated(n, 3) }
        })
      );
    }
    const loop = await loopAs('candidate');
    expect(loop.rounds.map((r) => r.status)).toEqual(['in', 'in', 'ended', 'in']);
    expect(loop.packetOpen).toBe(false);
    expect(feedbackSeen(await loopAs('bo'))).toEqual([null, null, null, null]);
  });
});

describe('the packet, once the last round is in', () => {
  it('opens when Bo submits: everyone sees every feedback, and the prediction is closed', async () => {
    await answer(
      as.bo.api.loops[':id'].rounds[':n'].feedback.$put({
        param: { id: loopId, n: '2' },
        json: {
          ratings: await allRated(2, 3),
          feedback: 'Bo: solid estimates',
          hireSignal: 'Hire' as const,
          submit: true
        }
      })
    );
    const seen = ['Ada: clean code, missed an edge case', null, 'Bo: solid estimates', null];
    for (const who of ['candidate', 'ada', 'bo'] as const) {
      const loop = await loopAs(who);
      expect(loop.packetOpen).toBe(true);
      expect(feedbackSeen(loop)).toEqual(seen);
    }
    const late = await as.candidate.request('PUT', `/api/loops/${loopId}/prediction`, {
      rounds: ['Hire', 'Hire', 'Hire', 'Hire'],
      decision: 'Hire'
    });
    expect([late.status, late.json.error.code]).toEqual([409, 'PREDICTION_CLOSED']);
    // Published as each live round's peer score: the round's result, insights and calibration read it.
    const scores = await answer(as.candidate.api.sessions[':id'].scores.$get({ param: { id: sessionOf[0]! } }));
    expect(scores.peers).toMatchObject([{ reviewerName: 'ada', hireSignal: 'Hire' }]);
  });

  it('shows every round side by side with its evidence, the decision and level with reasons, prediction vs outcome', async () => {
    const { packet } = await answer(as.candidate.api.loops[':id'].packet.$get({ param: { id: loopId } }));
    expect(packet.rounds.map((r) => [r.kind, r.mode, r.signal, r.interviewerName])).toEqual([
      ['coding', 'live', 'Hire', 'ada'],
      ['coding', 'solo', 'Hire', null],
      ['design', 'live', 'Hire', 'bo'],
      ['behavioral', 'solo', 'Hire', null]
    ]);
    expect(packet.rounds[0]!.evidence?.coding).toMatchObject({ passed: null });
    expect(packet.rounds[2]!.evidence?.phases.length).toBeGreaterThan(0);
    expect(packet.rounds[3]!.evidence?.behavioral?.prompts).toHaveLength(1);
    expect(packet.rounds[1]!.selfScore).toMatchObject({ hireSignal: 'Hire' });
    expect(packet.rules.length).toBeGreaterThan(5);
    expect(['Hire', 'No Hire', 'Hold']).toContain(packet.committee.decision);
    expect(packet.committee.reasons.length).toBeGreaterThan(0);
    expect(packet.prediction?.rounds.map((r) => r.hit)).toEqual([true, true, false, true]);
    expect(packet.prediction?.decision).toMatchObject({ predicted: 'Hire', actual: packet.committee.decision });
    expect(packet.mayVote).toBe(false);
  });

  it('takes the votes and final notes of the committee only', async () => {
    const vote = { decision: 'Hire', level: 'senior', note: 'Ada: hire at senior' } as const;
    const { packet } = await answer(as.ada.api.loops[':id'].vote.$put({ param: { id: loopId }, json: vote }));
    expect(packet.votes).toMatchObject([{ interviewerName: 'ada', round: 0, ...vote }]);
    expect(packet.yourVote).toMatchObject(vote);
    expect((await as.candidate.request('PUT', `/api/loops/${loopId}/vote`, vote)).status).toBe(403);
    const byBo = await answer(as.bo.api.loops[':id'].packet.$get({ param: { id: loopId } }));
    expect(byBo.packet).toMatchObject({ mayVote: true, yourVote: null, votes: [{ note: 'Ada: hire at senior' }] });
    // The prediction is the candidate's own calibration, not the committee's reading.
    expect(byBo.packet.prediction).toBeNull();
  });
});

describe('nothing half-written', () => {
  it('a round whose question left the bank does not start: no session, the round still planned', async () => {
    const { loop } = await answer(as.candidate.api.loops.$post({ json: { templateId: 'senior' } }), 201);
    // The same database served with a bank that has no design question any more.
    const other = await startTestServer({ dbName: server.dbName, questions: [codingFixture, behavioralFixture] });
    try {
      const there = client(other.url);
      there.cookie = as.candidate.cookie;
      const res = await there.request('POST', `/api/loops/${loop.id}/rounds/2/start`, { mode: 'solo' });
      expect([res.status, res.json.error.code]).toEqual([409, 'CONFLICT']);
    } finally {
      await other.close();
    }
    expect((await loopAs('candidate', loop.id)).rounds[2]).toMatchObject({
      status: 'planned',
      sessionId: null,
      mode: null
    });
    expect(await server.database.sessions.countDocuments({ 'loop.id': new ObjectId(loop.id) })).toBe(0);
  });
});

describe('a live round whose interviewer never came', () => {
  it('runs solo instead once no one is admitted, and the loop completes on the self-score', async () => {
    const rounds = [{ kind: 'design' as const, title: 'Design', durationMin: 60 }];
    const { loop } = await answer(as.candidate.api.loops.$post({ json: { templateId: 'senior', rounds } }), 201);
    const param = { id: loop.id, n: '0' };
    const started = await answer(
      as.candidate.api.loops[':id'].rounds[':n'].start.$post({ param, json: { mode: 'live' } })
    );
    const invite = await answer(as.candidate.api.loops[':id'].rounds[':n'].invites.$post({ param, json: {} }), 201);
    await answer(as.ada.api.invites.accept.$post({ json: { token: invite.token } }));
    const admitted = await as.candidate.request('PUT', `/api/loops/${loop.id}/rounds/0/mode`, { mode: 'solo' });
    expect(admitted.status).toBe(409);
    await answer(as.candidate.api.invites[':id'].$delete({ param: { id: invite.invite.id } }));
    const solo = await answer(as.candidate.api.loops[':id'].rounds[':n'].mode.$put({ param, json: { mode: 'solo' } }));
    expect(solo.loop.rounds[0]).toMatchObject({ mode: 'solo', invite: { status: 'revoked' } });
    const sessionId = started.loop.rounds[0]!.sessionId!;
    await as.candidate.request('POST', `/api/sessions/${sessionId}/submit`);
    const { session } = await answer(as.candidate.api.sessions[':id'].$get({ param: { id: sessionId } }));
    const ratings = Object.fromEntries(session.rubric.criteria.map((c) => [c.id, 2]));
    await answer(as.candidate.api.sessions[':id'].scores.self.$put({ param: { id: sessionId }, json: { ratings } }));
    const { packet } = await answer(as.candidate.api.loops[':id'].packet.$get({ param: { id: loop.id } }));
    expect(packet.rounds[0]).toMatchObject({ mode: 'solo', interviewerName: null });
    // Ada's access ended with her invite: the loop is a stranger's to her now.
    expect((await as.ada.request('GET', `/api/loops/${loop.id}`)).status).toBe(404);
  });
});

describe('strangers and bad ids', () => {
  it.each([
    ['GET', ''],
    ['GET', '/packet'],
    ['PUT', '/prediction'],
    ['PUT', '/vote'],
    ['PUT', '/rounds/0/feedback'],
    ['POST', '/rounds/0/start']
  ])('%s /api/loops/:id%s is 404 to a stranger', async (method, rest) => {
    const body = method === 'GET' ? undefined : { mode: 'solo', ratings: {}, decision: 'Hire', rounds: ['Hire'] };
    const res = await as.stranger.request(method, `/api/loops/${loopId}${rest}`, body);
    expect([res.status, res.json.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('answers 404 for a malformed or unknown loop and round, never 500', async () => {
    expect((await as.candidate.request('GET', '/api/loops/not-an-id')).status).toBe(404);
    expect((await as.candidate.request('GET', '/api/loops/0123456789abcdef01234567')).status).toBe(404);
    const { loop } = await answer(as.candidate.api.loops.$post({ json: { templateId: 'staff' } }), 201);
    const missing = await as.candidate.request('POST', `/api/loops/${loop.id}/rounds/5/start`, { mode: 'solo' });
    expect([missing.status, missing.json.error.code]).toEqual([404, 'NOT_FOUND']);
    const beyond = await as.candidate.request('POST', `/api/loops/${loop.id}/rounds/6/start`, { mode: 'solo' });
    expect([beyond.status, Object.keys(beyond.json.error.fields)]).toEqual([400, ['n']]);
    // A decided loop is planned no more.
    const decided = await as.candidate.request('POST', `/api/loops/${loopId}/rounds/0/start`, { mode: 'solo' });
    expect(decided.status).toBe(409);
  });

  it('lists the candidate’s loops only', async () => {
    const mine = await answer(as.candidate.api.loops.$get());
    const { packet } = await answer(as.candidate.api.loops[':id'].packet.$get({ param: { id: loopId } }));
    expect(mine.items.find((l) => l.id === loopId)).toMatchObject({
      rounds: 4,
      roundsIn: 4,
      packetOpen: true,
      outcome: { decision: packet.committee.decision, level: packet.committee.level },
      // The history of the candidate's self-calibration: 3 of 4 rounds called right.
      calibration: { roundsHit: 3, rounds: 4, decisionHit: packet.prediction!.decision.hit }
    });
    const planned = mine.items.find((l) => !l.packetOpen);
    expect(planned).toMatchObject({ outcome: null, calibration: null });
    expect((await answer(as.stranger.api.loops.$get())).items).toEqual([]);
  });
});

describe('a round ended by its deadline, not by its candidate', () => {
  let clockMs = 0;
  let late: Awaited<ReturnType<typeof startTestServer>>;
  const lateAs = {} as Record<'candidate' | 'ada', ReturnType<typeof client>>;
  beforeAll(async () => {
    late = await startTestServer({
      questions: [designFixture],
      app: { allowShortSessions: true, now: () => new Date(Date.now() + clockMs) }
    });
    for (const name of ['candidate', 'ada'] as const) {
      lateAs[name] = client(late.url);
      await lateAs[name].signUp({ email: `${name}@late.example`, password: `${name}-password-1`, name });
    }
  });
  afterAll(() => late.close());

  it('takes its interviewer’s feedback once the clock ran out, and the packet shows its evidence', async () => {
    const rounds = [{ kind: 'design' as const, title: 'Design', durationMin: 1 }];
    const { loop } = await answer(lateAs.candidate.api.loops.$post({ json: { templateId: 'senior', rounds } }), 201);
    const param = { id: loop.id, n: '0' };
    const started = await answer(
      lateAs.candidate.api.loops[':id'].rounds[':n'].start.$post({ param, json: { mode: 'live' } })
    );
    const invite = await answer(lateAs.candidate.api.loops[':id'].rounds[':n'].invites.$post({ param, json: {} }), 201);
    await answer(lateAs.ada.api.invites.accept.$post({ json: { token: invite.token } }));
    const { session } = await answer(
      lateAs.ada.api.sessions[':id'].$get({ param: { id: started.loop.rounds[0]!.sessionId! } })
    );
    const ratings = Object.fromEntries(session.rubric.criteria.map((c) => [c.id, 3]));
    const feedback = { ratings, hireSignal: 'Hire' as const, submit: true };
    expect((await lateAs.ada.request('PUT', `/api/loops/${loop.id}/rounds/0/feedback`, feedback)).status).toBe(409);
    clockMs += 2 * 60_000;
    await answer(lateAs.ada.api.loops[':id'].rounds[':n'].feedback.$put({ param, json: feedback }));
    const { packet } = await answer(lateAs.candidate.api.loops[':id'].packet.$get({ param: { id: loop.id } }));
    expect(packet.rounds[0]).toMatchObject({ status: 'in', signal: 'Hire', interviewerName: 'ada' });
    expect(packet.rounds[0]!.evidence?.phases.length).toBeGreaterThan(0);
  });
});
