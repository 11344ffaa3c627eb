import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { LoopRoundDoc, SessionDoc } from '../../db/client.ts';
import type { RoundState } from './context.ts';
import { committeeInputs, committeeOn, committeePacket, predictionAgainst, verdictOf } from './packet.ts';

const ratings = (rating: number) => ({
  requirements: rating,
  'high-level-design': rating,
  'trade-offs': rating,
  'bottleneck-analysis': rating
});

function round(n: number, mode: 'solo' | 'live', over: { feedback?: 'draft' | 'submitted'; self?: number } = {}) {
  const doc = {
    title: `Round ${n}`,
    rubricId: 'system-design-mock',
    mode,
    feedback: over.feedback
      ? {
          interviewerId: new ObjectId(),
          hireSignal: 'Hire',
          ratings: ratings(3),
          submittedAt: over.feedback === 'submitted' ? new Date() : null
        }
      : null
  } as LoopRoundDoc;
  const session = {
    selfScore: over.self ? { hireSignal: 'No Hire', ratings: ratings(over.self) } : null
  } as SessionDoc;
  return { n, doc, session } as RoundState;
}

describe('what the committee reads of a round', () => {
  it.each([
    [
      'a live round: its interviewer’s submitted feedback',
      round(0, 'live', { feedback: 'submitted', self: 2 }),
      'Hire'
    ],
    ['a live round with a draft only: nothing yet', round(0, 'live', { feedback: 'draft' }), null],
    ['a live round: never the candidate’s own score', round(0, 'live', { self: 2 }), null],
    ['a solo round: its self-score', round(0, 'solo', { self: 2 }), 'No Hire'],
    ['a solo round not self-scored: nothing yet', round(0, 'solo'), null]
  ] as const)('%s', (_name, state, signal) => {
    expect(verdictOf(state).signal).toBe(signal);
  });

  it('marks solo rounds self-scored and leaves a round not in as missing', () => {
    const rounds = committeeInputs({
      rounds: [round(0, 'live', { feedback: 'submitted' }), round(1, 'solo', { self: 2 }), round(2, 'live')]
    });
    expect(
      committeePacket('staff', rounds).rounds.map((r) => r.feedback && [r.feedback.signal, r.feedback.selfScored])
    ).toEqual([['Hire', false], ['No Hire', true], null]);
  });

  it('decides on the rounds: a round missing holds the packet, with the reason', () => {
    const rounds = committeeInputs({ rounds: [round(0, 'live', { feedback: 'submitted' }), round(1, 'live')] });
    const committee = committeeOn('senior', rounds);
    expect(committee.decision).toBe('Hold');
    expect(committee.reasons.map((r) => r.rule)).toContain('all-rounds-in');
  });
});

describe('the prediction against the outcome', () => {
  it('marks each round, the decision and the level hit or missed', () => {
    const prediction = {
      rounds: ['Hire' as const, 'Strong Hire' as const],
      decision: 'Hire' as const,
      level: 'staff' as const,
      savedAt: new Date()
    };
    expect(predictionAgainst(prediction, [{ signal: 'Hire' }, { signal: 'Hire' }], 'Hold', 'staff')).toEqual({
      rounds: [
        { predicted: 'Hire', actual: 'Hire', hit: true },
        { predicted: 'Strong Hire', actual: 'Hire', hit: false }
      ],
      decision: { predicted: 'Hire', actual: 'Hold', hit: false },
      level: { predicted: 'staff', actual: 'staff', hit: true }
    });
  });
});
