/** A system design mock: a whiteboard and notes through the design phases, scored on key points and phase timing. */
import { designPhasePlan } from '@mockloop/rubrics';
import { designEvidence } from '../../../analytics/evidence.ts';
import type { KindModule } from './kind.ts';

export const DESIGN_LENGTHS_MIN = [45, 60, 90] as const;

export const design: KindModule = {
  lengthsMin: DESIGN_LENGTHS_MIN,
  defaultLengthMin: () => 60,
  phasePlan: (durationMin) => designPhasePlan(durationMin),
  keepsPrompts: false,
  startingNotes: () => ({}),
  evidence: (_ctx, doc, work) =>
    designEvidence({
      rubric: doc.rubric,
      keyPoints: doc.question.kind === 'design' ? doc.question.keyPoints : [],
      plan: doc.phasePlan,
      log: work.phaseLog,
      startedAt: doc.startedAt.toISOString(),
      endedAt: work.endedAt,
      notes: work.notes,
      scene: work.scene
    })
};
