import { designPhasePlan, getRubric, type HireSignal } from '@mockloop/rubrics';
import type { Invite } from '@mockloop/contracts';
import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { InsightsAggregate } from '../analytics/insights-aggregate.ts';
import type { InsightsCacheDoc, InviteDoc, PeerScoreDoc, SessionDoc } from '../db/client.ts';
import { changeEntry, type InsightsCache, type InsightsChange } from '../db/insights-cache-repo.ts';
import type { Repositories } from '../db/repositories.ts';
import type { DomainEvent, DomainEventType } from './events.ts';
import { createInsightsFold, insightsFollower, insightsTouchOf } from './insights-fold.ts';

const userId = new ObjectId();
const sessionId = new ObjectId();
const submissionId = new ObjectId();
const peerScoreId = new ObjectId();

/** One event of every kind, and what it changes of what insights read (null: nothing). */
const cases: { [T in DomainEventType]: { event: Extract<DomainEvent, { type: T }>; change: InsightsChange | null } } = {
  'session-started': { event: { type: 'session-started', userId, sessionId }, change: { session: sessionId } },
  'work-saved': { event: { type: 'work-saved', userId, sessionId, revision: 3, notes: {} }, change: null },
  'phase-moved': {
    event: { type: 'phase-moved', userId, sessionId, session: { _id: sessionId } as SessionDoc },
    change: { session: sessionId }
  },
  'session-ended': {
    event: { type: 'session-ended', userId, sessionId, submittedAt: new Date(), reason: 'finished' },
    change: { session: sessionId }
  },
  'self-scored': { event: { type: 'self-scored', userId, sessionId }, change: { session: sessionId } },
  'session-deleted': { event: { type: 'session-deleted', userId, sessionId }, change: { session: sessionId } },
  'submission-made': { event: { type: 'submission-made', userId, sessionId, n: 1, total: 4 }, change: null },
  'submission-judged': {
    event: { type: 'submission-judged', userId, sessionId, submissionId, n: 1, passed: 2, total: 4 },
    change: { session: sessionId, submission: submissionId }
  },
  'submission-confirmed': {
    event: {
      type: 'submission-confirmed',
      userId,
      sessionId,
      submissionId,
      reviewerId: new ObjectId(),
      n: 1,
      passed: 2,
      total: 4
    },
    change: null
  },
  'peer-scored': {
    event: { type: 'peer-scored', userId, sessionId, peerScoreId },
    change: { session: sessionId, peerScore: peerScoreId }
  },
  'invite-revoked': { event: { type: 'invite-revoked', invite: { _id: new ObjectId() } as InviteDoc }, change: null },
  'invite-changed': {
    event: { type: 'invite-changed', userId, sessionId, invite: {} as Invite },
    change: null
  },
  // A loop's feedback reaches insights as its rounds' peer scores (`peer-scored`), once the loop is decided.
  'loop-changed': { event: { type: 'loop-changed', userId, loopId: new ObjectId(), change: 'feedback' }, change: null },
  'loop-decided': {
    event: { type: 'loop-decided', userId, loopId: new ObjectId(), roundSessionIds: [sessionId] },
    change: null
  },
  'room-message': {
    event: { type: 'room-message', sessionId, audience: 'all', event: { type: 'access-ended', userId: 'someone' } },
    change: null
  }
};

describe('insightsTouchOf', () => {
  it.each(Object.entries(cases))('%s', (_type, { event, change }) => {
    expect(insightsTouchOf(event)).toEqual(change && { userId, change });
  });
});

describe('insightsFollower', () => {
  it("records each change in the candidate's insights cache, and nothing for events insights do not read", async () => {
    const touched: { userId: ObjectId; change?: InsightsChange }[] = [];
    const follow = insightsFollower({ touch: async (id, change) => void touched.push({ userId: id, change }) });
    for (const { event } of Object.values(cases)) await follow(event);
    const expected = Object.values(cases)
      .filter(({ change }) => change)
      .map(({ change }) => ({ userId, change }));
    expect(touched).toEqual(expected);
    expect(touched).toHaveLength(7);
  });

  it('fails with the cache, so the write is not answered as if insights had it', async () => {
    const follow = insightsFollower({ touch: () => Promise.reject(new Error('database down')) });
    await expect(follow(cases['self-scored'].event)).rejects.toThrow('database down');
  });
});

