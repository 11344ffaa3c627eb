/** The loop templates' suggested questions are in the bank, each of the round's kind, rubric and level. */
import { LOOP_TEMPLATES } from '@mockloop/rubrics';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from './load.ts';

const byId = new Map((await loadQuestionBank()).map((q) => [q.id, q]));
const rounds = LOOP_TEMPLATES.flatMap((t) => t.rounds.map((r) => [`${t.id}/${r.id}`, r] as const));

describe('loop templates against the bank', () => {
  it.each(rounds)('%s suggests questions of its kind, rubric and level', (_name, round) => {
    for (const id of round.suggestedQuestionIds) {
      const q = byId.get(id);
      expect(q, id).toBeDefined();
      expect([q!.kind, q!.rubricId]).toEqual([round.kind, round.rubricId]);
      if (q!.kind === 'coding') expect(q!.difficulty).toBe(round.difficulty);
      else expect(q!.level, id).toBe(round.questionLevel);
    }
  });
});
