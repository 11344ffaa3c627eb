/**
 * A plan on the calendar: its slots (one unit, or units merged) laid from the start date, missed slots moved
 * forward to today, today's tasks and mocks, progress as the roadmaps keep it, and the streak. Dates are calendar
 * days ("2026-12-07") in the user's own time zone; `todayIn` turns an instant into one.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { MockSpec, PlanTask, PlanUnit, Roadmap } from './roadmaps.ts';

/** A calendar day, "yyyy-MM-dd". */
export type Day = string;

export const dayAfter = (day: Day, n: number): Day => format(addDays(parseISO(day), n), 'yyyy-MM-dd');
export const daysBetween = (from: Day, to: Day): number => differenceInCalendarDays(parseISO(to), parseISO(from));

/** The calendar day `at` falls on in `timeZone` (an IANA name such as "Asia/Tokyo"). */
export const todayIn = (at: Date, timeZone: string): Day => format(new TZDate(at.getTime(), timeZone), 'yyyy-MM-dd');

/** A weak area's recheck: a mock of that kind a few days after the plan took the units that teach it in. */
export interface Recheck {
  area: string;
  on: Day;
  kind: MockSpec['kind'];
}

/** What a user chose, as stored. */
export interface PlanSpec {
  start: Day;
  interview: Day | null;
  /** Each slot is one unit's length on the calendar, holding one unit or several merged; in roadmap order. */
  slots: string[][];
  skipped: string[];
  rechecks: Recheck[];
}

/** A tick: a task done (a daily task, done on that day). */
export interface Tick {
  task: string;
  on: Day;
}

export interface PlacedSlot {
  index: number;
  units: PlanUnit[];
  start: Day;
  /** Its last day. */
  end: Day;
  /** Days it moved forward because it was missed. */
  moved: number;
}

const unitOfTask = (taskId: string) => taskId.slice(0, taskId.indexOf('.'));

/**
 * Lays the slots from the start. A slot whose days have all passed with nothing ticked was missed: it starts today
 * instead, and the slots after it follow, so missed days move forward rather than pile up.
 */
export function layOut(road: Roadmap, spec: PlanSpec, ticks: readonly Tick[], today: Day): PlacedSlot[] {
  const byKey = new Map(road.units.map((u) => [u.key, u]));
  const touched = new Set(ticks.map((t) => unitOfTask(t.task)));
  const placed: PlacedSlot[] = [];
  let cursor = spec.start;
  spec.slots.forEach((keys, index) => {
    const units = keys.flatMap((k) => byKey.get(k) ?? []);
    let start = cursor;
    const end = dayAfter(start, road.unitDays - 1);
    const missed = end < today && !keys.some((k) => touched.has(k));
    if (missed) start = today;
    placed.push({ index, units, start, end: dayAfter(start, road.unitDays - 1), moved: daysBetween(cursor, start) });
    cursor = dayAfter(start, road.unitDays);
  });
  return placed;
}

/** The slot today falls in, or else the next one to start; null once the plan is over. */
export function currentSlot(placed: readonly PlacedSlot[], today: Day): PlacedSlot | null {
  return placed.find((s) => s.start <= today && today <= s.end) ?? placed.find((s) => s.start > today) ?? null;
}

export interface TodayTask extends PlanTask {
  unit: string;
  done: boolean;
  /** Its day in the unit has passed and it is not done: carried to today. */
  carried: boolean;
}

export interface ScheduledMock extends MockSpec {
  /** `${unit key}.m${index}`, or `recheck.${index}`. */
  id: string;
  on: Day;
  unit: string | null;
  area: string | null;
}

const isDone = (task: PlanTask, ticks: readonly Tick[], today: Day) =>
  ticks.some((t) => t.task === task.id && (!task.daily || t.on === today));

/** Today's tasks: the current slot's tasks for today's day of it, daily ones, and earlier days' undone ones. */
export function todaysTasks(slot: PlacedSlot | null, ticks: readonly Tick[], today: Day): TodayTask[] {
  if (!slot || today < slot.start) return [];
  const offset = daysBetween(slot.start, today);
  return slot.units.flatMap((unit) =>
    unit.tasks.flatMap((task) => {
      const done = isDone(task, ticks, today);
      const due = task.days === null || task.daily || (task.days[0] <= offset && offset <= task.days[1]);
      const carried = !due && task.days !== null && task.days[1] < offset && !done;
      return due || carried ? [{ ...task, unit: unit.key, done, carried }] : [];
    })
  );
}

