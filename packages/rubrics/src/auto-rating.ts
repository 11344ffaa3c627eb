/** Suggested ratings for the criteria a session can measure: tests passed, time used, phase timing, key points, STAR. */
import { z } from 'zod';
import type { Criterion } from './schema.ts';
import { STAR_PARTS, starStructureRating } from './star.ts';
import type { Rating } from './submission.ts';

/** The 16-week roadmap's time boxes per difficulty, in minutes (Week 2: easies in 15; mediums in 30; hards in 60). */
export const TIME_BOX_MINUTES = { easy: 15, medium: 30, hard: 60 } as const;
export type TimeBoxDifficulty = keyof typeof TIME_BOX_MINUTES;

const minutesSchema = z
  .number()
  .min(0)
  .max(24 * 60);

/** Measurements of one session. Each part is optional: a criterion is rated only if its part is present. */
export const autoEvidenceSchema = z.object({
  testPassRate: z
    .object({ passed: z.int().min(0), total: z.int().min(0) })
    .refine((e) => e.passed <= e.total, { message: 'passed cannot exceed total' })
    .optional(),
  timeVsBox: z
    .union([
      z.object({ usedMinutes: minutesSchema, boxMinutes: minutesSchema }),
      z.object({ usedMinutes: minutesSchema, difficulty: z.enum(['easy', 'medium', 'hard']) })
    ])
    .optional(),
  phaseTiming: z
    .object({
      phases: z.array(
        z.object({ name: z.string().min(1), plannedMinutes: minutesSchema, actualMinutes: minutesSchema })
      )
    })
    .optional(),
  keyPointCoverage: z
    .object({ covered: z.int().min(0), total: z.int().min(0) })
    .refine((e) => e.covered <= e.total, { message: 'covered cannot exceed total' })
    .optional(),
  /** A behavioral mock's answers: STAR parts present, a number in the result, "I" share in the action. */
  starStructure: z
    .object({
      prompts: z.array(
        z.object({
          partsPresent: z.int().min(0).max(STAR_PARTS.length),
          resultQuantified: z.boolean(),
          iShare: z.number().min(0).max(1).nullable()
        })
      )
    })
    .optional()
});

export type AutoEvidence = z.infer<typeof autoEvidenceSchema>;
export type AutoRating = { rating: Rating; reason: string };

/** A band: the rating earned when the measure reaches `at` (checked in order, best first). */
type Band = { at: number; rating: Rating };

// Higher is better: share of hidden tests passed. All passing is the only way to a 4.
const PASS_RATE_BANDS: Band[] = [
  { at: 1, rating: 4 },
  { at: 0.8, rating: 3 },
  { at: 0.5, rating: 2 }
];
// Higher is better: share of the question's key points the notes cover.
const COVERAGE_BANDS: Band[] = [
  { at: 0.9, rating: 4 },
  { at: 0.7, rating: 3 },
  { at: 0.4, rating: 2 }
];
// Lower is better: minutes used over the time box. A quarter of the box to spare leaves time to test.
const TIME_RATIO_BANDS: Band[] = [
  { at: 0.75, rating: 4 },
  { at: 1, rating: 3 },
  { at: 1.25, rating: 2 }
];
// Lower is better: total minutes off plan, over the planned total.
const PHASE_DEVIATION_BANDS: Band[] = [
  { at: 0.1, rating: 4 },
  { at: 0.25, rating: 3 },
  { at: 0.5, rating: 2 }
];

const atLeast = (value: number, bands: Band[]): Rating => bands.find((b) => value >= b.at)?.rating ?? 1;
const atMost = (value: number, bands: Band[]): Rating => bands.find((b) => value <= b.at)?.rating ?? 1;
const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/**
 * A suggested 1–4 rating with a one-line reason, for a criterion with an `auto` kind. Null when the
 * criterion has no `auto`, when the evidence for its kind is absent, or when it measures nothing
 * (zero tests, zero key points, a zero time box, no planned phases). Expects evidence that passed
 * autoEvidenceSchema; the candidate can always override the suggestion.
 */
export function autoRating(criterion: Criterion, evidence: AutoEvidence): AutoRating | null {
  switch (criterion.auto) {
    case 'testPassRate': {
      const e = evidence.testPassRate;
      if (!e || e.total === 0) return null;
      const ratio = e.passed / e.total;
      return {
        rating: atLeast(ratio, PASS_RATE_BANDS),
        reason: `${e.passed} of ${e.total} hidden tests pass (${percent(ratio)}).`
      };
    }
    case 'timeVsBox': {
      const e = evidence.timeVsBox;
      if (!e) return null;
      const box = 'boxMinutes' in e ? e.boxMinutes : TIME_BOX_MINUTES[e.difficulty];
      if (box === 0) return null;
      const ratio = e.usedMinutes / box;
      const boxName = 'difficulty' in e ? `the ${e.difficulty} time box` : 'the time box';
      return {
        rating: atMost(ratio, TIME_RATIO_BANDS),
        reason: `Used ${round1(e.usedMinutes)} of ${box} minutes (${percent(ratio)} of ${boxName}).`
      };
    }
    case 'phaseTiming':
      return phaseTimingRating(evidence.phaseTiming);
    case 'keyPointCoverage': {
      const e = evidence.keyPointCoverage;
      if (!e || e.total === 0) return null;
      const ratio = e.covered / e.total;
      return {
        rating: atLeast(ratio, COVERAGE_BANDS),
        reason: `Covered ${e.covered} of ${e.total} key points (${percent(ratio)}).`
      };
    }
    case 'starStructure':
      return evidence.starStructure ? starStructureRating(evidence.starStructure) : null;
    case undefined:
      return null;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function phaseTimingRating(e: AutoEvidence['phaseTiming']): AutoRating | null {
  if (!e) return null;
  const planned = e.phases.reduce((sum, p) => sum + p.plannedMinutes, 0);
  if (planned === 0) return null;
  const offPlan = e.phases.reduce((sum, p) => sum + Math.abs(p.actualMinutes - p.plannedMinutes), 0);
  const deviation = offPlan / planned;
  let rating = atMost(deviation, PHASE_DEVIATION_BANDS);
  let reason = `Phases ${percent(deviation)} off plan overall`;

  const worst = e.phases.reduce((a, b) =>
    Math.abs(b.actualMinutes - b.plannedMinutes) > Math.abs(a.actualMinutes - a.plannedMinutes) ? b : a
  );
  const worstDelta = round1(worst.actualMinutes - worst.plannedMinutes);
  if (worstDelta !== 0) reason += `; furthest off: ${worst.name} (${worstDelta > 0 ? '+' : ''}${worstDelta} min)`;

  // A phase skipped outright (trade-offs, wrap-up) is a pacing failure however close the totals look.
  const skipped = e.phases.filter((p) => p.plannedMinutes > 0 && p.actualMinutes === 0).map((p) => p.name);
  if (skipped.length > 0) {
    rating = Math.min(rating, 2) as Rating;
    reason += `; skipped: ${skipped.join(', ')}`;
  }
  return { rating, reason: `${reason}.` };
}
