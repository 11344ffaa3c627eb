/**
 * Every write that changes what insights read reaches them (services/events.ts → insights-fold.ts's follower), on
 * the real database. Each use case of the session engine and of peer review is listed here, so a new one fails
 * `npm run check` until it says whether it changes insights' inputs, and fails this test if it does and they
 * never hear of it.
 */
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../../apps/api/src/app.ts';
import { connectDatabase, type Database, type SignedInUser } from '../../apps/api/src/db/client.ts';
import { changeEntry, type InsightsChange } from '../../apps/api/src/db/insights-cache-repo.ts';
import type { LoopService } from '../../apps/api/src/services/loops/index.ts';
import type { ReviewService } from '../../apps/api/src/services/reviews.ts';
import type { SessionService } from '../../apps/api/src/services/sessions/index.ts';
import { behavioralFixture, codingFixture, codingFixtureTwo, designFixture } from '../support/fixtures.ts';
import { testDatabaseName, uriWithDatabase } from '../support/database.ts';

let db: Database;
let app: ReturnType<typeof createApp>;
let clockMs = 0;
const candidate = user('candidate');
const reviewer = user('reviewer');

function user(name: string): SignedInUser {
  return {
    _id: new ObjectId(),
    email: `${name}@events.example`,
    emailKey: `${name}@events.example`,
    name,
    createdAt: new Date()
  };
}

beforeAll(async () => {
  db = await connectDatabase(uriWithDatabase(inject('mongodbUri'), testDatabaseName('events')));
  for (const u of [candidate, reviewer]) await db.users.insertOne({ ...u, passwordHash: 'not used' });
  app = createApp({
    db,
    questions: [designFixture, codingFixture, codingFixtureTwo, behavioralFixture],
    allowShortSessions: true,
    now: () => new Date(Date.now() + clockMs)
  });
});
afterAll(async () => {
  await app.services.sessions.settled();
  await db.close();
});

/** The entries the candidate's insights cache has yet to fold in. */
async function pending(): Promise<string[]> {
  return (await db.insightsCache.findOne({ _id: candidate._id }))?.dirty ?? [];
}

/** A session of the candidate's, started without telling insights (so each case sees only its own change). */
async function quietSession(questionId: string, durationMin?: number) {
  const doc = await app.services.sessions.start(candidate, { questionId, ...(durationMin ? { durationMin } : {}) });
  await db.insightsCache.deleteOne({ _id: candidate._id });
  return doc;
}

/** A write whose changes insights must hear: runs it, returns the changes it made to what insights read. */
type Case = () => Promise<InsightsChange[]>;

const sessions = () => app.services.sessions;
const reviews = () => app.services.reviews;

/** The session engine's calls: each write that changes insights' inputs has its case; the rest say why not. */
const sessionCalls: Record<keyof SessionService, Case | 'reads' | 'changes nothing insights read'> = {
  start: async () => {
    const doc = await sessions().start(candidate, { questionId: designFixture.id });
    return [{ session: doc._id }];
  },
  startAssessment: async () => {
    const first = await sessions().startAssessment(candidate, { questionIds: [codingFixture.id, codingFixtureTwo.id] });
    const parts = await db.sessions.find({ 'assessment.id': first.assessment!.id }).toArray();
    expect(parts).toHaveLength(2);
    return parts.map((p) => ({ session: p._id }));
  },
  startBehavioral: async () => {
    const doc = await sessions().startBehavioral(candidate, { durationMin: 30, questionIds: [behavioralFixture.id] });
    return [{ session: doc._id }];
  },
  // A loop's round is an ordinary session under the id its loop claimed.
  startLoopRound: async () => {
    const sessionId = new ObjectId();
    const loop = { id: new ObjectId(), round: 0 };
    await sessions().startLoopRound(candidate, { sessionId, loop, questionId: designFixture.id, durationMin: 60 });
    return [{ session: sessionId }];
  },
  // A practice pair's half is an ordinary session under the id its booking claimed.
  startPairHalf: async () => {
    const sessionId = new ObjectId();
    const pair = { bookingId: new ObjectId(), half: 0 as const };
    await sessions().startPairHalf(candidate, { sessionId, pair, questionId: codingFixture.id, durationMin: 30 });
    return [{ session: sessionId }];
  },
  // A read past the deadline (and its grace) submits the session: a write insights hear of.
  get: async () => {
    const doc = await quietSession(designFixture.id, 1);
    clockMs += 2 * 60_000;
    expect((await sessions().get(candidate, doc._id.toHexString())).status).toBe('submitted');
    return [{ session: doc._id }];
  },
  getReadable: 'reads',
  list: 'reads',
  saveWork: 'changes nothing insights read',
  movePhase: async () => {
    const doc = await quietSession(designFixture.id);
    await sessions().movePhase(candidate, doc._id.toHexString(), doc.phasePlan[1]!.id);
    return [{ session: doc._id }];
  },
  submit: async () => {
    const doc = await quietSession(designFixture.id);
    await sessions().submit(candidate, doc._id.toHexString());
    return [{ session: doc._id }];
  },
  createSubmission: 'changes nothing insights read',
  saveSubmissionResult: async () => {
    const doc = await quietSession(codingFixture.id);
    const id = doc._id.toHexString();
    const { n, tests, performance } = await sessions().createSubmission(candidate, id, {
      language: 'javascript',
      code: 'x'
    });
    expect(await pending()).toEqual([]);
    const results = [...tests, ...performance].map(() => ({ verdict: 'pass' as const, ms: 1 }));
    await sessions().saveSubmissionResult(candidate, id, n, results);
    const submission = await db.submissions.findOne({ sessionId: doc._id, n });
    return [{ session: doc._id, submission: submission!._id }];
  },
  confirmationInputs: 'reads',
  confirmSubmission: 'changes nothing insights read',
  submissions: 'reads',
  snapshots: 'reads',
  reference: 'reads',
  saveSelfScore: async () => {
    const doc = await quietSession(designFixture.id);
    await sessions().submit(candidate, doc._id.toHexString());
    await db.insightsCache.deleteOne({ _id: candidate._id });
    const ratings = Object.fromEntries(doc.rubric.criteria.map((c) => [c.id, 3]));
    await sessions().saveSelfScore(candidate, doc._id.toHexString(), { ratings, notes: {}, oops: [], summary: '' });
    return [{ session: doc._id }];
  },
  // The sweeper submits the sessions whose deadline passed while nobody read them.
  sweepExpired: async () => {
    const doc = await quietSession(designFixture.id, 1);
    clockMs += 2 * 60_000;
    expect(await sessions().sweepExpired()).toBeGreaterThanOrEqual(1);
    return [{ session: doc._id }];
  },
  toResponse: 'reads',
  settled: 'reads'
};

