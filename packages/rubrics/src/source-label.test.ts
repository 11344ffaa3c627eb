import { describe, expect, it } from 'vitest';
import { SEED } from './seed-plans.ts';
import { readableHeading, sourceLabel } from './source-label.ts';

describe('sourceLabel', () => {
  it.each([
    [
      SEED.staffEngineer24Week,
      'WEEK 09 — System Design Fundamentals',
      '24-week roadmap · Week 9 — System Design Fundamentals'
    ],
    [
      SEED.principalAiArchitect60Day,
      '**Day 16: ML System Design Framework**',
      '60-day plan · Day 16: ML System Design Framework'
    ],
    [SEED.bigTechInterview16Week, '| 5 | Arrays & Hashing |', '16-week roadmap · 5 · Arrays & Hashing'],
    [SEED.architectInterview10Day, '### Day 3 — Architecture', '10-day plan · Day 3 — Architecture']
  ])('%s “%s”', (file, section, label) => {
    expect(sourceLabel({ file, section })).toBe(label);
  });

  it('never shows a file name', () => {
    expect(sourceLabel({ file: '999_unknown.txt', section: 'Intro' })).toBe('Roadmap · Intro');
    expect(readableHeading('PHASE 02: Build')).toBe('Phase 2: Build');
  });
});
