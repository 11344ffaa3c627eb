import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { InviteDoc, SessionDoc } from '../db/client.ts';
import type { InsightsChange } from '../db/insights-cache-repo.ts';
import type { DomainEvent, DomainEventType } from './events.ts';
import { insightsFollower, insightsTouchOf } from './insights-fold.ts';

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
    expect(touched).toHaveLength(6);
  });

  it('fails with the cache, so the write is not answered as if insights had it', async () => {
    const follow = insightsFollower({ touch: () => Promise.reject(new Error('database down')) });
    await expect(follow(cases['self-scored'].event)).rejects.toThrow('database down');
  });
});