/** The repositories the fold reads, in memory: sessions and peer scores by id, the cache as the real one keeps it. */
function memoryRepos(sessions: SessionDoc[], peers: PeerScoreDoc[]) {
  let doc: InsightsCacheDoc | null = null;
  let aggregate: string | null = null;
  const states = new Map<string, string>();
  const insightsCache: Pick<InsightsCache, keyof InsightsCache> = {
    async touch(_id, change) {
      doc ??= { _id, version: 0 };
      doc.version++;
      if (change) doc.dirty = [...(doc.dirty ?? []), changeEntry(change)];
      else doc.built = false;
    },
    read: async () => (doc ? structuredClone(doc) : null),
    aggregate: async () => aggregate,
    async store(_id, version, json) {
      if ((doc?.version ?? 0) !== version) return false;
      doc = { _id, version: version + 1, built: true, dirty: [], pending: true };
      aggregate = json;
      return true;
    },
    settle: async () => void delete doc!.pending,
    sessionState: async (id) => states.get(id.toHexString()) ?? null,
    async writeSessionStates(_userId, written, all) {
      if (all) states.clear();
      for (const { _id, stateJson } of written) states.set(_id.toHexString(), stateJson);
    }
  };
  const repos = {
    sessions: {
      forInsights: async () => sessions.map((session) => ({ session, rubricRef: '' })),
      findById: async (_id: ObjectId) => sessions.find((s) => s._id.equals(_id)) ?? null
    },
    peerScores: {
      submittedForSessions: async (ids: ObjectId[]) => peers.filter((p) => ids.some((id) => id.equals(p.sessionId))),
      byId: async (_id: ObjectId) => peers.find((p) => p._id.equals(_id)) ?? null
    },
    submissions: { judgedFor: async () => [], summary: async () => null },
    insightsCache
  } as unknown as Repositories;
  return { repos, insightsCache, states };
}

describe('createInsightsFold: the peer’s predicted hire signal', () => {
  const rubric = getRubric('system-design-mock')!;
  const at = new Date('2026-12-01T10:00:00Z');
  const session = (n: number, predicted: HireSignal): SessionDoc =>
    ({
      _id: new ObjectId(),
      userId,
      kind: 'design',
      status: 'submitted',
      question: { id: 'q', kind: 'design', title: 'Q' },
      rubric,
      startedAt: new Date(at.getTime() + n * 3_600_000),
      submittedAt: new Date(at.getTime() + n * 3_600_000 + 1_800_000),
      phasePlan: designPhasePlan(60),
      phaseLog: [],
      selfScore: {
        ratings: Object.fromEntries(rubric.criteria.map((c) => [c.id, 2])),
        notes: {},
        oops: [],
        summary: '',
        score: 33,
        hireSignal: 'No Hire',
        savedAt: at,
        peerPrediction: { hireSignal: predicted, at }
      }
    }) as unknown as SessionDoc;
  const peerOf = (s: SessionDoc, hireSignal: HireSignal): PeerScoreDoc => ({
    _id: new ObjectId(),
    sessionId: s._id,
    reviewerId: new ObjectId(),
    reviewerName: 'Ivan',
    ratings: Object.fromEntries(rubric.criteria.map((c) => [c.id, 3])),
    notes: {},
    feedback: '',
    hireSignal,
    submittedAt: at,
    updatedAt: at
  });
  const predictions = (agg: InsightsAggregate) => {
    const { items, compared, matched, gapSum } = agg.predictions;
    return { items: items.map(({ predicted, actual }) => ({ predicted, actual })), compared, matched, gapSum };
  };

  it('folds a submitted peer score’s signal in against the prediction, as a rebuild reads it', async () => {
    const sessions = [session(1, 'No Hire'), session(2, 'Hire')];
    const peers: PeerScoreDoc[] = [];
    const { repos, insightsCache, states } = memoryRepos(sessions, peers);
    const fold = createInsightsFold(repos, () => new Date('2026-12-03T10:00:00Z'));
    // Predictions alone, no peer yet: nothing to compare.
    expect(predictions(await fold.aggregateFor(userId))).toEqual({ items: [], compared: 0, matched: 0, gapSum: 0 });

    const peer = peerOf(sessions[0]!, 'Strong Hire');
    peers.push(peer);
    await insightsCache.touch(userId, { session: sessions[0]!._id, peerScore: peer._id });
    const folded = predictions(await fold.aggregateFor(userId));
    expect(folded).toEqual({
      items: [{ predicted: 'No Hire', actual: ['Strong Hire'] }],
      compared: 1,
      matched: 0,
      gapSum: -2
    });
    // Folded (the session's state now holds the signal), not rebuilt.
    expect(JSON.parse(states.get(sessions[0]!._id.toHexString())!).signals).toEqual({
      [peer._id.toHexString()]: 'Strong Hire'
    });

    await insightsCache.touch(userId);
    expect(predictions(await fold.aggregateFor(userId))).toEqual(folded);
  });
});
