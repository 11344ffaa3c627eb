/**
 * The question bank's list as a LeetCode user reads it: each question marked solved or attempted from their own
 * sessions, and narrowed by pattern, topic (a tag) and the roadmap it comes from.
 */
import type { QuestionSummary, SessionSummary } from '@mockloop/contracts';
import { planName } from '@mockloop/rubrics/source-label';

/** Done: a mock on it was finished (the best self-score, if scored). Attempted: started, never finished. */
export type Progress = { state: 'done'; best: number | null } | { state: 'attempted' };

export function progressByQuestion(sessions: SessionSummary[]): Map<string, Progress> {
  const progress = new Map<string, Progress>();
  for (const session of sessions) {
    const seen = progress.get(session.questionId);
    if (session.status === 'submitted') {
      const best = seen?.state === 'done' ? seen.best : null;
      const score = best === null ? session.score : session.score === null ? best : Math.max(best, session.score);
      progress.set(session.questionId, { state: 'done', best: score });
    } else if (!seen) {
      progress.set(session.questionId, { state: 'attempted' });
    }
  }
  return progress;
}

export interface Facets {
  patterns: string[];
  topics: string[];
  roadmaps: string[];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** The patterns, topics and roadmaps the listed questions have, each once, in order. */
export function questionFacets(items: QuestionSummary[]): Facets {
  return {
    patterns: sorted(items.flatMap((q) => (q.pattern ? [q.pattern] : []))),
    topics: sorted(items.flatMap((q) => q.tags)),
    roadmaps: sorted(items.map((q) => planName(q.source.file)))
  };
}

export interface ListFilters {
  pattern?: string;
  topic?: string;
  roadmap?: string;
  /** Only questions not finished yet ("todo"), attempted, or done. */
  progress?: string;
}

export function filterQuestions(
  items: QuestionSummary[],
  filters: ListFilters,
  progress: Map<string, Progress>
): QuestionSummary[] {
  return items.filter(
    (q) =>
      (!filters.pattern || q.pattern === filters.pattern) &&
      (!filters.topic || q.tags.includes(filters.topic)) &&
      (!filters.roadmap || planName(q.source.file) === filters.roadmap) &&
      (!filters.progress || (progress.get(q.id)?.state ?? 'todo') === filters.progress)
  );
}
