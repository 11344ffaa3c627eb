import { CODING_PATTERNS, getRubric, isCoverable } from '@mockloop/rubrics';
import { isTracedToSeed } from '@mockloop/rubrics/seed-index';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from './load.ts';

const questions = await loadQuestionBank();

describe('the question bank', () => {
  it('loads every file against the schema, with unique ids equal to the file names', () => {
    expect(questions.length).toBeGreaterThan(0);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it.each(questions.map((q) => [q.id, q] as const))(
    '%s names a place in its seed (per the seed index) and a known rubric',
    (_id, q) => {
      expect(isTracedToSeed(q.source), `${q.source.file}: "${q.source.section}"`).toBe(true);
      expect(getRubric(q.rubricId), `rubric ${q.rubricId}`).toBeDefined();
    }
  );

  it('files every coding problem under one of the 16-week roadmap’s patterns, with its time box', () => {
    const names = CODING_PATTERNS.map((p) => p.name as string);
    const boxes = { easy: 15, medium: 30, hard: 60 };
    for (const q of questions) {
      if (q.kind !== 'coding') continue;
      expect(names, `${q.id} pattern`).toContain(q.pattern);
      expect(q.timeBoxMin, `${q.id} time box`).toBe(boxes[q.difficulty]);
    }
  });

  it('gives every key point a phrase or two terms, so one passing word never covers it', () => {
    for (const q of questions) {
      if (q.kind === 'coding') continue;
      for (const k of q.keyPoints) expect(isCoverable(k.evidence), `${q.id}: ${k.point}`).toBe(true);
    }
  });

  it('versions each question by its content', () => {
    for (const q of questions) expect(q.version).toMatch(/^[0-9a-f]{12}$/);
  });
});
