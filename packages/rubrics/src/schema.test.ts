/** The rubric schema accepts a well-formed rubric and rejects each way one can go wrong. */
import { describe, expect, it } from 'vitest';
import type { Criterion, Rubric } from './schema.ts';
import { rubricSchema } from './schema.ts';

const levels = { 1: 'Not shown.', 2: 'Partly shown.', 3: 'Solidly shown.', 4: 'Exceptional.' };
const criterion = (id: string, weight: number, extra: Partial<Criterion> = {}): Criterion => ({
  id,
  name: `Criterion ${id}`,
  weight,
  description: 'What this criterion looks for.',
  levels,
  competency: 'correctness',
  ...extra
});
const valid: Rubric = {
  id: 'sample',
  version: 1,
  title: 'Sample rubric',
  kind: 'coding',
  source: { file: '004_a7d97f90e27aa361.txt', section: 'Week 5 · *Arrays & Hashing*' },
  hireThresholds: { noHire: 35, hire: 60, strongHire: 80 },
  criteria: [criterion('a', 60), criterion('b', 40)]
};

describe('rubricSchema', () => {
  it('accepts a well-formed rubric', () => {
    expect(rubricSchema.safeParse(valid).success).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['weights short of 100', { ...valid, criteria: [criterion('a', 60), criterion('b', 39)] }, 'sum to 100'],
    ['weights over 100', { ...valid, criteria: [criterion('a', 61), criterion('b', 40)] }, 'sum to 100'],
    ['a fractional weight', { ...valid, criteria: [criterion('a', 60.5), criterion('b', 39.5)] }, 'expected int'],
    ['duplicate criterion ids', { ...valid, criteria: [criterion('a', 60), criterion('a', 40)] }, 'unique'],
    ['no criteria', { ...valid, criteria: [] }, 'Too small'],
    [
      'an unknown competency',
      { ...valid, criteria: [criterion('a', 100, { competency: 'vibes' as never })] },
      'competency'
    ],
    ['an unknown auto kind', { ...valid, criteria: [criterion('a', 100, { auto: 'gut' as never })] }, 'auto'],
    [
      'a two-line description',
      { ...valid, criteria: [criterion('a', 100, { description: 'one\ntwo' })] },
      'single line'
    ],
    [
      'a missing level',
      { ...valid, criteria: [criterion('a', 100, { levels: { ...levels, 4: undefined } as never })] },
      'levels'
    ],
    ['thresholds out of order', { ...valid, hireThresholds: { noHire: 60, hire: 40, strongHire: 80 } }, 'must rise'],
    ['equal thresholds', { ...valid, hireThresholds: { noHire: 40, hire: 60, strongHire: 60 } }, 'must rise'],
    ['an unknown seed file', { ...valid, source: { file: '009_0000000000000000.txt', section: 'Week 5' } }, 'source'],
    ['an unknown kind', { ...valid, kind: 'trivia' }, 'kind'],
    ['a version of 0', { ...valid, version: 0 }, 'version'],
    ['an id with capitals', { ...valid, id: 'Sample' }, 'hyphens']
  ])('rejects %s', (_name, input, expected) => {
    const result = rubricSchema.safeParse(input);
    expect(result.success).toBe(false);
    const text = JSON.stringify(result.error?.issues);
    expect(text).toContain(expected);
  });
});
