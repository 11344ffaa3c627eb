/** The practice-partner pages' rules: times in the viewer's own zone, and what the pair's room offers now. */
import type { PartnerBooking } from '@mockloop/contracts';

/** The browser's IANA time zone (UTC when it cannot tell). */
export function ownTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An instant as the viewer reads it in `timeZone`: "Tue 12 Jan, 18:00". */
export function formatIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).format(new Date(iso));
}

/** The wall time of an instant in `timeZone`, "HH:mm". */
export function timeIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso)
  );
}

/** The next full hour after `now` plus `days`, as a datetime-local value in the browser's zone. */
export function defaultSlotStart(now: Date, days = 1): string {
  const at = new Date(now.getTime() + days * 86_400_000);
  at.setMinutes(0, 0, 0);
  at.setHours(at.getHours() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:00`;
}

/** What the pair's room offers a person at this moment. */
export type RoomStep =
  | { step: 'not-yet' }
  | { step: 'waiting-partner' }
  | { step: 'in-half'; half: 0 | 1; role: 'candidate' | 'interviewer'; href: string; saidDone: boolean }
  | { step: 'finished' }
  | { step: 'no-show'; me: boolean };

export function roomStep(booking: PartnerBooking, meId: string): RoomStep {
  if (booking.phase === 'no-show') return { step: 'no-show', me: booking.noShow.includes(meId) };
  if (booking.phase === 'finished') return { step: 'finished' };
  const running = booking.halves.find((h) => h.status === 'running');
  if (running?.sessionId) {
    const role = running.myRole;
    return {
      step: 'in-half',
      half: running.n === 1 ? 1 : 0,
      role,
      // The candidate runs the mock on its own page; the interviewer watches and scores it on the review page.
      href: role === 'candidate' ? `/sessions/${running.sessionId}` : `/review/${running.sessionId}`,
      saidDone: running.doneBy.includes(meId)
    };
  }
  return booking.joined.includes(meId) ? { step: 'waiting-partner' } : { step: 'not-yet' };
}
