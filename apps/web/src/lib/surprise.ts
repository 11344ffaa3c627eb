/** "Surprise me" on the dashboard: a random design prompt at a chosen level and on a chosen topic. */
import type { QuestionSummary } from '@mockloop/contracts';

export interface PromptFilter {
  /** '' for any level. */
  level: string;
  /** A tag, or '' for any topic. */
  topic: string;
}

export interface Topic {
  tag: string;
  count: number;
}

const matchesLevel = (q: QuestionSummary, level: string) => !level || q.level === level;

export function matchingPrompts(prompts: QuestionSummary[], filter: PromptFilter): QuestionSummary[] {
  return prompts.filter((q) => matchesLevel(q, filter.level) && (!filter.topic || q.tags.includes(filter.topic)));
}

/**
 * The topics worth offering at a level: tags that at least `minPrompts` prompts share (a tag on one prompt is
 * not a surprise), alphabetical, with how many prompts each has.
 */
export function topicsAt(prompts: QuestionSummary[], level: string, minPrompts = 2): Topic[] {
  const counts = new Map<string, number>();
  for (const q of prompts) {
    if (!matchesLevel(q, level)) continue;
    for (const tag of q.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= minPrompts)
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

/** One matching prompt at random (`random` returns [0, 1), as Math.random does), or undefined if none match. */
export function pickPrompt(
  prompts: QuestionSummary[],
  filter: PromptFilter,
  random: () => number = Math.random
): QuestionSummary | undefined {
  const pool = matchingPrompts(prompts, filter);
  return pool[Math.floor(random() * pool.length)];
}
