import type { Evidence, LoopRound } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { evidenceLines, lengthFor, levelName, plannedDays, roundStatusText, signalClass } from './loop-view.ts';

describe('loop view', () => {
  it.each([
    ['coding', 45, 45],
    ['design', 30, 45],
    ['design', 75, 60],
    ['behavioral', 60, 45],
    ['behavioral', 30, 30]
  ] as const)('a %s round of %i minutes lasts %i', (kind, minutes, expected) => {
    expect(lengthFor(kind, minutes)).toBe(expected);
  });

  it('plans every round on one day, or one a day across a month end', () => {
    expect(plannedDays(3, 'one-day', '2026-12-07')).toEqual(['2026-12-07', '2026-12-07', '2026-12-07']);
    expect(plannedDays(4, 'spread', '2026-12-30')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('says a round’s state by its mode', () => {
    const round = (status: LoopRound['status'], mode: LoopRound['mode']) => ({ status, mode }) as LoopRound;
    expect(roundStatusText(round('planned', null))).toBe('Not started');
    expect(roundStatusText(round('ended', 'solo'))).toBe('Ended: waiting for the self-score');
    expect(roundStatusText(round('ended', 'live'))).toBe('Ended: waiting for feedback');
    expect(roundStatusText(round('in', 'live'))).toBe('In: feedback submitted');
  });

  it('names signals and levels', () => {
    expect(signalClass('Strong No Hire')).toBe('strong-no-hire');
    expect(signalClass(null)).toBe('none');
    expect(levelName('staff')).toBe('Staff');
    expect(levelName(null)).toBe('—');
  });
});

describe('evidence lines', () => {
  const none: Evidence = {
    phases: [],
    keyPoints: [],
    estimatesWritten: false,
    coding: null,
    behavioral: null,
    autoRatings: {}
  };

  it('says tests passed and time for a coding round', () => {
    const coding = {
      passed: 7,
      total: 8,
      confirmed: false,
      confirmedPassed: null,
      confirmedTotal: null,
      minutesUsed: 21.4,
      boxMinutes: 30
    };
    expect(evidenceLines({ ...none, coding })).toEqual([
      'Hidden tests: 7 of 8 passed (self-run)',
      'Time: 21 of 30 min box'
    ]);
  });

  it('says phases reached and overrun, key points and estimates for a design round', () => {
    const phase = (name: string, actual: number, over: number) => ({
      id: name,
      name,
      plannedMinutes: 10,
      actualMinutes: actual,
      overrunMinutes: over
    });
    const keyPoints = [true, false, true].map((covered, i) => ({
      point: `p${i}`,
      level: 'senior',
      covered,
      matched: [],
      mentioned: []
    }));
    expect(
      evidenceLines({ ...none, phases: [phase('Requirements', 14, 4), phase('Design', 0, 0)], keyPoints })
    ).toEqual(['Phases: 1 of 2 reached, Requirements +4 min', 'Key points: 2 of 3 covered', 'No estimates written']);
  });

  it('says STAR coverage per prompt, and nothing without evidence', () => {
    const prompt = {
      n: 1,
      questionId: 'q',
      title: 'A conflict',
      storyId: null,
      parts: {},
      partsPresent: 3,
      reflected: false,
      resultQuantified: true,
      action: { i: 3, we: 1, iShare: 0.75 },
      plannedMinutes: 10,
      actualMinutes: 9
    };
    expect(evidenceLines({ ...none, behavioral: { prompts: [prompt] } })).toEqual([
      'STAR 3/4 on “A conflict”, result in numbers, “I” 75%'
    ]);
    expect(evidenceLines(null)).toEqual([]);
  });
});
