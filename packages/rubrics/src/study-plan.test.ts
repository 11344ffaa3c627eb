/** The study plan covers every competency and coding pattern, and every reference is verbatim from its seed. */
import { describe, expect, it } from 'vitest';
import { COMPETENCY_IDS } from './competencies.ts';
import { CODING_PATTERNS } from './patterns.ts';
import { isTracedToSeed } from './seed-index.ts';
import { SEED, SEED_FILES, SEED_PLAN_NAMES } from './seeds.ts';
import {
  competencyStudyPlan,
  patternStudyPlan,
  roadmapAnchor,
  roadmapHref,
  roadmapUnits,
  studyRefsFor
} from './study-plan.ts';

const allRefs = [...Object.entries(competencyStudyPlan), ...Object.entries(patternStudyPlan)].flatMap(([id, refs]) =>
  refs.map((ref) => ({ id, ...ref }))
);

describe('study plan', () => {
  it.each(COMPETENCY_IDS.map((id) => [id]))('competency %s has at least two references', (id) => {
    expect(competencyStudyPlan[id].length).toBeGreaterThanOrEqual(2);
  });

  it.each(CODING_PATTERNS.map((p) => [p.id, p] as const))(
    'pattern %s starts at its week of the 16-week roadmap',
    (_id, pattern) => {
      const first = patternStudyPlan[pattern.id][0];
      expect(first?.file).toBe(SEED.bigTechInterview16Week);
      expect(first?.label).toBe(`16-week roadmap · Week ${pattern.week}`);
    }
  );

  it.each(allRefs.map((r) => [r.id, r.label, r] as const))(
    '%s → %s: section is in its seed (per the seed index)',
    (_id, _label, ref) => {
      expect(isTracedToSeed(ref)).toBe(true);
    }
  );

  it.each(allRefs.map((r) => [r.id, r.label, r] as const))('%s → %s: label names its plan', (_id, _label, ref) => {
    expect(ref.label).toMatch(new RegExp(`^${SEED_PLAN_NAMES[ref.file]} · (Day|Days|Week) \\d`));
    expect(ref.topic.length).toBeGreaterThan(3);
  });

  it('draws on all five plans', () => {
    expect(new Set(allRefs.map((r) => r.file))).toEqual(new Set(SEED_FILES));
  });

  it.each<[string, string, string]>([
    ['estimation', '60-day plan · Day 16', 'Day 16: ML System Design Framework'],
    ['two-pointers-sliding-window', '16-week roadmap · Week 6', 'Week 6 · *Two Pointers & Sliding Window*'],
    ['data-modeling', '24-week roadmap · Week 11', 'WEEK 11 — Distributed Systems Deep Dive'],
    ['scalability', '20-week plan · Week 6', 'week-6-caching-strategies']
  ])('includes the issue’s example: %s → %s', (id, label, section) => {
    expect(studyRefsFor(id)).toContainEqual(expect.objectContaining({ label, section }));
  });

  it('returns no references for an unknown id', () => {
    expect(studyRefsFor('juggling')).toEqual([]);
  });
});

describe('the roadmap page the study references link to', () => {
  it('has a unit for every study reference, under its own roadmap, in the roadmap’s order', () => {
    const units = roadmapUnits();
    const anchors = new Set(units.flatMap((r) => r.units.map((u) => u.anchor)));
    for (const refs of [...Object.values(competencyStudyPlan), ...Object.values(patternStudyPlan)]) {
      for (const ref of refs) expect(anchors).toContain(roadmapAnchor(ref));
    }
    const sixty = units.find((r) => r.plan === '60-day plan')!;
    const day16 = sixty.units.find((u) => u.unit === 'Day 16')!;
    expect(roadmapHref({ file: sixty.file, section: day16.section })).toBe(
      '/roadmaps#60-day-plan-day-16-ml-system-design-framework'
    );
    expect(day16.teaches).toContainEqual({
      area: 'Capacity estimation',
      topic: 'Capacity estimation and back-of-envelope calculations'
    });
    const days = sixty.units.map((u) => Number(u.unit.match(/\d+/)![0]));
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });
});
