/** How a phase went against its plan, as the result page's time table says it: no time in it is not "within plan". */
export type PhaseVerdict = 'skipped' | 'over' | 'within';

export function phaseVerdict(phase: { actualMinutes: number; overrunMinutes: number }): PhaseVerdict {
  if (phase.actualMinutes === 0) return 'skipped';
  return phase.overrunMinutes > 0 ? 'over' : 'within';
}
