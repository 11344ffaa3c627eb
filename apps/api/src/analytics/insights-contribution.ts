/**
 * What one session adds to a user's insights, computed once from the session (and its rubric): the insights
 * aggregate (insights-aggregate.ts) adds it in, and takes it out again when the session changes.
 */
import type { MockKind } from '@mockloop/contracts';
import { competencies } from '@mockloop/rubrics';
import { bySignal, type PredictionPoint } from './calibration-trend.ts';
import { codingMinutes } from './coding-insights.ts';
import {
  competencyRating,
  mean,
  micros,
  phaseTimes,
  solved,
  type PhaseTime,
  type ScoredSession,
  type CodingOutcome
} from './scored.ts';

export interface TrendValue {
  self: number | null;
  peer: number | null;
}

export interface CriterionValue extends TrendValue {
  /** `rubricId:criterionId`: the same criterion of the same rubric across sessions. */
  key: string;
  rubricId: string;
  rubricTitle: string;
  criterionId: string;
  name: string;
  competencyId: string;
  /** Its place in the rubric: criteria first seen in the same session keep the rubric's order. */
  index: number;
}

export interface Contribution {
  id: string;
  kind: MockKind;
  questionId: string;
  startedAt: string;
  submittedAt: string | null;
  /** Rated by the candidate or by a peer: counted in `sessionsScored` and the trends. */
  scored: boolean;
  selfScored: boolean;
  selfScore: number | null;
  /** Per competency, where either side rated it (scored sessions only). */
  competencies: Record<string, TrendValue>;
  criteria: CriterionValue[];
  oops: string[];
  phases: PhaseTime[];
  /** Self minus peer rating, per criterion both rated, summed over the peers (in millionths). */
  gapSum: number;
  gapCount: number;
  peerCount: number;
  /** The predicted peer's hire signal beside the signals given: only where both are there. */
  prediction: Pick<PredictionPoint, 'predicted' | 'actual'> | null;
  coding:
    | (CodingOutcome & {
        solved: boolean;
        /** To the solve, or to the end of the session; null while it runs unsolved. */
        minutes: number | null;
      })
    | null;
}

export function contributionOf(s: ScoredSession & { selfScore?: number | null }): Contribution {
  const scored = Boolean(s.selfRatings) || s.peerRatings.length > 0;
  const trends: Record<string, TrendValue> = {};
  const criteria: CriterionValue[] = [];
  if (scored) {
    for (const competency of competencies) {
      const self = s.selfRatings ? competencyRating(s.rubric, s.selfRatings, competency.id) : null;
      const peer = mean(
        s.peerRatings.map((r) => competencyRating(s.rubric, r, competency.id)).filter((v): v is number => v !== null)
      );
      if (self !== null || peer !== null) trends[competency.id] = { self, peer };
    }
    for (const [index, criterion] of s.rubric.criteria.entries()) {
      const self = s.selfRatings?.[criterion.id] ?? null;
      const peer = mean(s.peerRatings.map((r) => r[criterion.id]).filter((v): v is number => v !== undefined));
      if (self === null && peer === null) continue;
      criteria.push({
        key: `${s.rubric.id}:${criterion.id}`,
        rubricId: s.rubric.id,
        rubricTitle: s.rubric.title,
        criterionId: criterion.id,
        name: criterion.name,
        competencyId: criterion.competency,
        index,
        self,
        peer
      });
    }
  }
  let gapSum = 0;
  let gapCount = 0;
  if (s.selfRatings) {
    for (const peer of s.peerRatings) {
      for (const id of Object.keys(peer)) {
        if (s.selfRatings[id] === undefined) continue;
        gapSum += micros(s.selfRatings[id] - peer[id]!);
        gapCount++;
      }
    }
  }
  return {
    id: s.id,
    kind: s.kind ?? (s.coding ? 'coding' : 'design'),
    questionId: s.questionId,
    startedAt: s.startedAt,
    submittedAt: s.submittedAt,
    scored,
    selfScored: Boolean(s.selfRatings),
    selfScore: s.selfScore ?? null,
    competencies: trends,
    criteria,
    oops: s.oops,
    phases: phaseTimes(s),
    gapSum,
    gapCount,
    peerCount: s.peerRatings.length,
    prediction:
      s.peerPrediction && s.peerSignals?.length
        ? { predicted: s.peerPrediction, actual: bySignal(s.peerSignals) }
        : null,
    coding: s.coding ? { ...s.coding, solved: solved(s.coding), minutes: codingMinutes(s) } : null
  };
}
