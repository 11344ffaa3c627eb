/** What to practise next: questions that exercise the weak competencies, and unsolved problems of weak patterns. */
import type { Insights } from '@mockloop/contracts';
import { solved, type CatalogEntry, type ScoredSession } from './scored.ts';

/** At most eight questions, none done in the last 14 days; the competencies' picks first. */
export function choosePractice(
  ordered: ScoredSession[],
  catalog: CatalogEntry[],
  weakAreas: Insights['weakAreas'],
  patterns: Insights['patterns'],
  now: Date
): Insights['practiceNext'] {
  const recentlyDone = new Set(ordered.filter((s) => isRecent(s.startedAt, now)).map((s) => s.questionId));
  const everSolved = new Set(ordered.filter((s) => s.coding && solved(s.coding)).map((s) => s.questionId));
  return choosePracticeFrom(recentlyDone, everSolved, catalog, weakAreas, patterns);
}

/** Started in the last 14 days: not suggested again yet. */
export const isRecent = (startedAt: string, now: Date) => now.getTime() - Date.parse(startedAt) < 14 * 86_400_000;

/** The same, from the questions started lately and the ones ever solved. */
export function choosePracticeFrom(
  recentlyDone: Set<string>,
  everSolved: Set<string>,
  catalog: CatalogEntry[],
  weakAreas: Insights['weakAreas'],
  patterns: Insights['patterns']
): Insights['practiceNext'] {
  // Practise next: questions whose rubric weighs the weak competencies most, not done in the last 14 days.
  // ...and for each weak pattern, problems of that pattern never solved and not tried lately.
  const patternPractice = patterns
    .filter((p) => p.weak)
    .flatMap((p) =>
      catalog
        .filter((q) => q.pattern === p.name && !recentlyDone.has(q.id) && !everSolved.has(q.id))
        .sort((a, b) => a.id.localeCompare(b.id))
        .slice(0, 2)
        .map((q) => ({
          questionId: q.id,
          title: q.title,
          kind: q.kind,
          reason: `Practises ${p.name}: solved ${p.solved} of your ${p.sessions} attempts at this pattern`,
          study: p.study
        }))
    );
  const competencyPractice = weakAreas.slice(0, 3).flatMap((area) =>
    catalog
      .filter((q) => !recentlyDone.has(q.id))
      .map((q) => ({
        q,
        weight: q.rubric.criteria
          .filter((c) => c.competency === area.competencyId)
          .reduce((sum, c) => sum + c.weight, 0)
      }))
      .filter(({ weight }) => weight > 0)
      .sort((a, b) => b.weight - a.weight || a.q.id.localeCompare(b.q.id))
      .slice(0, 2)
      .map(({ q }) => ({
        questionId: q.id,
        title: q.title,
        kind: q.kind,
        reason: `Exercises ${area.name.toLowerCase()}, rated 2 or below in ${area.lowCount} of your last ${area.measuredCount} sessions`,
        study: area.study
      }))
  );

  return [...new Map([...competencyPractice, ...patternPractice].map((p) => [p.questionId, p])).values()].slice(0, 8);
}
