/**
 * A coding mock: one problem in the browser's sandbox, no phases, starting from the problem's starter code;
 * scored on its latest judged submission and the lowest peer confirmation of it.
 */
import { CODE_FIELDS, type DesignNotes } from '@mockloop/contracts';
import { candidateTests } from '@mockloop/question-bank/confirmation';
import type { CodingQuestion } from '@mockloop/question-bank/schema';
import { codingEvidence } from '../../../analytics/evidence.ts';
import type { KindModule } from './kind.ts';

export const CODING_LENGTHS_MIN = [15, 30, 45, 60, 90] as const;

/** A coding session starts with the problem's starter code in every language, in TypeScript by default. */
function codingStarter(question: CodingQuestion): DesignNotes {
  return {
    language: 'typescript',
    [CODE_FIELDS.javascript]: question.starter.javascript,
    [CODE_FIELDS.typescript]: question.starter.typescript,
    [CODE_FIELDS.python]: question.starter.python
  };
}

export const coding: KindModule = {
  lengthsMin: CODING_LENGTHS_MIN,
  // The roadmap's time box for the problem's difficulty.
  defaultLengthMin: (question) => (question.kind === 'coding' ? question.timeBoxMin : 45),
  phasePlan: () => [],
  keepsPrompts: false,
  startingNotes: (question) => (question.kind === 'coding' ? codingStarter(question) : {}),
  async evidence(ctx, doc, work) {
    const question = doc.question as CodingQuestion;
    const latest = await ctx.repos.submissions.latestJudged(doc._id);
    const confirmations = latest ? await ctx.repos.submissions.confirmationsOf(doc._id) : [];
    // The lowest confirmation of the latest judged submission: a reviewer's doubt is never averaged away.
    const confirmation = confirmations
      .filter((c) => latest && c.submissionId.equals(latest._id))
      .sort((a, b) => a.passed / a.total - b.passed / b.total)[0];
    return codingEvidence({
      rubric: doc.rubric,
      latest: latest ? { passed: latest.passed ?? 0, total: latest.total } : null,
      confirmation: confirmation ? { passed: confirmation.passed, total: confirmation.total } : null,
      totalTests: candidateTests(question).length,
      minutesUsed: (Date.parse(work.endedAt) - doc.startedAt.getTime()) / 60_000,
      boxMinutes: question.timeBoxMin
    });
  }
};
