/**
 * Calibration over time: self minus peer on each criterion both rated, per criterion and per kind of mock, with a
 * plain sentence where the gap holds ("You under-rate your system design by about one level"); and the peer's hire
 * signal the candidate predicted against the one given.
 */
import type { Insights } from '@mockloop/contracts';
import { getRubric, HIRE_SIGNALS, type HireSignal } from '@mockloop/rubrics';
import { mean, meanOfMicros, micros } from './scored.ts';

/** A gap is said out loud only when it rests on this many peer-scored sessions and is at least this large. */
export const CALIBRATION_MIN_SESSIONS = 2;
export const CALIBRATION_MIN_GAP = 0.5;

type Series = Insights['criteria'][number];

const KIND_NAMES: Record<string, string> = {
  design: 'system design',
  coding: 'coding',
  behavioral: 'behavioral answers'
};

/** "about half a level", "about one level", "about two levels". */
export function levels(gap: number): string {
  const size = Math.abs(gap);
  if (size < 0.75) return 'about half a level';
  const whole = Math.round(size);
  return whole === 1 ? 'about one level' : `about ${whole === 2 ? 'two' : whole === 3 ? 'three' : whole} levels`;
}

/** The sentence for a mean gap over `sessions` peer-scored sessions, or null where it does not hold. */
export function calibrationStatement(subject: string, gap: number, sessions: number): string | null {
  if (sessions < CALIBRATION_MIN_SESSIONS || Math.abs(gap) < CALIBRATION_MIN_GAP) return null;
  return `You ${gap < 0 ? 'under-rate' : 'over-rate'} your ${subject} by ${levels(gap)}.`;
}

/** Per criterion and per kind of mock, from the criteria's trend points (self and peer per session). */
export function calibrationTrends(series: Series[]): Pick<Insights['calibration'], 'byKind' | 'byCriterion'> {
  const byKind = new Map<string, { gaps: number[]; sessions: Set<string> }>();
  const byCriterion = series.flatMap((s) => {
    const points = s.points.flatMap((p) =>
      p.self !== null && p.peer !== null
        ? [{ sessionId: p.sessionId, at: p.at, gap: Math.round((p.self - p.peer) * 100) / 100 }]
        : []
    );
    if (points.length === 0) return [];
    const kind = getRubric(s.rubricId)?.kind ?? 'design';
    const entry = byKind.get(kind) ?? { gaps: [], sessions: new Set<string>() };
    for (const p of points) {
      entry.gaps.push(p.gap);
      entry.sessions.add(p.sessionId);
    }
    byKind.set(kind, entry);
    const meanGap = mean(points.map((p) => p.gap))!;
    return [
      {
        key: `${s.rubricId}:${s.criterionId}`,
        name: s.name,
        kind,
        meanGap,
        points,
        statement: calibrationStatement(s.name.toLowerCase(), meanGap, points.length)
      }
    ];
  });
  return {
    byKind: [...byKind.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, { gaps, sessions }]) => {
        const meanGap = mean(gaps)!;
        return {
          kind,
          meanGap,
          sessions: sessions.size,
          statement: calibrationStatement(KIND_NAMES[kind] ?? kind, meanGap, sessions.size)
        };
      }),
    byCriterion
  };
}

/** A session's prediction of the peer's hire signal beside the signals its peers gave (lowest first). */
export interface PredictionPoint {
  sessionId: string;
  at: string;
  predicted: HireSignal;
  actual: HireSignal[];
}

/** Running totals of predictions against peers' signals: exact integers, so a fold equals a rebuild. */
export interface PredictionTotals {
  compared: number;
  matched: number;
  /** Predicted minus given, in levels, summed over every comparison. */
  gapSum: number;
}

const levelOf = (signal: HireSignal) => HIRE_SIGNALS.indexOf(signal);

/** The peers' signals in one order (lowest first), whatever order the peers were read in. */
export const bySignal = (signals: HireSignal[]) => [...signals].sort((a, b) => levelOf(a) - levelOf(b));

/** What one session adds to the totals: one comparison per peer. */
export function predictionTotals(point: Pick<PredictionPoint, 'predicted' | 'actual'>): PredictionTotals {
  return {
    compared: point.actual.length,
    matched: point.actual.filter((signal) => signal === point.predicted).length,
    gapSum: point.actual.reduce((sum, signal) => sum + levelOf(point.predicted) - levelOf(signal), 0)
  };
}

/** "You expect a lower hire signal than your peers give you, by about one level", or null where it does not hold. */
export function predictionStatement(gap: number, compared: number): string | null {
  if (compared < CALIBRATION_MIN_SESSIONS || Math.abs(gap) < CALIBRATION_MIN_GAP) return null;
  return `You expect a ${gap < 0 ? 'lower' : 'higher'} hire signal than your peers give you, by ${levels(gap)}.`;
}

/** The prediction part of calibration, from the points shown and the totals over every session. */
export function predictionSummary(
  points: PredictionPoint[],
  totals: PredictionTotals
): Insights['calibration']['prediction'] {
  const meanGap = meanOfMicros(micros(totals.gapSum), totals.compared);
  return {
    points,
    compared: totals.compared,
    matched: totals.matched,
    meanGap,
    statement: meanGap === null ? null : predictionStatement(meanGap, totals.compared)
  };
}
