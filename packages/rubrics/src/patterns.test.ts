/** The coding patterns match the 16-week roadmap's pattern tables, in order, with stable unique ids. */
import { describe, expect, it } from 'vitest';
import { CODING_PATTERNS, patternIdSchema } from './patterns.ts';
import { seedText } from './seed-text.test-helper.ts';
import { SEED } from './seeds.ts';

/** The "| 5 | Arrays & Hashing |" rows of the roadmap's Phase 2 and 3 tables; the seed writes "+" full-width. */
function seedPatternRows(): { week: number; name: string }[] {
  const rows: { week: number; name: string }[] = [];
  const text = seedText(SEED.bigTechInterview16Week);
  const tables = text.slice(text.indexOf('### **Phase 2'), text.indexOf('### **Phase 4'));
  for (const line of tables.split('\n')) {
    const match = /^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (match) {
      rows.push({ week: Number(match[1]), name: (match[2] ?? '').replace(/＋/g, '+').replace(/\s+/g, ' ') });
    }
  }
  return rows;
}

describe('CODING_PATTERNS', () => {
  it('lists the eight patterns of weeks 5–12 as the roadmap names them', () => {
    expect(CODING_PATTERNS.map(({ week, name }) => ({ week, name }))).toEqual(seedPatternRows());
  });

  it('has unique ids that the schema accepts', () => {
    const ids = CODING_PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(patternIdSchema.parse(id)).toBe(id);
  });
});
