/** The line over a result: how the session ended and when it ended (not when it started). */
import type { Session } from '@mockloop/contracts';

export function finishedLine(
  session: Pick<Session, 'submitReason' | 'submittedAt' | 'deadline' | 'startedAt'>,
  format: (date: Date) => string = (date) => date.toLocaleString()
): string {
  const how = session.submitReason === 'deadline' ? 'Submitted at the deadline' : 'Finished';
  // A session submitted at its deadline ended then; an old one without submittedAt is dated by its start.
  const end = session.submittedAt ?? (session.submitReason === 'deadline' ? session.deadline : null);
  return end ? `${how} · ${format(new Date(end))}` : `${how} · started ${format(new Date(session.startedAt))}`;
}
