/**
 * Fitting a roadmap before an interview that is sooner than the roadmap is long: which units to skip and which to
 * merge, chosen by what the user's scores show they know. Skips what the scores show known, then merges pairs of
 * neighbours (best known first), then skips what is left best known (the earliest when nothing tells them apart).
 * The last unit (the roadmap's final preparation) and units teaching a weak area are never skipped.
 */
import { daysBetween, type Day } from './calendar.ts';
import type { PlanUnit, Roadmap } from './roadmaps.ts';

/** What the scores show about a competency or pattern: its mean rating (1–4) over `sessions` scored sessions. */
export interface Strength {
  rating: number;
  sessions: number;
}

export type Strengths = Readonly<Record<string, Strength>>;

export interface Decision {
  action: 'skip' | 'merge';
  units: string[];
  reason: string;
}

export interface Compression {
  /** Slots the dates leave room for, and the roadmap's own count. */
  available: number;
  needed: number;
  slots: string[][];
  skipped: string[];
  decisions: Decision[];
}

/** A rating of 3.25 and up on average ("solid" to "strong"): known well enough to skip. */
const KNOWN = 0.75;
/** Below "partial to solid": a weak area, never skipped. */
const WEAK = 0.5;
const MAX_MERGED = 2;

/** How well the scores show a unit known, 0–1, from the areas it teaches that were scored; null when none were. */
export function knownness(unit: PlanUnit, strengths: Strengths): number | null {
  const known = unit.teaches.flatMap((id) => {
    const s = strengths[id];
    return s && s.sessions > 0 ? [(s.rating - 1) / 3] : [];
  });
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

const describe = (unit: PlanUnit, strengths: Strengths) => {
  const scored = unit.teaches.filter((id) => (strengths[id]?.sessions ?? 0) > 0);
  return scored.map((id) => `${id} ${strengths[id]!.rating.toFixed(1)}/4`).join(', ');
};

/** The whole roadmap in order, one unit a slot. */
export const fullLayout = (road: Roadmap) => road.units.map((u) => [u.key]);

/** The slots the dates leave room for: whole units between the start and the day before the interview. */
export function slotsAvailable(road: Roadmap, start: Day, interview: Day | null): number {
  if (!interview) return road.units.length;
  return Math.max(1, Math.floor(daysBetween(start, interview) / road.unitDays));
}

export function compress(road: Roadmap, start: Day, interview: Day | null, strengths: Strengths): Compression {
  const available = slotsAvailable(road, start, interview);
  const needed = road.units.length;
  const decisions: Decision[] = [];
  const k = new Map(road.units.map((u) => [u.key, knownness(u, strengths)]));
  const last = road.units.at(-1)?.key;
  const pinned = (u: PlanUnit) => u.key === last || (k.get(u.key) ?? 1) < WEAK;
  let groups: PlanUnit[][] = road.units.map((u) => [u]);
  const skipped = new Set<string>();
  const skip = (group: PlanUnit[], reason: string) => {
    for (const u of group) skipped.add(u.key);
    groups = groups.filter((g) => g !== group);
    decisions.push({ action: 'skip', units: group.map((u) => u.key), reason });
  };

  // 1. What the scores show known.
  const known = road.units
    .filter((u) => !pinned(u) && (k.get(u.key) ?? 0) >= KNOWN)
    .sort((a, b) => k.get(b.key)! - k.get(a.key)! || a.n - b.n);
  for (const unit of known) {
    if (groups.length <= available) break;
    skip(
      groups.find((g) => g[0] === unit)!,
      `Your scores show you know this: ${describe(unit, strengths)}.`
    );
  }

  // 2. Merge neighbours, the best known pair first.
  const score = (g: PlanUnit[]) => g.reduce((sum, u) => sum + (k.get(u.key) ?? 0.5), 0) / g.length;
  while (groups.length > available) {
    let best = -1;
    for (let i = 0; i + 1 < groups.length; i++) {
      const pair = [...groups[i]!, ...groups[i + 1]!];
      if (pair.length > MAX_MERGED || pair.some((u) => u.key === last)) continue;
      if (best < 0 || score(pair) > score([...groups[best]!, ...groups[best + 1]!])) best = i;
    }
    if (best < 0) break;
    groups.splice(best, 2, [...groups[best]!, ...groups[best + 1]!]);
  }

  // 3. Still too long: skip the best known of what is left (earliest first when equal).
  while (groups.length > available) {
    const candidates = groups.filter((g) => !g.some(pinned));
    if (candidates.length === 0) break;
    const group = candidates.reduce((a, b) => (score(b) > score(a) ? b : a));
    const why = describe(group[0]!, strengths);
    skip(
      group,
      why
        ? `Not enough days before the interview; of what is left your scores show this best known (${why}).`
        : 'Not enough days before the interview; nothing in your scores shows it weak, and earlier units go first.'
    );
  }
  for (const g of groups) {
    if (g.length > 1) {
      decisions.push({
        action: 'merge',
        units: g.map((u) => u.key),
        reason: 'Two units in the time of one, to keep both before the interview.'
      });
    }
  }
  return { available, needed, slots: groups.map((g) => g.map((u) => u.key)), skipped: [...skipped], decisions };
}

/** Why a layout is refused: each unit once, in the roadmap's order, no empty slot. Null when it is well formed. */
export function layoutProblem(road: Roadmap, slots: readonly string[][], skipped: readonly string[]): string | null {
  const order = new Map(road.units.map((u, i) => [u.key, i]));
  const seen = new Set<string>();
  let previous = -1;
  for (const slot of slots) {
    if (slot.length === 0) return 'A slot holds no unit.';
    for (const key of slot) {
      const at = order.get(key);
      if (at === undefined) return `${key} is not a unit of the ${road.name}.`;
      if (seen.has(key)) return `${key} appears twice.`;
      if (at < previous) return `${key} is out of the roadmap's order.`;
      seen.add(key);
      previous = at;
    }
  }
  for (const key of skipped) {
    if (!order.has(key)) return `${key} is not a unit of the ${road.name}.`;
    if (seen.has(key)) return `${key} appears twice.`;
    seen.add(key);
  }
  if (seen.size !== road.units.length) return 'Every unit must be either in a slot or skipped.';
  return null;
}
