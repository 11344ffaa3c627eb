import type { Insights } from '@mockloop/contracts';
import { getRubric, weightedScore } from '@mockloop/rubrics';
import { describe, expect, it } from 'vitest';
import { roundScores } from './plan-inputs.ts';

const design = getRubric('system-design-mock')!;
/** The criteria trends of one design session: every criterion rated `self` by the candidate, some by a peer. */
function criteria(self: number, peer: number | null, peerRates: number): Insights['criteria'] {
  return design.criteria.map((c, i) => ({
    rubricId: design.id,
    rubricTitle: design.title,
    criterionId: c.id,
    name: c.name,
    competencyId: 'x',
    points: [{ sessionId: 's1', at: '2026-12-01T10:00:00.000Z', self, peer: i < peerRates ? peer : null }]
  }));
}

describe('roundScores', () => {
  it('scores a session with its rubric’s own weighted score, by self and by peer once every criterion is rated', () => {
    const all = Object.fromEntries(design.criteria.map((c) => [c.id, 3]));
    expect(roundScores(criteria(3, 2, design.criteria.length))).toEqual([
      {
        round: 'design',
        sessionId: 's1',
        at: '2026-12-01T10:00:00.000Z',
        self: weightedScore(design, all),
        peer: weightedScore(design, Object.fromEntries(design.criteria.map((c) => [c.id, 2])))
      }
    ]);
    // A peer who rated only some criteria gives no score.
    expect(roundScores(criteria(3, 2, 2))[0]!.peer).toBeNull();
  });

  it('counts a staff weekly assessment towards the design round, and a rubric of no round nowhere', () => {
    const week = criteria(4, null, 0).map((c) => ({ ...c, rubricId: 'staff-week-09' }));
    expect(roundScores(week).map((s) => s.round)).toEqual(['design']);
    expect(roundScores(criteria(4, null, 0).map((c) => ({ ...c, rubricId: 'unknown' })))).toEqual([]);
  });
});