/** Peer review's calls. */
const reviewCalls: Record<keyof ReviewService, Case | 'reads' | 'changes nothing insights read'> = {
  isReviewer: 'reads',
  preview: 'reads',
  create: 'changes nothing insights read',
  list: 'reads',
  revoke: 'changes nothing insights read',
  accept: 'changes nothing insights read',
  reissue: 'changes nothing insights read',
  savePeerScore: async () => {
    const doc = await quietSession(designFixture.id);
    const { token } = await reviews().create(doc, 'http://localhost');
    await reviews().accept(reviewer, token);
    const ended = await sessions().submit(candidate, doc._id.toHexString());
    await db.insightsCache.deleteOne({ _id: candidate._id });
    const ratings = Object.fromEntries(doc.rubric.criteria.map((c) => [c.id, 2]));
    const body = { ratings, notes: {}, feedback: '', hireSignal: 'Hire' as const, submit: false };
    await reviews().savePeerScore(reviewer, ended, body);
    // A draft is not a score yet: insights read submitted peer scores only.
    expect(await pending()).toEqual([]);
    await reviews().savePeerScore(reviewer, ended, { ...body, submit: true });
    const score = await db.peerScores.findOne({ sessionId: doc._id });
    return [{ session: doc._id, peerScore: score!._id }];
  },
  scores: 'reads'
};

const loops = () => app.services.loops;

/** A loop of one design round, started live, its session ended, with `reviewer` admitted as its interviewer. */
async function liveLoop() {
  const design = { kind: 'design' as const, title: 'Design', durationMin: 60 };
  const loop = await loops().start(candidate, { templateId: 'senior', rounds: [design] });
  const started = await loops().startRound(candidate, loop.id, 0, { mode: 'live' });
  const { token } = await loops().invite(candidate, loop.id, 0, 'http://localhost');
  await reviews().accept(reviewer, token);
  const sessionId = started.rounds[0]!.sessionId!;
  await sessions().submit(candidate, sessionId);
  const { doc } = await sessions().getReadable(candidate, sessionId);
  return { loopId: loop.id, sessionId: doc._id, rubric: doc.rubric };
}

/** The loops' calls: a round's session is a session; its feedback reaches insights once the loop is decided. */
const loopCalls: Record<keyof LoopService, Case | 'reads' | 'changes nothing insights read'> = {
  templates: 'reads',
  start: 'changes nothing insights read',
  list: 'reads',
  get: 'reads',
  editRound: 'changes nothing insights read',
  startRound: async () => {
    const loop = await loops().start(candidate, { templateId: 'senior' });
    const started = await loops().startRound(candidate, loop.id, 2, { mode: 'solo' });
    return [{ session: new ObjectId(started.rounds[2]!.sessionId!) }];
  },
  changeMode: 'changes nothing insights read',
  invite: 'changes nothing insights read',
  saveFeedback: async () => {
    const { loopId, sessionId, rubric } = await liveLoop();
    await db.insightsCache.deleteOne({ _id: candidate._id });
    const ratings = Object.fromEntries(rubric.criteria.map((c) => [c.id, 3]));
    const body = { ratings, feedback: 'solid', hireSignal: 'Hire' as const };
    await loops().saveFeedback(reviewer, loopId, 0, body);
    // Blind: a draft, like any feedback before every round is in, is nothing insights read.
    expect(await pending()).toEqual([]);
    await loops().saveFeedback(reviewer, loopId, 0, { ...body, submit: true });
    const score = await db.peerScores.findOne({ sessionId });
    return [{ session: sessionId, peerScore: score!._id }];
  },
  predict: 'changes nothing insights read',
  nameCommittee: 'changes nothing insights read',
  packet: 'reads',
  vote: 'changes nothing insights read'
};

const cases = [...Object.entries(sessionCalls), ...Object.entries(reviewCalls), ...Object.entries(loopCalls)].filter(
  (entry): entry is [string, Case] => typeof entry[1] === 'function'
);

describe('every write that changes what insights read reaches them', () => {
  it.each(cases)('%s', async (_name, write) => {
    await db.insightsCache.deleteOne({ _id: candidate._id });
    const changes = await write();
    expect(changes.length).toBeGreaterThan(0);
    expect((await pending()).sort()).toEqual(changes.map(changeEntry).sort());
  });

  it('and the insights read afterwards folds them in: the same as rebuilt from every session', async () => {
    const folded = await app.services.userData.insights(candidate);
    expect(await pending()).toEqual([]);
    await db.insightsCache.deleteOne({ _id: candidate._id });
    expect(await app.services.userData.insights(candidate)).toEqual(folded);
    expect(folded.sessionsScored).toBeGreaterThan(0);
  });
});
