/** What a submitted design session shows without judgement: time per phase, key points covered, estimates written. */
import type { DesignNotes, Evidence, Scene } from '@mockloop/contracts';
import type { KeyPoint } from '@mockloop/question-bank/schema';
import {
  autoRating,
  matchKeyPoint,
  phaseActuals,
  type AutoEvidence,
  type PhaseStart,
  type PlannedPhase,
  type Rubric
} from '@mockloop/rubrics';

/** All the text a candidate wrote: the notes and every text element on the whiteboard. */
export function workText(notes: DesignNotes, scene: Scene): string {
  const boardText = scene.elements
    .map((element) => (typeof element.text === 'string' ? element.text : ''))
    .filter(Boolean);
  return [...Object.values(notes), ...boardText].join('\n').toLowerCase();
}

/** A number with a unit of rate, size or time ("115 rps", "2 TB", "10M req/day", "50 ms"): an estimate, not prose. */
const ESTIMATE =
  /\d[\d.,]*\s*(?:[kmbt]|thousand|million|billion)?\s*(?:qps|rps|tps|req(?:uest)?s?|writes?|reads?|users?|[kmgtp]i?b(?:ps)?|bytes?|gbps|mbps|\/\s*(?:s|sec|second|day|month)|per\s+(?:second|day|month)|ms|seconds?)\b/i;

export function hasEstimates(text: string): boolean {
  return ESTIMATE.test(text);
}

/** Each key point, covered by a phrase or two co-occurring terms (matchKeyPoint), with the words that matched. */
export function keyPointCoverage(keyPoints: KeyPoint[], text: string): Evidence['keyPoints'] {
  return keyPoints.map((keyPoint) => ({
    point: keyPoint.point,
    level: keyPoint.level,
    ...matchKeyPoint(keyPoint.evidence, text)
  }));
}

export interface DesignEvidenceInput {
  rubric: Rubric;
  keyPoints: KeyPoint[];
  plan: PlannedPhase[];
  log: PhaseStart[];
  startedAt: string;
  endedAt: string;
  notes: DesignNotes;
  scene: Scene;
}

/**
 * @example
 * designEvidence({ rubric, keyPoints, plan, log, startedAt, endedAt, notes, scene }).autoRatings['time-management'];
 */
export function designEvidence(input: DesignEvidenceInput): Evidence {
  const phases = phaseActuals(input.plan, input.log, input.startedAt, input.endedAt);
  const keyPoints = keyPointCoverage(input.keyPoints, workText(input.notes, input.scene));
  const measures: AutoEvidence = {
    phaseTiming: {
      phases: phases.map((p) => ({ name: p.name, plannedMinutes: p.plannedMinutes, actualMinutes: p.actualMinutes }))
    },
    keyPointCoverage: { covered: keyPoints.filter((k) => k.covered).length, total: keyPoints.length }
  };
  const autoRatings: Evidence['autoRatings'] = {};
  for (const criterion of input.rubric.criteria) {
    const suggestion = autoRating(criterion, measures);
    if (suggestion) autoRatings[criterion.id] = suggestion;
  }
  return {
    phases,
    keyPoints,
    estimatesWritten: hasEstimates(input.notes.estimates ?? ''),
    coding: null,
    behavioral: null,
    autoRatings
  };
}

export interface CodingEvidenceInput {
  rubric: Rubric;
  /** The latest submission that reported results (self-run: judged in the candidate's browser), if any. */
  latest: { passed: number; total: number } | null;
  /** A reviewer's confirmation of that submission on the held-back tests (peer-confirmed), if any. */
  confirmation?: { passed: number; total: number } | null;
  totalTests: number;
  minutesUsed: number;
  boxMinutes: number;
}

/**
 * Hidden tests passed and time used against the box, with the suggested ratings they give. A self-run result
 * says so; a peer confirmation is shown beside it, and the lower of the two suggests the rating.
 */
export function codingEvidence(input: CodingEvidenceInput): Evidence {
  const confirmation = input.confirmation ?? null;
  const measures: AutoEvidence = {
    ...(input.latest ? { testPassRate: input.latest } : { testPassRate: { passed: 0, total: input.totalTests } }),
    timeVsBox: { usedMinutes: Math.min(input.minutesUsed, 24 * 60), boxMinutes: input.boxMinutes }
  };
  const autoRatings: Evidence['autoRatings'] = {};
  for (const criterion of input.rubric.criteria) {
    const suggestion = autoRating(criterion, measures);
    if (!suggestion) continue;
    if (criterion.auto === 'testPassRate') {
      const confirmed = confirmation ? autoRating(criterion, { testPassRate: confirmation }) : null;
      autoRatings[criterion.id] = confirmed
        ? {
            rating: Math.min(suggestion.rating, confirmed.rating),
            reason: `Self-run: ${suggestion.reason} Peer-confirmed on tests the candidate never saw: ${confirmed.reason}`
          }
        : {
            rating: suggestion.rating,
            reason: `Self-run (judged in the candidate’s browser, not confirmed): ${suggestion.reason}`
          };
    } else {
      autoRatings[criterion.id] = suggestion;
    }
  }
  return {
    phases: [],
    keyPoints: [],
    estimatesWritten: false,
    coding: {
      passed: input.latest?.passed ?? null,
      total: input.latest?.total ?? input.totalTests,
      confirmed: confirmation !== null,
      confirmedPassed: confirmation?.passed ?? null,
      confirmedTotal: confirmation?.total ?? null,
      minutesUsed: Math.round(input.minutesUsed * 10) / 10,
      boxMinutes: input.boxMinutes
    },
    behavioral: null,
    autoRatings
  };
}
