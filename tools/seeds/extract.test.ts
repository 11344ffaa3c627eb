/** The roadmap readers on small texts written like the roadmaps. */
import { describe, expect, it } from 'vitest';
import { citedPassagesOf, codingPatternRows, headingsOf, staffWeeksOf } from './extract.ts';

const text = [
  '# 🚀 A Roadmap',
  '## **Day 1 – Foundations**  ',
  '**Day 2: Deep Dive**',
  '**Project:** Not a heading, only a label',
  '| Sat | Drill: LC-3, LC-76. | notes |',
  '### **Phase 2 – Patterns**',
  '| Week | Pattern |',
  '| 5 | Arrays  &  Hashing | x |',
  '| 6 | Heaps ＋ Tries | y |',
  '### **Phase 4 – Design**',
  '| 13 | Not a pattern | z |',
  '### WEEK 01 — Fundamentals',
  '**Evaluation Rubric:**',
  '- Code Quality: 30%',
  '- Testing: 70%',
  'Deliverables',
  '### WEEK 02 — More'
].join('\n');

describe('seed readers', () => {
  it('takes Markdown headings and whole bold lines as headings', () => {
    expect(headingsOf(text)).toEqual([
      '🚀 A Roadmap',
      '**Day 1 – Foundations**',
      '**Day 2: Deep Dive**',
      '**Phase 2 – Patterns**',
      '**Phase 4 – Design**',
      'WEEK 01 — Fundamentals',
      '**Evaluation Rubric:**',
      'WEEK 02 — More'
    ]);
  });

  it('keeps cited passages outside headings, and names every citation the text lacks', () => {
    const headings = headingsOf(text);
    expect(citedPassagesOf(text, headings, ['Day 1 – Foundations', 'Drill: LC-3, LC-76.'])).toEqual([
      'Drill: LC-3, LC-76.'
    ]);
    expect(() => citedPassagesOf(text, headings, ['LC-999', 'Day 9'])).toThrow(/LC-999\n {2}Day 9/);
  });

  it('reads the pattern rows of Phases 2 and 3 only', () => {
    expect(codingPatternRows(text)).toEqual([
      { week: 5, name: 'Arrays & Hashing' },
      { week: 6, name: 'Heaps + Tries' }
    ]);
  });

  it('reads each staff week with its rubric block', () => {
    expect(staffWeeksOf(text)).toEqual([
      {
        week: '01',
        heading: 'WEEK 01 — Fundamentals',
        rubric: [
          { name: 'Code Quality', weight: 30 },
          { name: 'Testing', weight: 70 }
        ]
      },
      { week: '02', heading: 'WEEK 02 — More', rubric: [] }
    ]);
  });
});
