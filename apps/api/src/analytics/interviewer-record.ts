/**
 * An interviewer's record as numbers: their rating totals per rubric, where their scores sit against the other
 * interviewers' on the same rubric (calibration), and how candidates rated their feedback. Pure: plain data in,
 * plain data out.
 */

/** Sums of ratings per criterion. */
export type Totals = Record<string, { sum: number; count: number }>;

/** What the record keeps of one scored interview (see InterviewerRecordDoc). */
export interface ScoredInterview {
  rubricId: string;
  ratings: Record<string, number>;
  rating?: { specific: number; actionable: number; calibrated: number; ratedAt: Date } | undefined;
}

export interface CriterionRow {
  criterionId: string;
  name: string;
  mine: number | null;
  count: number;
  others: number | null;
  othersCount: number;
  delta: number | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const meanOf = (sum: number, count: number) => (count > 0 ? round2(sum / count) : null);

/** One interviewer's totals on one rubric, from the interviews they scored with it. */
export function rubricTotals(interviews: ScoredInterview[], rubricId: string): Totals {
  const totals: Totals = {};
  for (const interview of interviews) {
    if (interview.rubricId !== rubricId) continue;
    for (const [criterionId, rating] of Object.entries(interview.ratings)) {
      const t = (totals[criterionId] ??= { sum: 0, count: 0 });
      t.sum += rating;
      t.count += 1;
    }
  }
  return totals;
}

/**
 * Per criterion of a rubric: the interviewer's mean rating, the other interviewers' mean on the instance (every
 * interviewer's totals but `me`'s), and mine − others. A criterion nobody else rated has no delta.
 */
export function calibrationRows(
  criteria: { id: string; name: string }[],
  everyone: Record<string, Totals>,
  me: string
): CriterionRow[] {
  return criteria.map(({ id, name }) => {
    const mine = everyone[me]?.[id] ?? { sum: 0, count: 0 };
    let sum = 0;
    let count = 0;
    for (const [who, totals] of Object.entries(everyone)) {
      if (who === me) continue;
      sum += totals[id]?.sum ?? 0;
      count += totals[id]?.count ?? 0;
    }
    const mineMean = meanOf(mine.sum, mine.count);
    const othersMean = meanOf(sum, count);
    return {
      criterionId: id,
      name,
      mine: mineMean,
      count: mine.count,
      others: othersMean,
      othersCount: count,
      delta: mineMean !== null && othersMean !== null ? round2(mineMean - othersMean) : null
    };
  });
}

/** The means of the candidates' ratings of the feedback (1–5 each), over the rated interviews. */
export function feedbackRatingMeans(interviews: ScoredInterview[]) {
  const rated = interviews.flatMap((i) => (i.rating ? [i.rating] : []));
  const mean = (key: 'specific' | 'actionable' | 'calibrated') =>
    meanOf(
      rated.reduce((sum, r) => sum + r[key], 0),
      rated.length
    );
  return {
    count: rated.length,
    specific: mean('specific'),
    actionable: mean('actionable'),
    calibrated: mean('calibrated')
  };
}

/** Whether the candidate may still rate (or re-rate) feedback submitted at `submittedAt`. */
export function ratingOpen(submittedAt: Date, now: Date, windowDays: number): boolean {
  return now.getTime() <= ratingClosesAt(submittedAt, windowDays).getTime();
}

export function ratingClosesAt(submittedAt: Date, windowDays: number): Date {
  return new Date(submittedAt.getTime() + windowDays * 86_400_000);
}
