/**
 * The five roadmaps as plans: each day or week of the committed seed index with its tasks verbatim, what it
 * teaches (the study references that point at it) and the mocks MockLoop schedules in it. No I/O, no zod.
 */
import { QUESTION_KINDS, type MockKind } from '../kinds.ts';
import { patternStudyPlan, competencyStudyPlan, type StudyRef } from '../study-plan.ts';
import { seedIndex, type SeedIndex } from '../seed-index.ts';
import { SEED, SEED_FILES, SEED_PLAN_NAMES, type SeedFile } from '../seed-plans.ts';

/** The rounds readiness is told for: every kind of mock on one question, and ML system design where a roadmap has it. */
export const ROUNDS = [...QUESTION_KINDS, 'ml-design'] as const;
export type Round = (typeof ROUNDS)[number];

export interface PlanTask {
  /** `${unit key}.${index}`: stable while the roadmap is. */
  id: string;
  label: string | null;
  text: string;
  /** The unit's days it is for (0 its first), or null: any of them. */
  days: [number, number] | null;
  daily: boolean;
}

/** A mock the plan schedules on a day of a unit. */
export interface MockSpec {
  /** Day of the unit, 0 its first. */
  day: number;
  kind: MockKind;
  /** Scored with this rubric instead of the question's (the staff roadmap's weekly evaluation rubric). */
  rubricId: string | null;
  /** A coding mock on this pattern (the 16-week roadmap's pattern of the week). */
  pattern: string | null;
  title: string;
}

export interface PlanUnit {
  /** "d16", "w05". */
  key: string;
  n: number;
  title: string;
  phase: string;
  goal: string | null;
  tasks: PlanTask[];
  /** The competencies and coding patterns whose study references point at this unit. */
  teaches: string[];
  mocks: MockSpec[];
}

export interface Roadmap {
  file: SeedFile;
  name: string;
  unitDays: number;
  /** "Day" or "Week". */
  unitNoun: string;
  units: PlanUnit[];
  /** The interview rounds it prepares for: ML system design only where the roadmap teaches it. */
  rounds: readonly Round[];
}

const unitKey = (unitDays: number, n: number) => `${unitDays === 1 ? 'd' : 'w'}${String(n).padStart(2, '0')}`;

/** Whether a study reference points at this unit: its section names the unit (a 60-day week names its days). */
function pointsAt(ref: StudyRef, file: SeedFile, unit: { n: number; title: string }): boolean {
  if (ref.file !== file) return false;
  if (unit.title.includes(ref.section) || ref.section === unit.title) return true;
  const days = /\(Days (\d+)-(\d+)\)/.exec(ref.section);
  return days !== null && unit.n >= Number(days[1]) && unit.n <= Number(days[2]);
}

function teachesOf(file: SeedFile, unit: { n: number; title: string }): string[] {
  const all = [...Object.entries(competencyStudyPlan), ...Object.entries(patternStudyPlan)];
  return all.filter(([, refs]) => refs.some((ref) => pointsAt(ref, file, unit))).map(([id]) => id);
}

const mock = (day: number, kind: MockKind, title: string, extra: Partial<MockSpec> = {}): MockSpec => ({
  day,
  kind,
  rubricId: null,
  pattern: null,
  title,
  ...extra
});

/** The pattern id of a 16-week pattern week: "Week 5 · *Arrays & Hashing*" → "arrays-hashing". */
function patternOf(title: string): string | null {
  for (const [id, refs] of Object.entries(patternStudyPlan)) {
    if (
      refs.some(
        (r) => r.file === SEED.bigTechInterview16Week && title.includes(r.section) && /^Week \d+ · \*/.test(r.section)
      )
    ) {
      return id;
    }
  }
  return null;
}

