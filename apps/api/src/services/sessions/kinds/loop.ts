/**
 * A loop: several rounds, each an ordinary session of its own kind (coding, design, behavioral) started from the
 * bank, run alone or live with one interviewer, then a committee's packet. The loop itself is never a session on a
 * bank question: it starts through its own use case (services/loops/start-loop.ts) and keeps its rounds, blind
 * feedback, prediction and votes in its own document (`loops`), so nothing here is ever asked of a loop's session.
 * Its rounds are scored by their own kinds' modules; the loop's evidence is theirs, side by side in the packet.
 */
import type { Evidence } from '@mockloop/contracts';
import type { KindModule } from './kind.ts';

/** What a loop is scored on: nothing measured of its own (each round carries its kind's evidence). */
const NO_EVIDENCE: Evidence = {
  phases: [],
  keyPoints: [],
  estimatesWritten: false,
  coding: null,
  behavioral: null,
  autoRatings: {}
};

export const loop: KindModule = {
  // No length of its own: each round has its kind's; `POST /api/sessions` never finds a loop in the bank.
  lengthsMin: [],
  defaultLengthMin: () => 0,
  phasePlan: () => [],
  keepsPrompts: false,
  startingNotes: () => ({}),
  evidence: () => NO_EVIDENCE
};
