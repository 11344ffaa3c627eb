/**
 * What a kind of mock is on the API side: how it starts (its lengths, phase plan and starting work), what its work
 * holds, and what it is scored on once finished. One module per kind, all registered in `index.ts`.
 */
import type { DesignNotes, Evidence, SessionWork } from '@mockloop/contracts';
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import type { PlannedPhase } from '@mockloop/rubrics';
import type { SessionDoc } from '../../../db/client.ts';
import type { SessionContext } from '../context.ts';

/** A finished session as its evidence reads it. */
export interface FinishedWork {
  endedAt: string;
  phaseLog: { phaseId: string; startedAt: string }[];
  notes: DesignNotes;
  scene: SessionWork['scene'];
}

export interface KindModule {
  /** The lengths a session of this kind may last, in minutes (a test server may allow any). */
  lengthsMin: readonly number[];
  /** The length when none is chosen. */
  defaultLengthMin(question: VersionedQuestion): number;
  /** Its phases for a length; a mock of several prompts makes each prompt a phase. */
  phasePlan(durationMin: number, prompts: VersionedQuestion[]): PlannedPhase[];
  /** Whether the session keeps its prompts (the question is the first of them). */
  keepsPrompts: boolean;
  /** What its work holds when it starts. */
  startingNotes(question: VersionedQuestion): DesignNotes;
  /**
   * What it is scored on once finished: the measured evidence shown beside its rubric (the rubric itself comes
   * with the question, and self and peer scores rate it alike for every kind).
   */
  evidence(ctx: SessionContext, doc: SessionDoc, work: FinishedWork): Promise<Evidence> | Evidence;
}
