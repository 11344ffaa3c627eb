/**
 * A roadmap citation as a person reads it: the plan's name and where in it, e.g. "24-week roadmap · Week 9 — System
 * Design Fundamentals", never the seed's file name or its Markdown.
 */
import { SEED_PLAN_NAMES } from './seed-plans.ts';

export function sourceLabel(source: { file: string; section: string }): string {
  return `${planName(source.file)} · ${readableHeading(source.section)}`;
}

/** The roadmap a seed file is, as a person names it ("16-week roadmap"). */
export function planName(file: string): string {
  return (SEED_PLAN_NAMES as Record<string, string>)[file] ?? 'Roadmap';
}

/** A heading without its Markdown: no `#`, `**` or table pipes, and "WEEK 09" / "DAY 3" said as "Week 9" / "Day 3". */
export function readableHeading(section: string): string {
  return section
    .replace(/\*\*|__|^#+\s*/g, '')
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(' · ')
    .replace(
      /\b(WEEK|DAY|PHASE)\s+0*(\d+)/g,
      (_, word: string, n: string) => `${word[0]}${word.slice(1).toLowerCase()} ${n}`
    )
    .replace(/\s+/g, ' ')
    .trim();
}
