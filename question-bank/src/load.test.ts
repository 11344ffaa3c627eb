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
      for (const k of q.keyPoints) expect(isCoverable(k.evidence), `${q.id}: ${k.point}`).toBe(true);
    }
  });

  it('gives every coding problem an interviewer guide of its own: hints, follow-ups and key points', () => {
    const coding = questions.filter((q) => q.kind === 'coding');
    expect(coding.length).toBeGreaterThan(60);
    const seen = new Map<string, string>();
    for (const q of coding) {
      expect(q.hints.length, `${q.id} hints`).toBeGreaterThanOrEqual(2);
      expect(q.followUps.length, `${q.id} follow-ups`).toBeGreaterThanOrEqual(2);
      expect(q.keyPoints.length, `${q.id} key points`).toBeGreaterThanOrEqual(3);
      // Written for the problem: no line is shared with another problem (or repeated in this one).
      for (const line of [...q.hints, ...q.followUps, ...q.keyPoints.map((k) => k.point)]) {
        expect(seen.get(line), `${q.id}: "${line}"`).toBeUndefined();
        seen.set(line, q.id);
      }
    }
  });

  it('gives every problem its reference for after the session: an editorial with its complexity, or a design outline', () => {
    const approaches = new Set<string>();
    for (const q of questions) {
      if (q.kind === 'coding') {
        // Its own words for its own problem, and the complexity in big-O.
        expect(approaches.has(q.editorial.approach), `${q.id} editorial`).toBe(false);
        approaches.add(q.editorial.approach);
        expect(q.editorial.time, `${q.id} time`).toMatch(/O\(/);
        expect(q.editorial.space, `${q.id} space`).toMatch(/O\(/);
      }
      if (q.kind === 'design') {
        // The model answer outline is the prompt's key points, from the senior bar up.
        expect(q.keyPoints.length, `${q.id} outline`).toBeGreaterThanOrEqual(4);
        expect(
          q.keyPoints.some((k) => k.level === 'senior'),
          `${q.id} senior points`
        ).toBe(true);
      }
    }
    expect(approaches.size).toBe(questions.filter((q) => q.kind === 'coding').length);
  });

  it('versions each question by its content', () => {
    for (const q of questions) expect(q.version).toMatch(/^[0-9a-f]{12}$/);
  });
});
