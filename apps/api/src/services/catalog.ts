/** The question bank and rubrics in memory: loaded once at start-up, filtered and searched per request. */
import { candidateTests } from '@mockloop/question-bank/confirmation';
import type { PublicQuestion, QuestionQuery, QuestionSummary } from '@mockloop/contracts';
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import { getRubric, type Rubric } from '@mockloop/rubrics';

export type { VersionedQuestion };

/**
 * What a client may see of a question: never the hidden or performance tests (reference solutions are never loaded
 * into it), only how many there are and the time limits.
 */
export function publicQuestion(question: VersionedQuestion): PublicQuestion {
  if (question.kind !== 'coding') return question;
  // Nor the interviewer's guide: the room gives it to the interviewer (services/sessions/guide.ts).
  // Nor the editorial: the reference is a finished session's (sessions/reference.ts).
  const {
    hiddenTests,
    performance,
    hints: _hints,
    followUps: _followUps,
    keyPoints: _keyPoints,
    editorial: _editorial,
    ...rest
  } = question;
  // What the candidate's browser runs at Submit; the held-back confirmation tests are not counted or named.
  return {
    ...rest,
    hiddenTestCount: candidateTests({ hiddenTests }).length,
    timeLimitMs: performance.timeLimitMs,
    ...(performance.limitLoops ? { limitLoops: performance.limitLoops } : {}),
    performanceTestCount: performance.tests.length
  };
}

function summary(question: VersionedQuestion): QuestionSummary {
  return {
    id: question.id,
    kind: question.kind,
    title: question.title,
    ...(question.kind === 'coding'
      ? {
          difficulty: question.difficulty,
          pattern: question.pattern,
          ...(question.leetcode ? { leetcode: question.leetcode } : {})
        }
      : { level: question.level }),
    tags: question.tags,
    ...(question.kind === 'behavioral' ? { themes: question.themes } : {}),
    rubricId: question.rubricId,
    source: question.source,
    version: question.version
  };
}

function searchText(question: VersionedQuestion): string {
  const body = question.kind === 'coding' ? `${question.pattern} ${question.statement}` : question.prompt;
  return `${question.id} ${question.title} ${question.tags.join(' ')} ${body}`.toLowerCase();
}

export function createCatalog(questions: VersionedQuestion[]) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const texts = new Map(questions.map((q) => [q.id, searchText(q)]));
  return {
    get(id: string): VersionedQuestion | undefined {
      return byId.get(id);
    },
    rubricFor(question: VersionedQuestion): Rubric {
      const rubric = getRubric(question.rubricId);
      if (!rubric) throw new Error(`question ${question.id} names unknown rubric ${question.rubricId}`);
      return rubric;
    },
    list(query: QuestionQuery): { items: QuestionSummary[]; total: number } {
      const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const tag = query.tag?.toLowerCase();
      const matches = questions.filter(
        (q) =>
          (!query.kind || q.kind === query.kind) &&
          (!tag || q.tags.some((t) => t.toLowerCase() === tag)) &&
          (!query.level || (q.kind !== 'coding' && q.level === query.level)) &&
          (!query.difficulty || (q.kind === 'coding' && q.difficulty === query.difficulty)) &&
          (!query.theme || (q.kind === 'behavioral' && (q.themes as string[]).includes(query.theme))) &&
          words.every((word) => texts.get(q.id)?.includes(word))
      );
      return { items: matches.slice(query.offset, query.offset + query.limit).map(summary), total: matches.length };
    },
    all(): VersionedQuestion[] {
      return questions;
    },
    tags(): string[] {
      return [...new Set(questions.flatMap((q) => q.tags))].sort();
    }
  };
}

export type Catalog = ReturnType<typeof createCatalog>;
