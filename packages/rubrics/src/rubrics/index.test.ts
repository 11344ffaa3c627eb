/** The catalogue: every rubric is valid, traceable to its seed, and maps each criterion to a known competency. */
import { describe, expect, it } from 'vitest';
import { COMPETENCY_IDS, getCompetency } from '../competencies.ts';
import { rubricSchema } from '../schema.ts';
import { isTracedToSeed } from '../seed-index.ts';
import { getRubric, RUBRIC_IDS, rubrics } from './index.ts';

const allCriteria = rubrics.flatMap((rubric) => rubric.criteria.map((criterion) => ({ rubric, criterion })));

describe('rubric catalogue', () => {
  it('holds at least 28 rubrics with unique ids', () => {
    expect(rubrics.length).toBeGreaterThanOrEqual(28);
    expect(new Set(rubrics.map((r) => r.id)).size).toBe(rubrics.length);
  });

  it.each(rubrics.map((r) => [r.id, r] as const))('%s parses with the rubric schema', (_id, rubric) => {
    const result = rubricSchema.safeParse(rubric);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(rubrics.map((r) => [r.id, r] as const))('%s has weights summing to 100', (_id, rubric) => {
    expect(rubric.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  it.each(allCriteria.map(({ rubric, criterion }) => [`${rubric.id}/${criterion.id}`, criterion.competency] as const))(
    '%s maps to an existing competency (%s)',
    (_where, competency) => {
      expect(getCompetency(competency)).toBeDefined();
    }
  );

  it('uses every competency somewhere, so the taxonomy has no dead ids', () => {
    const used = new Set(allCriteria.map(({ criterion }) => criterion.competency));
    expect(COMPETENCY_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it.each(rubrics.flatMap((r) => [r.source, ...(r.alsoFrom ?? [])].map((s) => [r.id, s.file, s.section] as const)))(
    '%s: section is in %s ("%s", per the seed index)',
    (_id, file, section) => {
      expect(isTracedToSeed({ file, section })).toBe(true);
    }
  );

  it.each<[string, string, string]>([
    [RUBRIC_IDS.systemDesignMock, 'system-design-mock', 'design'],
    [RUBRIC_IDS.codingMock, 'coding-mock', 'coding'],
    [RUBRIC_IDS.behavioralLeadership, 'behavioral-leadership', 'behavioral'],
    [RUBRIC_IDS.mlSystemDesign, 'ml-system-design', 'design']
  ])('keeps the fixed id %s (%s, kind %s)', (id, literal, kind) => {
    expect(id).toBe(literal);
    expect(getRubric(id)?.kind).toBe(kind);
  });

  it('has the 24 weekly staff rubrics, staff-week-01 to staff-week-24, of kind project', () => {
    for (let week = 1; week <= 24; week++) {
      const rubric = getRubric(`staff-week-${String(week).padStart(2, '0')}`);
      expect(rubric?.kind).toBe('project');
    }
  });

  it('returns undefined for an unknown id', () => {
    expect(getRubric('no-such-rubric')).toBeUndefined();
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['coding-mock', 'correctness', { critical: true, auto: 'testPassRate', competency: 'correctness' }],
    ['coding-mock', 'time-vs-box', { auto: 'timeVsBox', competency: 'time-management' }],
    ['coding-mock', 'complexity', { competency: 'complexity' }],
    ['coding-mock', 'edge-cases', { competency: 'edge-cases' }],
    ['coding-mock', 'code-quality', { competency: 'code-quality' }],
    ['coding-mock', 'communication', { competency: 'communication' }],
    ['system-design-mock', 'time-management', { auto: 'phaseTiming', competency: 'time-management' }],
    ['system-design-mock', 'key-point-coverage', { auto: 'keyPointCoverage' }],
    ['system-design-mock', 'capacity-estimation', { competency: 'estimation' }],
    ['system-design-mock', 'trade-offs', { competency: 'tradeoffs' }],
    ['behavioral-leadership', 'influence-without-authority', { competency: 'leadership' }],
    ['behavioral-leadership', 'star-structure', { auto: 'starStructure', competency: 'communication' }],
    ['ml-system-design', 'monitoring-and-drift', { competency: 'ml-lifecycle' }],
    ['ml-system-design', 'cost', { competency: 'impact' }]
  ])('%s/%s is set up as the issue asks', (rubricId, criterionId, expected) => {
    const criterion = getRubric(rubricId)?.criteria.find((c) => c.id === criterionId);
    expect(criterion).toMatchObject(expected);
  });

  it('gives the system design mock the Day 16 framework steps plus communication, timing and coverage', () => {
    expect(getRubric('system-design-mock')?.criteria.map((c) => c.name)).toEqual([
      'Requirements gathering',
      'Capacity estimation',
      'High-level design',
      'Deep dives',
      'Trade-offs',
      'Bottleneck analysis',
      'Communication',
      'Time management',
      'Key-point coverage'
    ]);
  });

  it('gives the ML design mock data, features, model choice, serving, monitoring and drift, and cost', () => {
    const ids = getRubric('ml-system-design')?.criteria.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['data', 'features', 'model-choice', 'serving', 'monitoring-and-drift', 'cost'])
    );
  });
});
