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

/** Where a row opens: the mock while it runs, its result once finished; an interview given, the interviewer's view. */
export function rowLink(session: SessionSummary): string {
  if (session.role === 'interviewer') return `/review/${session.id}`;
  return session.status === 'active' ? `/sessions/${session.id}` : `/sessions/${session.id}/result`;
}

/** A row's status as its person sees it (the interviewer's score is the one they gave). */
export function rowStatus(session: SessionSummary): string {
  if (session.status === 'active') return 'In progress';
  if (session.role === 'interviewer') return session.score === null ? 'Finished, your score due' : 'You scored it';
  return session.score === null ? 'Finished, to score' : 'Finished, scored';
}
