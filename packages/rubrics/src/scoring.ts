/** The weighted score (0–100) and the hire signal of a complete set of ratings against a rubric. */
import type { HireSignal, HireThresholds, Rubric } from './schema.ts';
import { HIRE_SIGNALS } from './constants.ts';

export { HIRE_SIGNALS };
import type { Ratings } from './submission.ts';

export type ScoringErrorCode = 'MISSING_RATINGS' | 'UNKNOWN_CRITERIA' | 'INVALID_RATING';

/**
 * Thrown when ratings cannot be scored against a rubric. A partial set is refused rather than
 * scored, because a score over some criteria would not be comparable with complete ones.
 */
export class ScoringError extends Error {
  override readonly name = 'ScoringError';

  constructor(
    readonly code: ScoringErrorCode,
    /** The criterion ids at fault. */
    readonly criterionIds: string[]
  ) {
    super(`${code}: ${criterionIds.join(', ')}`);
  }
}

function assertScorable(rubric: Rubric, ratings: Ratings): void {
  const known = new Set(rubric.criteria.map((c) => c.id));
  const unknown = Object.keys(ratings).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ScoringError('UNKNOWN_CRITERIA', unknown);
  const missing = rubric.criteria.filter((c) => ratings[c.id] === undefined).map((c) => c.id);
  if (missing.length > 0) throw new ScoringError('MISSING_RATINGS', missing);
  const invalid = rubric.criteria
    .filter((c) => {
      const rating = ratings[c.id];
      return !Number.isInteger(rating) || (rating as number) < 1 || (rating as number) > 4;
    })
    .map((c) => c.id);
  if (invalid.length > 0) throw new ScoringError('INVALID_RATING', invalid);
}

/**
 * The weighted score, 0–100, rounded to one decimal. A rating of 1 earns nothing, 4 earns the
 * criterion's full weight, linearly in between. Ratings must be complete: every criterion rated,
 * none unknown, each an integer 1–4; otherwise it throws a ScoringError.
 *
 * @example weightedScore(getRubric('coding-mock')!, { correctness: 4, complexity: 3, ... })
 */
export function weightedScore(rubric: Rubric, ratings: Ratings): number {
  assertScorable(rubric, ratings);
  // Summed as integers (weight × steps above 1) so there is a single division: integer
  // scores come out exact, and a score on a threshold is never a hair below it.
  let points = 0;
  for (const criterion of rubric.criteria) points += criterion.weight * ((ratings[criterion.id] as number) - 1);
  return Math.round((points * 10) / 3) / 10;
}

/** The signal a score earns under these thresholds; each cut-off is inclusive. */
export function signalForScore(thresholds: HireThresholds, score: number): HireSignal {
  if (score >= thresholds.strongHire) return 'Strong Hire';
  if (score >= thresholds.hire) return 'Hire';
  if (score >= thresholds.noHire) return 'No Hire';
  return 'Strong No Hire';
}

/**
 * The hire signal of a complete set of ratings: the score against the rubric's thresholds, capped
 * at "No Hire" when any critical criterion is rated 1 (a wrong solution is not rescued by good
 * communication). Throws a ScoringError for incomplete or invalid ratings, as weightedScore does.
 */
export function hireSignal(rubric: Rubric, ratings: Ratings): HireSignal {
  const signal = signalForScore(rubric.hireThresholds, weightedScore(rubric, ratings));
  const criticalMissed = rubric.criteria.some((c) => c.critical === true && ratings[c.id] === 1);
  if (criticalMissed && HIRE_SIGNALS.indexOf(signal) > HIRE_SIGNALS.indexOf('No Hire')) return 'No Hire';
  return signal;
}
