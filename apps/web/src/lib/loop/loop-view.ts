/**
 * What the loop pages say about a loop and its rounds: lengths per kind, the days a schedule plans, each round's
 * status in words, and class names for signals and decisions. Pure, so it is unit-tested without a browser.
 */
import type { Evidence, LoopRound, RoundKind } from '@mockloop/contracts';
import type { HireSignal } from '@mockloop/rubrics';

/** The lengths each kind of round may last (the API's kind modules: coding 15–90, design 45/60/90, behavioral 30/45). */
export const ROUND_LENGTHS: Record<RoundKind, readonly number[]> = {
  coding: [15, 30, 45, 60, 90],
  design: [45, 60, 90],
  behavioral: [30, 45]
};

/** A length the kind allows: the same one if allowed, else the nearest allowed. */
export function lengthFor(kind: RoundKind, minutes: number): number {
  const allowed = ROUND_LENGTHS[kind];
  if (allowed.includes(minutes)) return minutes;
  return allowed.reduce((best, m) => (Math.abs(m - minutes) < Math.abs(best - minutes) ? m : best), allowed[0]!);
}

export type Schedule = 'one-day' | 'spread';

/** YYYY-MM-DD of a local date. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day each of `count` rounds is planned on: all on `first` (an onsite), or one a day from it. */
export function plannedDays(count: number, schedule: Schedule, first: string): string[] {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => isoDay(new Date(y, m - 1, d + (schedule === 'spread' ? i : 0))));
}

/** A round's state in words, from the viewer's side. */
export function roundStatusText(round: LoopRound): string {
  switch (round.status) {
    case 'planned':
      return 'Not started';
    case 'running':
      return 'In progress';
    case 'ended':
      return round.mode === 'solo' ? 'Ended: waiting for the self-score' : 'Ended: waiting for feedback';
    case 'in':
      return round.mode === 'solo' ? 'In: self-scored' : 'In: feedback submitted';
  }
}

/** The class a hire signal or a decision is coloured by: `hire`, `strong-hire`, `no-hire`, `hold`, … */
export function signalClass(signal: HireSignal | 'Hold' | (string & {}) | null | undefined): string {
  return signal ? signal.replaceAll(' ', '-').toLowerCase() : 'none';
}

/** "Hire" → "hire", "No Hire" → "no-hire", "Hold" → "hold". */
export const decisionClass = signalClass;

/** "senior" → "Senior". */
export function levelName(level: string | null | undefined): string {
  return level ? level[0]!.toUpperCase() + level.slice(1) : '—';
}

/** The measured evidence of a round's session, one short line each (tests passed, phases, key points, STAR). */
export function evidenceLines(evidence: Evidence | null): string[] {
  if (!evidence) return [];
  const lines: string[] = [];
  const { coding, behavioral } = evidence;
  if (coding) {
    if (coding.passed !== null) lines.push(`Hidden tests: ${coding.passed} of ${coding.total} passed (self-run)`);
    else lines.push(`Hidden tests: not run (${coding.total})`);
    if (coding.confirmed && coding.confirmedPassed !== null)
      lines.push(`Confirmed by a reviewer: ${coding.confirmedPassed} of ${coding.confirmedTotal ?? coding.total}`);
    lines.push(`Time: ${Math.round(coding.minutesUsed)} of ${coding.boxMinutes} min box`);
  }
  if (evidence.phases.length > 0) {
    const over = evidence.phases.filter((p) => p.overrunMinutes > 0);
    const reached = evidence.phases.filter((p) => p.actualMinutes > 0).length;
    lines.push(
      `Phases: ${reached} of ${evidence.phases.length} reached` +
        (over.length ? `, ${over.map((p) => `${p.name} +${Math.round(p.overrunMinutes)} min`).join(', ')}` : '')
    );
  }
  if (evidence.keyPoints.length > 0) {
    const covered = evidence.keyPoints.filter((k) => k.covered).length;
    lines.push(`Key points: ${covered} of ${evidence.keyPoints.length} covered`);
  }
  if (!coding && !behavioral && evidence.phases.length > 0)
    lines.push(evidence.estimatesWritten ? 'Estimates written' : 'No estimates written');
  if (behavioral) {
    for (const p of behavioral.prompts) {
      const share = p.action.iShare === null ? '' : `, “I” ${Math.round(p.action.iShare * 100)}%`;
      lines.push(`STAR ${p.partsPresent}/4 on “${p.title}”${p.resultQuantified ? ', result in numbers' : ''}${share}`);
    }
  }
  return lines;
}
