/**
 * Rubric text written for the 60-minute mock, said for the session's real length: a 45-minute mock is scored
 * against "the 45 minutes", not "the 60 minutes". Only the length changes; what each level asks for stays.
 */
import type { Rubric } from './schema.ts';

const WRITTEN_FOR = 60;
const MINUTES = /\b60( |-)minutes?\b/g;

/** The text with the written-for length replaced by `minutes`. */
export function sayMinutes(text: string, minutes: number): string {
  return text.replace(MINUTES, (match, separator: string) =>
    separator === '-' ? `${minutes}-minute` : `${minutes} minute${match.endsWith('s') ? 's' : ''}`
  );
}

/** A copy of the rubric whose title, descriptions and level texts speak of the session's length. */
export function rubricForDuration(rubric: Rubric, minutes: number): Rubric {
  if (minutes === WRITTEN_FOR) return rubric;
  const say = (text: string) => sayMinutes(text, minutes);
  return {
    ...rubric,
    title: say(rubric.title),
    criteria: rubric.criteria.map((criterion) => ({
      ...criterion,
      description: say(criterion.description),
      levels: {
        1: say(criterion.levels[1]),
        2: say(criterion.levels[2]),
        3: say(criterion.levels[3]),
        4: say(criterion.levels[4])
      }
    }))
  };
}