/** Every mock of the plan with its day: the units' own, then the weak areas' rechecks. */
export function scheduledMocks(placed: readonly PlacedSlot[], spec: PlanSpec): ScheduledMock[] {
  const own = placed.flatMap((slot) =>
    slot.units.flatMap((unit) =>
      unit.mocks.map((m, i) => ({
        ...m,
        id: `${unit.key}.m${i}`,
        on: dayAfter(slot.start, Math.min(m.day, daysBetween(slot.start, slot.end))),
        unit: unit.key,
        area: null
      }))
    )
  );
  const rechecks = spec.rechecks.map((r, i) => ({
    day: 0,
    kind: r.kind,
    rubricId: null,
    pattern: null,
    title: `Recheck: ${r.area}`,
    id: `recheck.${i}`,
    on: r.on,
    unit: null,
    area: r.area
  }));
  return [...own, ...rechecks].sort((a, b) => a.on.localeCompare(b.on));
}

/** The mocks to run now: the current slot's not yet started (its weekly assessment shows all week), and rechecks due. */
export function mocksNow(
  placed: readonly PlacedSlot[],
  spec: PlanSpec,
  today: Day,
  started: ReadonlySet<string>
): ScheduledMock[] {
  const slot = currentSlot(placed, today);
  const inSlot = new Set(slot && slot.start <= today ? slot.units.map((u) => u.key) : []);
  return scheduledMocks(placed, spec).filter(
    (m) => !started.has(m.id) && (m.unit ? inSlot.has(m.unit) : m.on <= today)
  );
}

/** A unit is done when each of its once-only tasks is ticked (its daily ones repeat). */
export function unitDone(unit: PlanUnit, ticks: readonly Tick[]): boolean {
  const once = unit.tasks.filter((t) => !t.daily);
  const ticked = new Set(ticks.map((t) => t.task));
  return once.length > 0 && once.every((t) => ticked.has(t.id));
}

export interface Progress {
  done: number;
  total: number;
  /** One decimal, as the 60-day tracker writes "1.7 %". */
  percent: number;
  phase: string | null;
  current: { unit: string; title: string } | null;
  lastDone: { unit: string; title: string } | null;
  nextUp: { unit: string; title: string } | null;
  streak: number;
  /** Days the plan runs past the interview (0 when it ends before). */
  overrunDays: number;
}

/** Days in a row with a tick, ending today (or yesterday, while today has none yet). */
export function streak(ticks: readonly Tick[], today: Day): number {
  const days = new Set(ticks.map((t) => t.on));
  let day = days.has(today) ? today : dayAfter(today, -1);
  let count = 0;
  while (days.has(day)) {
    count++;
    day = dayAfter(day, -1);
  }
  return count;
}

export function progress(road: Roadmap, spec: PlanSpec, ticks: readonly Tick[], today: Day): Progress {
  const placed = layOut(road, spec, ticks, today);
  const units = placed.flatMap((s) => s.units);
  const done = units.filter((u) => unitDone(u, ticks));
  const slot = currentSlot(placed, today);
  const label = (u: PlanUnit) => ({ unit: u.key, title: u.title });
  const later = placed.filter((s) => slot === null || s.index > slot.index).flatMap((s) => s.units);
  const next = later.find((u) => !unitDone(u, ticks));
  const last = placed.at(-1);
  return {
    done: done.length,
    total: units.length,
    percent: units.length ? Math.round((done.length / units.length) * 1000) / 10 : 0,
    phase: slot?.units[0]?.phase ?? null,
    current: slot?.units[0] ? label(slot.units[0]) : null,
    lastDone: done.at(-1) ? label(done.at(-1)!) : null,
    nextUp: next ? label(next) : null,
    streak: streak(ticks, today),
    overrunDays: spec.interview && last ? Math.max(0, daysBetween(spec.interview, last.end) + 1) : 0
  };
}
