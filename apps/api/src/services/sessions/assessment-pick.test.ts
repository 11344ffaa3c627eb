import { describe, expect, it } from 'vitest';
import { pickAssessmentPair, type Difficulty } from './assessment-pick.ts';

const bank = (...levels: Difficulty[]) => levels.map((difficulty, i) => ({ id: `p${i}-${difficulty}`, difficulty }));

/** Every random draw from 0 to just under 1, in small steps: the picks the picker can make. */
function everyPick(problems: ReturnType<typeof bank>) {
  const picks = new Set<string>();
  for (let r = 0; r < 1; r += 0.001) {
    const pair = pickAssessmentPair(problems, () => r);
    if (pair) picks.add(`${pair[0].difficulty}+${pair[1].difficulty}`);
  }
  return [...picks].sort();
}

describe('pickAssessmentPair', () => {
  it('gives an easier problem and a harder one, never two of one difficulty', () => {
    expect(everyPick(bank('easy', 'medium', 'medium', 'hard', 'medium', 'easy', 'hard'))).toEqual([
      'easy+hard',
      'easy+medium',
      'medium+hard'
    ]);
  });

  it.each([
    ['only mediums', bank('medium', 'medium', 'medium'), []],
    ['only easy ones', bank('easy', 'easy'), []],
    ['mediums and one hard', bank('medium', 'medium', 'hard'), ['medium+hard']],
    ['easy ones and mediums', bank('easy', 'medium', 'medium'), ['easy+medium']],
    ['one problem', bank('easy'), []]
  ])('with %s picks %j', (_name, problems, picks) => {
    expect(everyPick(problems)).toEqual(picks);
  });

  it('gives null when no pair differs in difficulty', () => {
    expect(pickAssessmentPair(bank('medium', 'medium'), () => 0.5)).toBeNull();
  });

  it('picks the warm-up first and the harder problem second, each from the bank', () => {
    const problems = bank('hard', 'easy', 'medium');
    for (const r of [0, 0.3, 0.6, 0.99]) {
      const [first, second] = pickAssessmentPair(problems, () => r)!;
      expect(problems).toContain(first);
      expect(problems).toContain(second);
      expect(first.difficulty).not.toBe('hard');
      expect(second.difficulty).not.toBe('easy');
    }
  });
});
