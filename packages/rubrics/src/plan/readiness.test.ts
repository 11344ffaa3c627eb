/** Readiness per round: peers over self, newer over older, confidence from sessions and peers. */
import { describe, expect, it } from 'vitest';
import { STANDARD_HIRE_THRESHOLDS } from '../rubrics/thresholds.ts';
import { combined, hireBar, readiness } from './readiness.ts';

const s = (i: number, self: number | null, peer: number | null = null) => ({
  round: 'design' as const,
  sessionId: `s${i}`,
  at: `2026-12-0${i}T10:00:00Z`,
  self,
  peer
});

describe('readiness', () => {
  it('weights a peer score twice a self score', () => {
    expect(combined({ self: 90, peer: 60 })).toBe(70);
    expect(combined({ self: 50, peer: null })).toBe(50);
  });

  it('sets the bar by the level targeted', () => {
    expect(hireBar('senior', STANDARD_HIRE_THRESHOLDS)).toBe(60);
    expect(hireBar('staff', STANDARD_HIRE_THRESHOLDS)).toBe(66.7);
    expect(hireBar('principal', STANDARD_HIRE_THRESHOLDS)).toBe(73.3);
  });

  it('grows more sure with sessions and peers, and keeps its history', () => {
    const [none] = readiness(['design'], [], 'staff', STANDARD_HIRE_THRESHOLDS);
    expect(none).toMatchObject({ estimate: null, confidence: 'none', sessions: 0 });
    const [one] = readiness(['design'], [s(1, 70)], 'staff', STANDARD_HIRE_THRESHOLDS);
    expect(one).toMatchObject({ estimate: 70, confidence: 'low', sessions: 1 });
    const five = [s(1, 50), s(2, 60), s(3, 70, 60), s(4, 70), s(5, 80, 70)];
    const [many] = readiness(['design', 'coding'], five, 'staff', STANDARD_HIRE_THRESHOLDS);
    expect(many!.confidence).toBe('high');
    expect(many!.peerScored).toBe(2);
    expect(many!.history).toHaveLength(5);
    expect(many!.estimate!).toBeGreaterThan(60);
    expect(many!.estimate!).toBeLessThan(75);
    expect(many!.restsOn).toMatch(/2 scored by a peer/);
  });
});
