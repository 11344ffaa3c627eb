import { describe, expect, it } from 'vitest';
import { weeklyRecap, type RecapSession } from './weekly-recap.ts';

const wednesday = new Date('2026-11-18T12:00:00Z');
const session = (at: string, extra: Partial<RecapSession> = {}): RecapSession => ({
  at,
  kind: 'design',
  questionTitle: 'URL shortener',
  score: null,
  oops: [],
  ...extra
});

describe('weeklyRecap', () => {
  it('fills the tracker from this week’s sessions only (Monday to Sunday, UTC)', () => {
    const recap = weeklyRecap(
      [
        session('2026-11-15T23:00:00Z', { oops: ['old'] }),
        session('2026-11-16T09:00:00Z', { oops: ['ran out of time'], score: 58.3 }),
        session('2026-11-17T09:00:00Z', {
          kind: 'coding',
          pattern: 'Sliding Window',
          solved: true,
          oops: ['ran out of time']
        }),
        session('2026-11-18T09:00:00Z', {
          kind: 'coding',
          pattern: 'Sliding Window',
          solved: false,
          score: 70,
          questionTitle: 'LC 3'
        }),
        session('2026-11-23T00:00:00Z', { oops: ['next week'] })
      ],
      wednesday
    );
    expect(recap).toMatchObject({
      weekStart: '2026-11-16T00:00:00.000Z',
      mocks: 3,
      solved: 1,
      pattern: 'Sliding Window',
      biggestOops: 'ran out of time',
      win: '70/100 on "LC 3"'
    });
    expect(recap.markdown.split('\n')).toEqual([
      '### Week of 2026-11-16 Recap',
      '- LeetCode solved   : 1 /12',
      '- Pattern this week : Sliding Window',
      '- Mock interview    : ✓ (3)',
      '- Biggest "Oops"    : ran out of time',
      '- One-line win      : 70/100 on "LC 3"',
      '',
      'Not tracked by MockLoop, fill in yourself:',
      '- ML notebook       : ✓ / ✗',
      '- Contest percentile: __ %'
    ]);
  });

  it('says what an empty week had instead of leaving blanks in the lines MockLoop fills', () => {
    const recap = weeklyRecap([], wednesday);
    expect(recap.markdown).toContain('- Mock interview    : ✗');
    expect(recap.markdown).toContain('- Biggest "Oops"    : none tagged');
    expect(recap.markdown).not.toMatch(/: _{4,}/);
    // No emoji (pictographs render as empty boxes without an emoji font).
    expect(recap.markdown).not.toMatch(/[\u{1F300}-\u{1FAFF}\u{2705}\u{274C}]/u);
  });
});
