import { MOCK_KINDS } from '@mockloop/contracts';
import { QUESTION_KINDS } from '@mockloop/rubrics/kinds';
import { loadQuestionBank, type VersionedQuestion } from '@mockloop/question-bank/load';
import { beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from './index.ts';

/** One question of each kind from the bank. */
const questionOf = {} as Record<(typeof QUESTION_KINDS)[number], VersionedQuestion>;
beforeAll(async () => {
  const bank = await loadQuestionBank();
  for (const kind of QUESTION_KINDS) questionOf[kind] = bank.find((q) => q.kind === kind)!;
});

describe('the registry of kinds', () => {
  it('has a module for every kind in the one list', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...MOCK_KINDS].sort());
  });

  it.each(QUESTION_KINDS)('%s: its default length is one it allows, and its phases fill that length', (kind) => {
    const module = KINDS[kind];
    const question = questionOf[kind];
    const length = module.defaultLengthMin(question);
    expect(module.lengthsMin).toContain(length);
    const plan = module.phasePlan(length, [question]);
    const planned = plan.reduce((sum, p) => sum + p.minutes, 0);
    expect(plan.length === 0 || planned === length).toBe(true);
  });

  it('a loop is never started from the bank: no length of its own, its rounds are sessions of their kinds', () => {
    expect(KINDS.loop.lengthsMin).toEqual([]);
    expect(QUESTION_KINDS).not.toContain('loop');
  });

  it.each([
    ['design', {}],
    ['behavioral', {}],
    ['coding', { language: 'typescript' }]
  ] as const)('%s starts with its own work', (kind, notes) => {
    expect(KINDS[kind].startingNotes(questionOf[kind])).toMatchObject(notes);
  });
});
