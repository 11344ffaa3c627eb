/**
 * The shape of a user's insights aggregate (insights-aggregate.ts keeps it, insights-schedules.ts its review
 * schedules and recent sessions): its own module, so both read it without importing each other.
 */
import type { PredictionPoint, PredictionTotals } from './calibration-trend.ts';
import type { Contribution } from './insights-contribution.ts';

export class NeedsRebuild extends Error {}

export interface TrendPoint {
  sessionId: string;
  at: string;
  self: number | null;
  peer: number | null;
}

/** The newest points of a series, oldest first; `total` counts the ones dropped too. */
export interface Window<T> {
  total: number;
  items: T[];
}

export interface Ranked {
  /** Where it first appeared (session order, then position in the session): ties in the output keep this order. */
  first: string;
}

/** The stored aggregate's shape: one read under another format is rebuilt from the sessions. */
export const AGGREGATE_FORMAT = 3;

export interface InsightsAggregate {
  format: number;
  scored: number;
  competencies: Record<string, Window<TrendPoint>>;
  criteria: Record<
    string,
    Ranked & Omit<Contribution['criteria'][number], 'self' | 'peer' | 'index'> & Window<TrendPoint>
  >;
  oops: Record<string, Window<{ sessionId: string; at: string }>>;
  phases: Record<
    string,
    Ranked & { id: string; name: string; sessions: number; sum: number; planned: number; over: number }
  >;
  gap: { sum: number; count: number };
  peerCount: number;
  /** Predicted peer's hire signals against the given ones: the latest points, and totals over every session. */
  predictions: Window<PredictionPoint> & PredictionTotals;
  patterns: Record<string, { sessions: number; judged: number; passSum: number; solved: number; solveSum: number }>;
  timed: { sessions: number; over: number };
  difficulties: Record<string, Ranked & { boxMinutes: number; sessions: number; sum: number; over: number }>;
  questions: Record<string, { lastStartedAt: string; solved: number }>;
  oopsSchedule: {
    last: string | null;
    lastAt: string | null;
    /** Self-scored sessions per kind of mock: the sessions that could show a tag. */
    scoredByKind: Record<string, number>;
    tags: Record<
      string,
      Ranked & {
        last: string;
        lastAt: string;
        /** The last session that could have shown it (and did not), or where it last happened. */
        reviewedAt: string;
        stage: number;
        /** How often it happened, per kind of mock. */
        seenIn: Record<string, number>;
        lastKind: string;
      }
    >;
  };
  problems: Record<
    string,
    {
      first: string | null;
      title: string;
      lastUnsolved: string | null;
      lastSeenAt: string;
      stage: number;
      last: string;
      lastAt: string;
      misses: number;
      attempts: number;
    }
  >;
  /** Sessions started on or after `recentSince`, for the week's recap. */
  recent: Record<string, Pick<Contribution, 'startedAt' | 'kind' | 'questionId' | 'selfScore' | 'oops' | 'coding'>>;
  recentSince: string;
}

export const sessionKey = (c: { startedAt: string; id: string }) => `${c.startedAt} ${c.id}`;
export const rank = (key: string, index: number) => `${key} ${String(index).padStart(4, '0')}`;
