/** Calibration: how a candidate's self-ratings differ from a peer's, criterion by criterion. */
import type { Ratings } from './submission.ts';

export type CriterionGap = { criterionId: string; self: number; peer: number; gap: number };

export type Calibration = {
  /** Criteria rated by both, in the order of the self-ratings; gap = self − peer. */
  gaps: CriterionGap[];
  /** Mean of the signed gaps: positive means the candidate rates themself higher. Null with no overlap. */
  meanGap: number | null;
  /** Mean of the absolute gaps: the signed mean can hide disagreements that cancel out. */
  meanAbsoluteGap: number | null;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Compares self and peer ratings over the criteria both rated; a criterion rated by only one side
 * is left out rather than counted as a gap, since there is nothing to compare it with.
 */
export function calibration(self: Ratings, peer: Ratings): Calibration {
  const gaps: CriterionGap[] = [];
  for (const [criterionId, selfRating] of Object.entries(self)) {
    const peerRating = peer[criterionId];
    if (peerRating === undefined) continue;
    gaps.push({ criterionId, self: selfRating, peer: peerRating, gap: selfRating - peerRating });
  }
  if (gaps.length === 0) return { gaps, meanGap: null, meanAbsoluteGap: null };
  const sum = gaps.reduce((total, g) => total + g.gap, 0);
  const absSum = gaps.reduce((total, g) => total + Math.abs(g.gap), 0);
  return { gaps, meanGap: round2(sum / gaps.length), meanAbsoluteGap: round2(absSum / gaps.length) };
}
