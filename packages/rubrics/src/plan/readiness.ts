/**
 * Readiness per interview round: where the last scores put the user against the hire bar of the level they
 * target, how sure that is, and what it rests on. A peer's score counts twice a self score; newer sessions count
 * more; confidence grows with sessions and with peers among them.
 */
import type { HireThresholds } from '../schema.ts';
import type { Round } from './roadmaps.ts';

export type Level = 'senior' | 'staff' | 'principal';

/** One scored session of a round: its weighted scores (0–100) by the candidate and, averaged, by peers. */
export interface RoundScore {
  round: Round;
  sessionId: string;
  at: string;
  self: number | null;
  peer: number | null;
}

export type Confidence = 'none' | 'low' | 'medium' | 'high';

export interface Readiness {
  round: Round;
  /** 0–100, or null before any scored session. */
  estimate: number | null;
  bar: number;
  confidence: Confidence;
  sessions: number;
  peerScored: number;
  restsOn: string;
  /** The estimate after each session, oldest first: the picture over time. */
  history: { at: string; estimate: number }[];
}

/** The last sessions an estimate rests on. */
export const READINESS_WINDOW = 5;
const PEER_WEIGHT = 2;
const RECENCY = 0.8;

/**
 * The bar a level must clear: Hire for senior, a third of the way to Strong Hire for staff (ratings of 3, "solid",
 * everywhere), two thirds for principal.
 */
export function hireBar(level: Level, t: HireThresholds): number {
  const step = (t.strongHire - t.hire) / 3;
  const bar = level === 'senior' ? t.hire : level === 'staff' ? t.hire + step : t.hire + 2 * step;
  return Math.round(bar * 10) / 10;
}

/** A session's score: peers weighted over self. */
export function combined(s: Pick<RoundScore, 'self' | 'peer'>): number | null {
  if (s.peer !== null && s.self !== null) return (PEER_WEIGHT * s.peer + s.self) / (PEER_WEIGHT + 1);
  return s.peer ?? s.self;
}

function estimateOf(window: readonly RoundScore[]): number | null {
  let sum = 0;
  let weights = 0;
  window.forEach((s, i) => {
    const score = combined(s);
    if (score === null) return;
    const w = RECENCY ** (window.length - 1 - i);
    sum += w * score;
    weights += w;
  });
  return weights ? Math.round((sum / weights) * 10) / 10 : null;
}

function confidenceOf(sessions: number, peers: number): Confidence {
  if (sessions === 0) return 'none';
  const certainty = Math.min(1, sessions / READINESS_WINDOW) * (0.6 + 0.4 * Math.min(1, peers / 2));
  return certainty >= 0.75 ? 'high' : certainty >= 0.4 ? 'medium' : 'low';
}

/** Readiness for each round, from its sessions (any order). */
export function readiness(
  rounds: readonly Round[],
  scores: readonly RoundScore[],
  level: Level,
  thresholds: HireThresholds
): Readiness[] {
  const bar = hireBar(level, thresholds);
  return rounds.map((round) => {
    const mine = scores
      .filter((s) => s.round === round && combined(s) !== null)
      .sort((a, b) => a.at.localeCompare(b.at) || a.sessionId.localeCompare(b.sessionId));
    const window = mine.slice(-READINESS_WINDOW);
    const peers = window.filter((s) => s.peer !== null).length;
    const history = mine.map((s, i) => ({
      at: s.at,
      estimate: estimateOf(mine.slice(Math.max(0, i + 1 - READINESS_WINDOW), i + 1))!
    }));
    const last = window.at(-1);
    return {
      round,
      estimate: estimateOf(window),
      bar,
      confidence: confidenceOf(window.length, peers),
      sessions: mine.length,
      peerScored: mine.filter((s) => s.peer !== null).length,
      restsOn: last
        ? `The last ${window.length} scored session${window.length === 1 ? '' : 's'} (${peers} scored by a peer, ` +
          `counted twice a self score), the latest on ${last.at.slice(0, 10)}.`
        : 'No scored session of this round yet.',
      history
    };
  });
}
