import type { PacketRound } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { committeePacket, predictionAgainst } from './packet.ts';

const round = (over: Partial<PacketRound>): PacketRound =>
  ({
    n: 0,
    title: 'R',
    rubricId: 'system-design-mock',
    mode: 'live',
    signal: null,
    feedback: null,
    selfScore: null,
    ...over
  }) as PacketRound;

describe('the packet as the committee reads it', () => {
  it('reads a live round from its interviewer, a solo round from its self-score, and a round not in as missing', () => {
    const live = round({
      n: 0,
      signal: 'Hire',
      feedback: { ratings: { requirements: 3 } } as unknown as PacketRound['feedback']
    });
    const solo = round({
      n: 1,
      mode: 'solo',
      signal: 'No Hire',
      selfScore: { ratings: { requirements: 2 } } as unknown as PacketRound['selfScore']
    });
    const missing = round({ n: 2 });
    expect(committeePacket('staff', [live, solo, missing])).toEqual({
      targetLevel: 'staff',
      rounds: [
        {
          id: '0',
          title: 'R',
          rubricId: 'system-design-mock',
          feedback: { signal: 'Hire', ratings: { requirements: 3 }, selfScored: false }
        },
        {
          id: '1',
          title: 'R',
          rubricId: 'system-design-mock',
          feedback: { signal: 'No Hire', ratings: { requirements: 2 }, selfScored: true }
        },
        { id: '2', title: 'R', rubricId: 'system-design-mock', feedback: null }
      ]
    });
  });
});

describe('the prediction against the outcome', () => {
  it('marks each round, the decision and the level hit or missed', () => {
    const prediction = {
      rounds: ['Hire', 'Strong Hire'] as const,
      decision: 'Hire' as const,
      level: 'staff' as const,
      savedAt: new Date()
    };
    const compared = predictionAgainst(
      { ...prediction, rounds: [...prediction.rounds] },
      [{ signal: 'Hire' }, { signal: 'Hire' }],
      'Hold',
      'staff'
    );
    expect(compared).toEqual({
      rounds: [
        { predicted: 'Hire', actual: 'Hire', hit: true },
        { predicted: 'Strong Hire', actual: 'Hire', hit: false }
      ],
      decision: { predicted: 'Hire', actual: 'Hold', hit: false },
      level: { predicted: 'staff', actual: 'staff', hit: true }
    });
  });
});
