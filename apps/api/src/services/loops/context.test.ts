import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { LoopDoc, LoopRoundDoc, SessionDoc, SignedInUser } from '../../db/client.ts';
import { accessOf, roundStatus, type RoundState } from './context.ts';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const now = new Date(T0 + 30 * 60_000);

const plan = (over: Partial<LoopRoundDoc> = {}): LoopRoundDoc => ({
  kind: 'design',
  title: 'Design',
  durationMin: 60,
  plannedOn: null,
  questionId: 'q',
  questionTitle: 'Q',
  rubricId: 'system-design-mock',
  mode: null,
  sessionId: null,
  inviteId: null,
  feedback: null,
  ...over
});

/** A round's session: running (deadline in the future), past its deadline unsettled, or submitted. */
const session = (state: 'running' | 'past-deadline' | 'submitted', selfScored = false) =>
  ({
    status: state === 'submitted' ? 'submitted' : 'active',
    deadline: new Date(T0 + (state === 'past-deadline' ? 1 : 60) * 60_000),
    selfScore: selfScored ? { hireSignal: 'Hire' } : null
  }) as SessionDoc;

const submitted = { interviewerId: new ObjectId(), submittedAt: new Date(T0) } as LoopRoundDoc['feedback'];
const draft = { interviewerId: new ObjectId(), submittedAt: null } as LoopRoundDoc['feedback'];

describe('a round’s status', () => {
  it.each([
    ['not started', plan(), null, 'planned'],
    ['claimed, its session not written yet', plan({ sessionId: new ObjectId(), mode: 'solo' }), null, 'running'],
    ['running', plan({ mode: 'live' }), session('running'), 'running'],
    ['live, ended, no feedback', plan({ mode: 'live' }), session('submitted'), 'ended'],
    ['live, ended, a draft', plan({ mode: 'live', feedback: draft }), session('submitted'), 'ended'],
    ['live, ended, feedback submitted', plan({ mode: 'live', feedback: submitted }), session('submitted'), 'in'],
    [
      'live, past its deadline unsettled, submitted',
      plan({ mode: 'live', feedback: submitted }),
      session('past-deadline'),
      'in'
    ],
    ['solo, ended, not self-scored', plan({ mode: 'solo' }), session('submitted'), 'ended'],
    ['solo, self-scored', plan({ mode: 'solo' }), session('submitted', true), 'in'],
    // A live round is in on its interviewer's word only: the candidate's own score does not stand in.
    ['live, self-scored, no feedback', plan({ mode: 'live' }), session('submitted', true), 'ended']
  ] as const)('%s: %s', (_name, round, doc, status) => {
    expect(roundStatus(round, doc, now)).toBe(status);
  });
});

describe('who a person is to a loop', () => {
  const candidate = { _id: new ObjectId() } as SignedInUser;
  const ada = { _id: new ObjectId() } as SignedInUser;
  const bo = { _id: new ObjectId() } as SignedInUser;
  const loop = { userId: candidate._id, committeeRounds: [2] } as LoopDoc;
  const rounds = [ada._id, null, bo._id].map((interviewerId, n) => ({ n, interviewerId }) as RoundState);

  it.each([
    ['the candidate', candidate, 'candidate', []],
    ['an interviewer of a round', ada, 'interviewer', [0]],
    ['an interviewer invited to the committee', bo, 'committee', [2]],
    ['anyone else', { _id: new ObjectId() } as SignedInUser, 'stranger', []]
  ] as const)('%s', (_name, user, access, yours) => {
    expect(accessOf(user, loop, rounds)).toEqual({ access, yourRounds: yours });
  });
});
