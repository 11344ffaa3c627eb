/** A behavioral mock: 1–4 prompts answered in STAR, each a phase with its own time box; scored on STAR evidence. */
import type { BehavioralQuestion } from '@mockloop/question-bank/schema';
import { BEHAVIORAL_LENGTHS_MIN, behavioralPhasePlan } from '@mockloop/rubrics';
import { behavioralEvidence } from '../../../analytics/behavioral-evidence.ts';
import type { KindModule } from './kind.ts';

export const behavioral: KindModule = {
  lengthsMin: BEHAVIORAL_LENGTHS_MIN,
  defaultLengthMin: () => BEHAVIORAL_LENGTHS_MIN[0],
  phasePlan: (durationMin, prompts) =>
    behavioralPhasePlan(
      durationMin,
      prompts.map((p) => p.title)
    ),
  keepsPrompts: true,
  startingNotes: () => ({}),
  evidence: (_ctx, doc, work) =>
    behavioralEvidence({
      rubric: doc.rubric,
      prompts: (doc.prompts ?? [doc.question]) as BehavioralQuestion[],
      plan: doc.phasePlan,
      log: work.phaseLog,
      startedAt: doc.startedAt.toISOString(),
      endedAt: work.endedAt,
      notes: work.notes
    })
};