/** The mocks each roadmap's own words call for, by unit. */
const MOCKS: Record<SeedFile, (unit: { n: number; title: string }) => MockSpec[]> = {
  // "Day 53–55: System Design Mock Interview #1–3", "Day 56–57": leadership and behavioral preparation.
  [SEED.principalAiArchitect60Day]: ({ n, title }) =>
    n >= 53 && n <= 55 ? [mock(0, 'design', title)] : n === 56 || n === 57 ? [mock(0, 'behavioral', title)] : [],
  // "Friday: Review — Get architecture review": a design mock each Friday.
  [SEED.mlToArchitect20Week]: () => [mock(4, 'design', 'Friday review: an architecture mock')],
  // "Session 4 (2 hrs): Behavioral interview preparation" (day 9), "HR & technical mock interviews" (day 10).
  [SEED.architectInterview10Day]: ({ n }) =>
    n === 9
      ? [mock(0, 'behavioral', 'Behavioral interview preparation')]
      : n === 10
        ? [mock(0, 'design', 'Technical mock interview'), mock(0, 'behavioral', 'HR mock interview')]
        : [],
  // Every week ends in its assessment, scored with that week's evaluation rubric.
  [SEED.staffEngineer24Week]: ({ n, title }) => [
    mock(6, 'design', `Week ${n} assessment: ${title.split(' — ')[1] ?? title}`, {
      rubricId: `staff-week-${String(n).padStart(2, '0')}`
    })
  ],
  // Weeks 5–12: Wednesday's unguided mediums on the week's pattern; 13–15: a design; 16: the mock loop.
  [SEED.bigTechInterview16Week]: ({ n, title }) => {
    const pattern = patternOf(title);
    if (pattern) return [mock(2, 'coding', `Unguided mediums: ${title.split('*')[1] ?? title}`, { pattern })];
    if (n >= 13 && n <= 15) return [mock(1, 'design', `Guided design: ${title.split('*')[1] ?? title}`)];
    if (n === 16) {
      return [
        mock(0, 'coding', 'Mock Loop A – DS&A'),
        mock(0, 'behavioral', 'Behavioral interview w/ peer'),
        mock(1, 'design', 'System-Design mock: "Realtime Chat Service"')
      ];
    }
    return [];
  }
};

const ROUNDS_OF: Record<SeedFile, readonly Round[]> = {
  [SEED.principalAiArchitect60Day]: ROUNDS,
  [SEED.mlToArchitect20Week]: ROUNDS,
  [SEED.architectInterview10Day]: ROUNDS,
  // The staff roadmap teaches no ML system design.
  [SEED.staffEngineer24Week]: QUESTION_KINDS,
  [SEED.bigTechInterview16Week]: ROUNDS
};

/** One roadmap as a plan, read from the seed index. */
export function roadmapPlan(file: SeedFile, index: SeedIndex = seedIndex): Roadmap {
  const plan = index.plans.find((p) => p.file === file);
  if (!plan) throw new Error(`the seed index has no plan for ${file}`);
  return {
    file,
    name: SEED_PLAN_NAMES[file],
    unitDays: plan.unitDays,
    unitNoun: plan.unitDays === 1 ? 'Day' : 'Week',
    rounds: ROUNDS_OF[file],
    units: plan.units.map((unit) => {
      const key = unitKey(plan.unitDays, unit.n);
      return {
        key,
        n: unit.n,
        title: unit.title,
        phase: unit.phase,
        goal: unit.goal,
        tasks: unit.tasks.map((task, i) => ({ id: `${key}.${i}`, ...task })),
        teaches: teachesOf(file, unit),
        mocks: MOCKS[file](unit)
      };
    })
  };
}

const cache = new Map<SeedFile, Roadmap>();

/** The roadmap, built once per process. */
export function roadmap(file: SeedFile): Roadmap {
  let found = cache.get(file);
  if (!found) cache.set(file, (found = roadmapPlan(file)));
  return found;
}

export const roadmaps = (): Roadmap[] => SEED_FILES.map(roadmap);

/** "Day 16", "Week 5". */
export const unitLabel = (road: Pick<Roadmap, 'unitNoun'>, unit: Pick<PlanUnit, 'n'>) => `${road.unitNoun} ${unit.n}`;
