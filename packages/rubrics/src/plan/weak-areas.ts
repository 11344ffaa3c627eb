/**
 * The plan moving with the results: a weak area (a competency or coding pattern that keeps scoring low) brings in
 * the roadmap units that teach it, per the study references, and a mock to recheck it a few days later.
 */
import type { MockKind } from '../kinds.ts';
import { currentSlot, dayAfter, layOut, unitDone, type Day, type PlanSpec, type Tick } from './calendar.ts';
import type { Roadmap } from './roadmaps.ts';

/** Days after the units come in that the recheck mock is scheduled. */
export const RECHECK_AFTER_DAYS = 3;

const CODING = new Set(['correctness', 'complexity', 'edge-cases', 'code-quality']);
const BEHAVIORAL = new Set(['leadership', 'communication', 'impact']);

/** The kind of mock that shows an area: coding criteria and patterns by coding, people skills by behavioral. */
export function recheckKind(area: string, patternIds: ReadonlySet<string>): MockKind {
  if (CODING.has(area) || patternIds.has(area)) return 'coding';
  return BEHAVIORAL.has(area) ? 'behavioral' : 'design';
}

export interface WeakAreaProposal {
  area: string;
  units: { key: string; title: string; status: 'done' | 'planned' | 'skipped'; on: Day | null }[];
  recheck: { on: Day; kind: MockKind };
}

/** What the plan proposes for a weak area: the units that teach it (where they stand) and a recheck. */
export function proposeForWeakArea(
  road: Roadmap,
  spec: PlanSpec,
  ticks: readonly Tick[],
  area: string,
  today: Day,
  patternIds: ReadonlySet<string>
): WeakAreaProposal {
  const placed = layOut(road, spec, ticks, today);
  const startOf = new Map(placed.flatMap((s) => s.units.map((u) => [u.key, s.start] as const)));
  return {
    area,
    units: road.units
      .filter((u) => u.teaches.includes(area))
      .map((u) => ({
        key: u.key,
        title: u.title,
        status: unitDone(u, ticks) ? 'done' : startOf.has(u.key) ? 'planned' : 'skipped',
        on: startOf.get(u.key) ?? null
      })),
    recheck: { on: dayAfter(today, RECHECK_AFTER_DAYS), kind: recheckKind(area, patternIds) }
  };
}

/**
 * The plan with the proposal taken: skipped units that teach the area come back as one slot right after today's
 * (planned ones keep their place), and the recheck is scheduled. Taking the same proposal twice changes nothing.
 */
export function acceptWeakArea(
  road: Roadmap,
  spec: PlanSpec,
  ticks: readonly Tick[],
  proposal: WeakAreaProposal,
  today: Day
): PlanSpec {
  const back = proposal.units.filter((u) => u.status === 'skipped').map((u) => u.key);
  const slot = currentSlot(layOut(road, spec, ticks, today), today);
  const at = slot ? slot.index + 1 : spec.slots.length;
  const slots = back.length ? [...spec.slots.slice(0, at), back, ...spec.slots.slice(at)] : spec.slots;
  const already = spec.rechecks.some((r) => r.area === proposal.area && r.on >= today);
  return {
    ...spec,
    slots,
    skipped: spec.skipped.filter((k) => !back.includes(k)),
    rechecks: already
      ? spec.rechecks
      : [...spec.rechecks, { area: proposal.area, on: proposal.recheck.on, kind: proposal.recheck.kind }]
  };
}
