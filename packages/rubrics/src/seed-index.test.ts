/** The committed seed index covers all five roadmaps, and a citation counts only if the index holds it. */
import { describe, expect, it } from 'vitest';
import { isTracedToSeed, seedIndex } from './seed-index.ts';
import { SEED, SEED_FILES, SEED_PLAN_NAMES } from './seeds.ts';

describe('seed index', () => {
  it('has each roadmap once, with its plan name and headings', () => {
    expect(seedIndex.roadmaps.map((r) => r.file)).toEqual([...SEED_FILES]);
    for (const roadmap of seedIndex.roadmaps) {
      expect(roadmap.plan).toBe(SEED_PLAN_NAMES[roadmap.file]);
      expect(roadmap.headings.length).toBeGreaterThan(10);
    }
  });

  it.each<[string, { file: (typeof SEED_FILES)[number]; section: string }, boolean]>([
    ['part of a heading', { file: SEED.architectInterview10Day, section: 'Day 4 – Databases' }, true],
    [
      'a whole bold line',
      { file: SEED.principalAiArchitect60Day, section: 'Day 16: ML System Design Framework' },
      true
    ],
    ['a cited passage', { file: SEED.mlToArchitect20Week, section: 'week-6-caching-strategies' }, true],
    ['a heading of another roadmap', { file: SEED.architectInterview10Day, section: 'WEEK 01 — Programming' }, false],
    ['text no roadmap has', { file: SEED.staffEngineer24Week, section: 'Juggling for architects' }, false]
  ])('%s: traced = %s', (_what, source, traced) => {
    expect(isTracedToSeed(source)).toBe(traced);
  });
});
