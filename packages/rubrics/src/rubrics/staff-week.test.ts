/** The 24 weekly rubrics match the "Evaluation Rubric" blocks of the staff roadmap, names and weights exactly. */
import { describe, expect, it } from 'vitest';
import { SEED } from '../seeds.ts';
import { seedText } from '../seed-text.test-helper.ts';
import { getRubric } from './index.ts';

type SeedWeek = { week: string; heading: string; items: { name: string; weight: number }[] };

/** Each "### WEEK NN — Theme" section, with the "- Name: N%" lines of its "**Evaluation Rubric:**" block. */
function parseSeedWeeks(text: string): SeedWeek[] {
  const weeks: SeedWeek[] = [];
  const sections = text.split(/^### (?=WEEK \d\d — )/m).slice(1);
  for (const section of sections) {
    const heading = (section.split('\n')[0] ?? '').trim();
    const week = heading.slice(5, 7);
    const block = section.split('**Evaluation Rubric:**')[1] ?? '';
    const items: SeedWeek['items'] = [];
    for (const line of block.split('\n').slice(1)) {
      const match = /^- (.+): (\d+)%\s*$/.exec(line);
      if (!match) break;
      items.push({ name: match[1] ?? '', weight: Number(match[2]) });
    }
    weeks.push({ week, heading, items });
  }
  return weeks;
}

const seedWeeks = parseSeedWeeks(seedText(SEED.staffEngineer24Week));

describe('staff roadmap weekly rubrics', () => {
  it('finds 24 weeks, each with a four-item rubric, in the seed', () => {
    expect(seedWeeks.map((w) => w.week)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')));
    for (const week of seedWeeks) expect(week.items).toHaveLength(4);
  });

  it.each(seedWeeks.map((w) => [w.week, w] as const))('week %s matches the seed', (week, seed) => {
    const rubric = getRubric(`staff-week-${week}`);
    expect(rubric).toBeDefined();
    expect(rubric?.source).toEqual({ file: SEED.staffEngineer24Week, section: seed.heading });
    expect(rubric?.criteria.map((c) => ({ name: c.name, weight: c.weight }))).toEqual(seed.items);
  });
});
