/** Coding insights: by pattern (pass rate, solved, how fast) and time against the roadmap's time boxes. */
import type { Insights } from '@mockloop/contracts';
import { CODING_PATTERNS, studyRefsFor } from '@mockloop/rubrics';
import { mean, solved, type ScoredSession } from './scored.ts';

/** Minutes a coding session took: to the solve when it was solved, else to the end of the session. */
export function codingMinutes(s: ScoredSession): number | null {
  if (!s.coding) return null;
  if (s.coding.solvedMinutes !== null) return s.coding.solvedMinutes;
  return s.submittedAt ? (Date.parse(s.submittedAt) - Date.parse(s.startedAt)) / 60_000 : null;
}

/** Coding by pattern: how many sessions, the hidden-test pass rate, how many were solved and how fast. */
export function patternStats(ordered: ScoredSession[]): Insights['patterns'] {
  return CODING_PATTERNS.flatMap((pattern) => {
    const sessions = ordered.filter((s) => s.coding?.pattern === pattern.name);
    if (sessions.length === 0) return [];
    const judged = sessions.filter((s) => s.coding!.passed !== null && s.coding!.total > 0);
    const solvedOnes = sessions.filter((s) => solved(s.coding!));
    const passRate = mean(judged.map((s) => s.coding!.passed! / s.coding!.total));
    return [
      {
        id: pattern.id,
        name: pattern.name,
        sessions: sessions.length,
        judged: judged.length,
        passRate,
        solved: solvedOnes.length,
        meanSolveMinutes: mean(solvedOnes.map((s) => s.coding!.solvedMinutes!)),
        // Weak: most attempts end unsolved (fewer than half solved).
        weak: solvedOnes.length * 2 < sessions.length,
        study: [...studyRefsFor(pattern.id)]
      }
    ];
  });
}

/** Coding time against the roadmap's time boxes (15 / 30 / 60 minutes by difficulty). */
export function codingTime(ordered: ScoredSession[]): Insights['codingTime'] {
  const timed = ordered.flatMap((s) => {
    const minutes = codingMinutes(s);
    return s.coding && minutes !== null ? [{ s, coding: s.coding, minutes }] : [];
  });
  const byDifficulty = ['easy', 'medium', 'hard'].flatMap((difficulty) => {
    const rows = timed.filter((t) => t.coding.difficulty === difficulty);
    if (rows.length === 0) return [];
    return [
      {
        difficulty,
        boxMinutes: rows[0]!.coding.boxMinutes,
        sessions: rows.length,
        meanMinutes: mean(rows.map((r) => r.minutes)) ?? 0,
        overBoxCount: rows.filter((r) => r.minutes > r.coding.boxMinutes).length
      }
    ];
  });
  return {
    sessions: timed.length,
    overBoxCount: timed.filter((t) => t.minutes > t.coding.boxMinutes).length,
    byDifficulty
  };
}
