/** Reads the facts MockLoop's tests check out of a roadmap's text. Pure: text in, facts out. */
import { createHash } from 'node:crypto';
import type { SeedIndex } from '@mockloop/rubrics/seed-index';

type Roadmap = SeedIndex['roadmaps'][number];

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Markdown headings (without their `#`s) and lines bold from end to end, such as "**Day 16: …**". */
export function headingsOf(text: string): string[] {
  const headings: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.+)$/.exec(line)?.[1] ?? (/^\*\*[^*]+\*\*:?$/.test(line) ? line : undefined);
    if (heading !== undefined) headings.push(heading.trim());
  }
  return headings;
}

/** The passages cited from this roadmap that no heading contains; throws naming every one the text lacks. */
export function citedPassagesOf(
  text: string,
  headings: string[],
  sections: Iterable<string>
): Roadmap['citedPassages'] {
  const passages = new Set<string>();
  const missing: string[] = [];
  for (const section of sections) {
    if (headings.some((h) => h.includes(section))) continue;
    if (text.includes(section)) passages.add(section);
    else missing.push(section);
  }
  if (missing.length > 0) throw new Error(`cited but not in the roadmap:\n  ${missing.join('\n  ')}`);
  return [...passages].sort();
}

/** The "| 5 | Arrays & Hashing |" rows of the 16-week roadmap's Phase 2 and 3 tables; it writes "+" full-width. */
export function codingPatternRows(text: string): SeedIndex['codingPatterns'] {
  const start = text.indexOf('### **Phase 2');
  const end = text.indexOf('### **Phase 4');
  if (start < 0 || end < start) throw new Error('the 16-week roadmap has no Phase 2 to Phase 4 headings');
  const rows: SeedIndex['codingPatterns'] = [];
  for (const line of text.slice(start, end).split('\n')) {
    const match = /^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (match) rows.push({ week: Number(match[1]), name: (match[2] ?? '').replace(/＋/g, '+').replace(/\s+/g, ' ') });
  }
  return rows;
}

/** Each "### WEEK NN — Theme" section of the staff roadmap, with the "- Name: N%" lines of its rubric block. */
export function staffWeeksOf(text: string): SeedIndex['staffWeeks'] {
  const weeks: SeedIndex['staffWeeks'] = [];
  for (const section of text.split(/^### (?=WEEK \d\d — )/m).slice(1)) {
    const heading = (section.split('\n')[0] ?? '').trim();
    const block = section.split('**Evaluation Rubric:**')[1] ?? '';
    const rubric: SeedIndex['staffWeeks'][number]['rubric'] = [];
    for (const line of block.split('\n').slice(1)) {
      const match = /^- (.+): (\d+)%\s*$/.exec(line);
      if (!match) break;
      rubric.push({ name: match[1] ?? '', weight: Number(match[2]) });
    }
    weeks.push({ week: heading.slice(5, 7), heading, rubric });
  }
  return weeks;
}
