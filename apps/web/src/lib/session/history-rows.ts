import type { SessionSummary } from '@mockloop/contracts';

/** A history row: a session, and where it is one problem of an assessment, which one of how many. */
export interface HistoryRow {
  session: SessionSummary;
  part: { number: number; first: boolean } | null;
}

/**
 * The problems of one assessment are one mock on one clock: they sit together, in order, where the assessment's
 * first listed problem sits, instead of as unrelated rows.
 */
export function historyRows(sessions: SessionSummary[]): HistoryRow[] {
  const parts = new Map<string, SessionSummary[]>();
  for (const session of sessions) {
    if (!session.assessment) continue;
    const group = parts.get(session.assessment.id) ?? [];
    group.push(session);
    parts.set(session.assessment.id, group);
  }
  const rows: HistoryRow[] = [];
  for (const session of sessions) {
    const group = session.assessment ? parts.get(session.assessment.id) : undefined;
    if (!group) {
      rows.push({ session, part: null });
      continue;
    }
    if (group[0] !== session) continue;
    const ordered = [...group].sort((a, b) => a.assessment!.part - b.assessment!.part);
    ordered.forEach((s, i) => rows.push({ session: s, part: { number: s.assessment!.part + 1, first: i === 0 } }));
  }
  return rows;
}
