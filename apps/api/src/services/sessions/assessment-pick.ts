/** Which two coding problems an assessment gives when none are chosen: an easier one first, then a harder one. */

export type Difficulty = 'easy' | 'medium' | 'hard';

const RANK: Record<Difficulty, number> = { easy: 0, medium: 1, hard: 2 };

/**
 * LeetCode's assessment shape, as the dashboard promises it: a warm-up (easy or medium) and a harder problem
 * (medium or hard) of a higher difficulty than the warm-up, so never two mediums. Every such pair is equally likely;
 * null when the bank has no such pair. `random` returns a number in [0, 1), as Math.random does.
 */
export function pickAssessmentPair<Q extends { difficulty: Difficulty }>(
  problems: readonly Q[],
  random: () => number = Math.random
): [Q, Q] | null {
  const pairs: [Q, Q][] = [];
  for (const easier of problems) {
    if (easier.difficulty === 'hard') continue;
    for (const harder of problems) {
      if (RANK[harder.difficulty] > RANK[easier.difficulty]) pairs.push([easier, harder]);
    }
  }
  return pairs[Math.floor(random() * pairs.length)] ?? null;
}
