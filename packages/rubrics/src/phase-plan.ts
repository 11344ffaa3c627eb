/**
 * The 60-minute system-design mock's phase plan (60-day plan, Day 16's framework and the Days 53–55
 * mocks), scaled to the session's length, and the time math over it.
 */

export interface PlannedPhase {
  id: string;
  name: string;
  /** Planned minutes for this phase at the session's length. */
  minutes: number;
  /** Minutes from the start of the session at which this phase is planned to begin. */
  startsAtMin: number;
}

/** When the candidate actually moved to a phase (server time, ISO). */
export interface PhaseStart {
  phaseId: string;
  startedAt: string;
}

/** Minutes of each phase in the 60-minute plan. */
export const DESIGN_PHASES_60 = [
  { id: 'requirements', name: 'Requirements gathering', minutes: 8 },
  { id: 'estimation', name: 'Capacity estimation', minutes: 7 },
  { id: 'high-level-design', name: 'High-level design', minutes: 15 },
  { id: 'deep-dives', name: 'Deep dives', minutes: 15 },
  { id: 'tradeoffs', name: 'Trade-offs and bottlenecks', minutes: 10 },
  { id: 'wrap-up', name: 'Wrap-up', minutes: 5 }
] as const;

/**
 * The plan scaled to `durationMin`, in whole minutes that add up to the duration exactly
 * (largest remainders get the spare minutes).
 *
 * @example
 * designPhasePlan(90).map((p) => p.minutes); // [12, 11, 23, 22, 15, 7]
 */
export function designPhasePlan(durationMin: number): PlannedPhase[] {
  const exact = DESIGN_PHASES_60.map((p) => (p.minutes * durationMin) / 60);
  const minutes = exact.map(Math.floor);
  let spare = durationMin - minutes.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (spare <= 0) break;
    minutes[index] = (minutes[index] ?? 0) + 1;
    spare--;
  }
  let startsAtMin = 0;
  return DESIGN_PHASES_60.map((phase, index) => {
    const planned = { id: phase.id, name: phase.name, minutes: minutes[index] ?? 0, startsAtMin };
    startsAtMin += planned.minutes;
    return planned;
  });
}

export interface PhaseActual {
  id: string;
  name: string;
  plannedMinutes: number;
  /** Minutes actually spent; 0 for a phase never entered. */
  actualMinutes: number;
  /** Minutes over plan (negative when under). */
  overrunMinutes: number;
}

/**
 * Time actually spent per phase, from the recorded phase starts up to `end` (the submit time, or now).
 * The first phase starts with the session even if no start was recorded for it.
 */
export function phaseActuals(plan: PlannedPhase[], log: PhaseStart[], startedAt: string, end: string): PhaseActual[] {
  const starts = new Map<string, number>();
  starts.set(plan[0]?.id ?? '', Date.parse(startedAt));
  for (const entry of log) if (!starts.has(entry.phaseId)) starts.set(entry.phaseId, Date.parse(entry.startedAt));
  const ordered = [...starts.entries()].sort((a, b) => a[1] - b[1]);
  const spent = new Map<string, number>();
  ordered.forEach(([id, at], index) => {
    const next = ordered[index + 1]?.[1] ?? Date.parse(end);
    spent.set(id, Math.max(0, next - at) / 60_000);
  });
  return plan.map((phase) => {
    const actualMinutes = round1(spent.get(phase.id) ?? 0);
    return {
      id: phase.id,
      name: phase.name,
      plannedMinutes: phase.minutes,
      actualMinutes,
      overrunMinutes: round1(actualMinutes - phase.minutes)
    };
  });
}

/** The phase the candidate is in: the last one they moved to, or the first. */
export function currentPhaseId(plan: PlannedPhase[], log: PhaseStart[]): string {
  return log.at(-1)?.phaseId ?? plan[0]?.id ?? '';
}

/** Milliseconds left before the deadline, never negative. */
export function remainingMs(deadline: string, now: number): number {
  return Math.max(0, Date.parse(deadline) - now);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
