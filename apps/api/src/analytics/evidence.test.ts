import { designPhasePlan, getRubric } from '@mockloop/rubrics';
import { describe, expect, it } from 'vitest';
import { designEvidence, hasEstimates, keyPointCoverage, workText } from './evidence.ts';

const keyPoints = [
  { point: 'Shard the data', level: 'senior' as const, evidence: ['consistent hashing', 'shard', 'partition'] },
  { point: 'Cache hot keys', level: 'senior' as const, evidence: ['cache', 'redis'] },
  { point: 'Multi-region failover', level: 'principal' as const, evidence: ['multi-region', 'failover', 'region'] }
];

describe('keyPointCoverage', () => {
  it.each([
    { text: '', covered: [false, false, false] },
    { text: 'we shard by user id', covered: [false, false, false], why: 'one word is a passing mention' },
    { text: 'shard and partition by user id', covered: [true, false, false] },
    { text: 'redis cache in front; consistent hashing', covered: [true, true, false] },
    { text: 'cost per region', covered: [false, false, false], why: 'a lone "region" is not multi-region' },
    { text: 'multi-region active-active', covered: [false, false, true] }
  ])('"$text" covers $covered', ({ text, covered }) => {
    expect(keyPointCoverage(keyPoints, text).map((k) => k.covered)).toEqual(covered);
  });

  it('reads the whiteboard text as well as the notes, and names the matched and the lone words', () => {
    const text = workText(
      { design: 'API gateway, failover to a standby' },
      { elements: [{ id: 'a', type: 'text', text: 'Redis Cache' }] }
    );
    const coverage = keyPointCoverage(keyPoints, text);
    expect(coverage.map((k) => k.matched)).toEqual([[], ['cache', 'redis'], []]);
    expect(coverage.map((k) => k.mentioned)).toEqual([[], [], ['failover']]);
  });
});

describe('hasEstimates', () => {
  it.each([
    ['10M req/day ≈ 115 rps', true],
    ['storage 2 TB per year', true],
    ['peak 1k QPS', true],
    ['p99 50 ms', true],
    ['bandwidth 40 MB/s', true],
    ['5B users', true],
    ['lots of traffic', false],
    ['version 2 of the API', false],
    ['', false]
  ])('%s → %s', (text, expected) => expect(hasEstimates(text)).toBe(expected));
});

describe('designEvidence', () => {
  const rubric = getRubric('system-design-mock')!;
  const t0 = Date.parse('2026-01-01T10:00:00Z');
  const at = (min: number) => new Date(t0 + min * 60_000).toISOString();

  it('suggests ratings for the measurable criteria only, from phases and key points', () => {
    const evidence = designEvidence({
      rubric,
      keyPoints,
      plan: designPhasePlan(60),
      log: designPhasePlan(60).map((p) => ({ phaseId: p.id, startedAt: at(p.startsAtMin) })),
      startedAt: at(0),
      endedAt: at(60),
      notes: { estimates: '10M req/day ≈ 115 rps', design: 'shard with consistent hashing, redis cache' },
      scene: { elements: [] }
    });
    expect(evidence.estimatesWritten).toBe(true);
    expect(evidence.phases.every((p) => p.overrunMinutes === 0)).toBe(true);
    const autoIds = rubric.criteria.filter((c) => c.auto).map((c) => c.id);
    expect(Object.keys(evidence.autoRatings).sort()).toEqual(autoIds.sort());
    for (const suggestion of Object.values(evidence.autoRatings)) expect(suggestion.rating).toBeGreaterThanOrEqual(1);
  });
});
