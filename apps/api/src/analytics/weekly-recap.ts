/** The 16-week roadmap's "Week X Recap" tracker, filled from the week's sessions; the user edits and exports it. */
import type { MockKind } from '@mockloop/contracts';

export interface RecapSession {
  at: string;
  kind: MockKind;
  questionTitle: string;
  /** Coding problems: the pattern, and whether every hidden test passed. */
  pattern?: string;
  solved?: boolean;
  score: number | null;
  oops: string[];
}

export interface WeeklyRecap {
  /** Monday 00:00 UTC of the recap's week. */
  weekStart: string;
  mocks: number;
  solved: number;
  pattern: string | null;
  biggestOops: string | null;
  win: string | null;
  markdown: string;
}

const DAY_MS = 86_400_000;

function mondayOf(now: Date): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight - ((now.getUTCDay() + 6) % 7) * DAY_MS);
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * @example
 * weeklyRecap(sessions, new Date()).markdown; // "### Week of 2026-11-16 Recap\n- LeetCode solved   : 3 /12\n..."
 */
export function weeklyRecap(sessions: RecapSession[], now: Date): WeeklyRecap {
  const start = mondayOf(now);
  const week = sessions.filter((s) => {
    const at = Date.parse(s.at);
    return at >= start.getTime() && at < start.getTime() + 7 * DAY_MS;
  });
  const coding = week.filter((s) => s.kind === 'coding');
  const solved = coding.filter((s) => s.solved).length;
  const pattern = mostFrequent(coding.flatMap((s) => (s.pattern ? [s.pattern] : [])));
  const mocks = week.length;
  const biggestOops = mostFrequent(week.flatMap((s) => s.oops));
  const best = [...week].filter((s) => s.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
  const win = best ? `${Math.round(best.score ?? 0)}/100 on "${best.questionTitle}"` : null;
  // Lines MockLoop fills from this week's sessions come first; the roadmap's other lines are for the person to fill.
  // The roadmap's ✅ and ❌ are emoji, empty boxes where no emoji font is installed: ✓ and ✗ are in ordinary fonts.
  const markdown = [
    `### Week of ${start.toISOString().slice(0, 10)} Recap`,
    `- LeetCode solved   : ${solved} /12`,
    `- Pattern this week : ${pattern ?? 'no coding mock this week'}`,
    `- Mock interview    : ${mocks > 0 ? `✓ (${mocks})` : '✗'}`,
    `- Biggest "Oops"    : ${biggestOops ?? 'none tagged'}`,
    `- One-line win      : ${win ?? 'no scored mock yet'}`,
    ``,
    `Not tracked by MockLoop, fill in yourself:`,
    `- ML notebook       : ✓ / ✗`,
    `- Contest percentile: __ %`
  ].join('\n');
  return { weekStart: start.toISOString(), mocks, solved, pattern, biggestOops, win, markdown };
}
