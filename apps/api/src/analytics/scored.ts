/** The plain data insights are computed from: one scored session, a catalog entry, and the small helpers on them. */
import type { MockKind } from '@mockloop/contracts';
import { phaseActuals, type HireSignal, type Rubric } from '@mockloop/rubrics';

/** How a coding session went: the problem, its time box and the hidden tests of the last judged submission. */
export interface CodingOutcome {
  title: string;
  pattern: string;
  difficulty: string;
  boxMinutes: number;
  /** Hidden tests passed by the last judged submission; null when nothing was submitted. */
  passed: number | null;
  total: number;
  /** Minutes from the start to the first submission that passed every hidden test; null if none did. */
  solvedMinutes: number | null;
}

/** Trends (and an oops tag's sessions) show at most this many recent sessions: enough to see a direction. */
export const MAX_TREND_POINTS = 100;

/** Sessions in the order they happened; the id breaks ties, so every computation orders them alike. */
export function bySessionOrder(a: { startedAt: string; id: string }, b: { startedAt: string; id: string }): number {
  return compareKeys(`${a.startedAt} ${a.id}`, `${b.startedAt} ${b.id}`);
}

export const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ScoredSession {
  id: string;
  /** Absent in caches built before behavioral mocks (those hold design and coding sessions only). */
  kind?: MockKind;
  questionId: string;
  startedAt: string;
  submittedAt: string | null;
  rubric: Rubric;
  selfRatings: Record<string, number> | null;
  oops: string[];
  /** Submitted peer ratings, one record per reviewer. */
  peerRatings: Record<string, number>[];
  /** The hire signal the candidate predicted a peer would give (absent: none). */
  peerPrediction?: HireSignal | null;
  /** The hire signals the submitted peer scores gave, one per reviewer. */
  peerSignals?: HireSignal[];
  phasePlan: Parameters<typeof phaseActuals>[0];
  phaseLog: Parameters<typeof phaseActuals>[1];
  /** Coding sessions only. */
  coding?: CodingOutcome;
  /** The phases spent in, when computed ahead (the cache stores these instead of the plan and log). */
  phaseTimes?: PhaseTime[];
}

export interface PhaseTime {
  id: string;
  name: string;
  overrunMinutes: number;
  /** The plan's minutes for it (absent in caches kept before plans were compared). */
  plannedMinutes?: number;
}

export interface CatalogEntry {
  id: string;
  title: string;
  kind: string;
  rubric: Rubric;
  /** Coding problems: the 16-week roadmap's pattern and difficulty; the others: the level it is written for. */
  pattern?: string;
  difficulty?: string;
  level?: string;
  /** Words of the prompt, its tags and key points: how much it asks of a criterion. */
  text?: string;
}

/** Sums are kept in millionths, as integers: exact and independent of order, so a running total equals a rebuilt one. */
const MICROS = 1_000_000;
export const micros = (value: number) => Math.round(value * MICROS);

/** The mean of values whose sum in millionths is `sum`, rounded to hundredths; null for no values. */
export function meanOfMicros(sum: number, count: number): number | null {
  return count ? Math.round((sum / MICROS / count) * 100) / 100 : null;
}

/** The mean rounded to hundredths, or null for no values. */
export function mean(values: number[]): number | null {
  return meanOfMicros(
    values.reduce((sum, value) => sum + micros(value), 0),
    values.length
  );
}

/** Mean rating of the rubric's criteria in one competency, or null if the rubric has none there or none were rated. */
export function competencyRating(rubric: Rubric, ratings: Record<string, number>, competencyId: string): number | null {
  return mean(
    rubric.criteria
      .filter((c) => c.competency === competencyId && ratings[c.id] !== undefined)
      .map((c) => ratings[c.id]!)
  );
}

/** Whether a coding session solved its problem: every hidden test passed at some submission. */
export const solved = (coding: CodingOutcome) => coding.solvedMinutes !== null;

/** The phases a session spent time in, with their overrun: precomputed by the cache, or from the plan and log. */
export function phaseTimes(
  s: Pick<ScoredSession, 'phaseTimes' | 'submittedAt' | 'startedAt' | 'phasePlan' | 'phaseLog'>
): PhaseTime[] {
  if (s.phaseTimes) return s.phaseTimes;
  if (!s.submittedAt || s.phasePlan.length === 0) return [];
  return phaseActuals(s.phasePlan, s.phaseLog, s.startedAt, s.submittedAt)
    .filter((phase) => phase.actualMinutes > 0)
    .map(({ id, name, overrunMinutes, plannedMinutes }) => ({ id, name, overrunMinutes, plannedMinutes }));
}
