/** The coding patterns match the 16-week roadmap's pattern tables, in order, with stable unique ids. */
import { describe, expect, it } from 'vitest';
import { CODING_PATTERNS, patternIdSchema } from './patterns.ts';
import { seedIndex } from './seed-index.ts';

describe('CODING_PATTERNS', () => {
  it('lists the eight patterns of weeks 5–12 as the roadmap names them', () => {
    expect(seedIndex.codingPatterns).toHaveLength(8);
    expect(CODING_PATTERNS.map(({ week, name }) => ({ week, name }))).toEqual(seedIndex.codingPatterns);
  });

  it('has unique ids that the schema accepts', () => {
    const ids = CODING_PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(patternIdSchema.parse(id)).toBe(id);
  });
});
