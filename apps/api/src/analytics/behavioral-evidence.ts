/** What a submitted behavioral mock shows without judgement: per prompt, the STAR parts, a number, I vs we, time. */
import type { DesignNotes, Evidence } from '@mockloop/contracts';
import { STAR_NOTE_FIELDS, starNoteKey, storyNoteKey, type PromptNumber } from '@mockloop/contracts/constants';
import type { BehavioralQuestion } from '@mockloop/question-bank/schema';
import {
  autoRating,
  phaseActuals,
  starEvidence,
  type PhaseStart,
  type PlannedPhase,
  type Rubric,
  type StarAnswer
} from '@mockloop/rubrics';
import { keyPointCoverage } from './evidence.ts';

export interface BehavioralEvidenceInput {
  rubric: Rubric;
  prompts: (BehavioralQuestion & { version?: string })[];
  plan: PlannedPhase[];
  log: PhaseStart[];
  startedAt: string;
  endedAt: string;
  notes: DesignNotes;
}

/** Prompt `n`'s answer as written in the notes. */
export function answerOf(notes: DesignNotes, n: PromptNumber): StarAnswer {
  return Object.fromEntries(STAR_NOTE_FIELDS.map((f) => [f.part, notes[starNoteKey(n, f.part)] ?? ''])) as StarAnswer;
}

/**
 * @example
 * behavioralEvidence({ rubric, prompts, plan, log, startedAt, endedAt, notes }).behavioral?.prompts[0]?.partsPresent;
 */
export function behavioralEvidence(input: BehavioralEvidenceInput): Evidence {
  const phases = phaseActuals(input.plan, input.log, input.startedAt, input.endedAt);
  const prompts = input.prompts.map((question, index) => {
    const n = (index + 1) as PromptNumber;
    const evidence = starEvidence(answerOf(input.notes, n));
    const phase = phases[index];
    return {
      n,
      questionId: question.id,
      title: question.title,
      storyId: input.notes[storyNoteKey(n)] || null,
      ...evidence,
      plannedMinutes: phase?.plannedMinutes ?? 0,
      actualMinutes: phase?.actualMinutes ?? 0
    };
  });
  const keyPoints = input.prompts.flatMap((question, index) => {
    const answer = answerOf(input.notes, (index + 1) as PromptNumber);
    const text = Object.values(answer).join('\n');
    return keyPointCoverage(question.keyPoints, text).map((k) => ({ ...k, point: `${question.title}: ${k.point}` }));
  });
  const autoRatings: Evidence['autoRatings'] = {};
  for (const criterion of input.rubric.criteria) {
    const suggestion = autoRating(criterion, {
      starStructure: {
        prompts: prompts.map((p) => ({
          partsPresent: p.partsPresent,
          resultQuantified: p.resultQuantified,
          iShare: p.action.iShare
        }))
      }
    });
    if (suggestion) autoRatings[criterion.id] = suggestion;
  }
  return {
    phases,
    keyPoints,
    estimatesWritten: false,
    coding: null,
    behavioral: { prompts },
    autoRatings
  };
}
