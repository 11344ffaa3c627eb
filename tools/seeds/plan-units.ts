/**
 * Reads each roadmap as a plan: its days or weeks in order, the phase each belongs to and the tasks the roadmap
 * gives for it, every text verbatim from the roadmap (only Markdown's bold markers and a list's "- " are left
 * out). Pure: text in, units out; `main.ts` keeps them in the seed index.
 */
import { SEED, type SeedFile } from '@mockloop/rubrics';
import type { SeedIndex } from '@mockloop/rubrics/seed-index';

type Plan = SeedIndex['plans'][number];
type Unit = Plan['units'][number];
type Task = Unit['tasks'][number];

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const lines = (text: string) => text.split('\n').map((line) => line.trimEnd());

/** The "- item" lines right after line `from`, up to the first line that is not one. */
function bulletsAfter(all: string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from + 1; i < all.length; i++) {
    const match = /^- (?!\[)(.+)$/.exec(all[i] ?? '');
    if (!match) break;
    out.push(match[1]!.trim());
  }
  return out;
}

/** The 60-day plan: "**Day N: Title**" with its bullets, under "## … PHASE N: … (Days a-b)". */
function sixtyDay(text: string): Unit[] {
  const all = lines(text);
  const units: Unit[] = [];
  let phase = '';
  all.forEach((line, i) => {
    const phaseMatch = /^## .*?(PHASE \d+: .+)$/.exec(line);
    if (phaseMatch) phase = phaseMatch[1]!;
    const day = /^\*\*(Day (\d+): [^*]+)\*\*/.exec(line);
    if (!day) return;
    units.push({
      n: Number(day[2]),
      title: day[1]!,
      phase,
      goal: null,
      tasks: bulletsAfter(all, i).map((t) => ({ label: null, text: t, days: null, daily: false }))
    });
  });
  return units;
}

/** The 10-day plan: "## **Day N – Title**" with its "**Session N (h hrs)**: …" and "**Extra Reading**: …" lines. */
function tenDay(text: string): Unit[] {
  const units: Unit[] = [];
  for (const line of lines(text)) {
    const day = /^## \*\*(Day (\d+) – [^*]+)\*\*/.exec(line);
    if (day) {
      units.push({ n: Number(day[2]), title: day[1]!, phase: '', goal: null, tasks: [] });
      continue;
    }
    const session = /^\*\*([^*]+)\*\*: (.+)$/.exec(line);
    const unit = units.at(-1);
    if (session && unit) {
      unit.tasks.push({ label: session[1]!, text: session[2]!.trim(), days: null, daily: false });
    }
  }
  return units;
}

/** The 20-week plan: the week folders of its repository tree, the phases of its timeline, its weekly workflow. */
function twentyWeek(text: string): Unit[] {
  const all = lines(text);
  const phases = new Map<number, { focus: string; outcome: string }>();
  for (const line of all) {
    const row = /^\| \*\*Phase (\d+)\*\* \| [^|]+\| ([^|]+?) \| ([^|]+?) \|$/.exec(line);
    if (row) phases.set(Number(row[1]), { focus: row[2]!, outcome: row[3]! });
  }
  // "**Monday: Learn**" and its bullets, each on the days of the week it names.
  const spans: Record<string, [number, number]> = {
    'Monday: Learn': [0, 0],
    'Tuesday-Thursday: Build': [1, 3],
    'Friday: Review': [4, 4],
    'Weekend: Reflect': [5, 6]
  };
  const workflow: Task[] = [];
  all.forEach((line, i) => {
    const label = /^\*\*(.+)\*\*$/.exec(line)?.[1];
    const days = label ? spans[label] : undefined;
    if (label && days) {
      for (const t of bulletsAfter(all, i)) workflow.push({ label, text: t, days, daily: false });
    }
  });
  const units: Unit[] = [];
  let phase = 0;
  for (const line of all) {
    const phaseMatch = /── phase-(\d+)-/.exec(line);
    if (phaseMatch) phase = Number(phaseMatch[1]);
    const week = /── (week-(\d+)-[a-z-]+)\//.exec(line);
    if (!week) continue;
    units.push({
      n: Number(week[2]),
      title: week[1]!,
      phase: phases.get(phase)?.focus ?? '',
      goal: phases.get(phase)?.outcome ?? null,
      tasks: workflow
    });
  }
  return units;
}

/** The staff roadmap: "### WEEK NN — Theme" under "## WEEKS a-b: …", its goal, project, readings, daily tasks, checklist. */
function staffWeeks(text: string): Unit[] {
  const units: Unit[] = [];
  let phase = '';
  let section = '';
  let project = '';
  for (const line of lines(text)) {
    const phaseMatch = /^## (WEEKS \d+-\d+: .+)$/.exec(line);
    if (phaseMatch) phase = phaseMatch[1]!;
    const week = /^### (WEEK (\d+) — .+)$/.exec(line);
    if (week) {
      units.push({ n: Number(week[2]), title: week[1]!, phase, goal: null, tasks: [] });
      section = '';
      continue;
    }
    const unit = units.at(-1);
    if (!unit) continue;
    const field = /^\*\*([^*]+):\*\*\s*(.*)$/.exec(line);
    if (field) {
      section = field[1]!;
      if (section === 'Goal') unit.goal = field[2]!.trim();
      if (section === 'Project' || section === 'Mini-Project') project = `${section}: ${field[2]!.trim()}`;
      continue;
    }
    const item = /^- (\[ \] )?(.+)$/.exec(line);
    if (!item) continue;
    const task = item[2]!.trim();
    if (section === 'Checklist' && item[1])
      unit.tasks.push({ label: 'Checklist', text: task, days: null, daily: false });
    if (section === 'Project' || section === 'Mini-Project') {
      unit.tasks.push({ label: project, text: task, days: null, daily: false });
    }
    if (section === 'Reading List') unit.tasks.push({ label: 'Reading List', text: task, days: null, daily: false });
    if (section === 'Daily Micro-Tasks') {
      unit.tasks.push({ label: 'Daily Micro-Tasks', text: task, days: null, daily: true });
    }
  }
  return units;
}

/**
 * The 16-week roadmap: its weeks as the Deep-Dive Playbook heads them ("Week 5 · *Arrays & Hashing*"), the phase of
 * its timeline, the week's "- [ ]" items of the Week-by-Week Checklist, and each day's blocks from the playbook.
 */
function bigTech(text: string): Unit[] {
  const all = lines(text);
  const phaseOf = new Map<number, string>();
  for (const line of all) {
    const row = /^\| (\d) \| (\d+)(?:-(\d+))? \| (.+?) \|$/.exec(line);
    if (!row) continue;
    for (let w = Number(row[2]); w <= Number(row[3] ?? row[2]); w++) phaseOf.set(w, row[4]!);
  }
  const checklist = new Map<number, Task[]>();
  const playbook = all.findIndex((line) => line.startsWith('# 📖 Deep-Dive Playbook'));
  let week = 0;
  for (const line of all.slice(0, playbook)) {
    const heading = /^#{3,4} .*?Week (\d+)/.exec(line);
    if (heading) week = Number(heading[1]);
    else if (/^#{1,4} /.test(line)) week = 0;
    const item = /^- \[ \] (.+)$/.exec(line);
    if (item && week) {
      const tasks = checklist.get(week) ?? [];
      tasks.push({ label: 'Checklist', text: item[1]!.trim(), days: null, daily: false });
      checklist.set(week, tasks);
    }
  }
  const units: Unit[] = [];
  for (const line of all.slice(playbook)) {
    const heading = /^## ((?:PHASE \d · )?Week (\d+) · (?:"[^"]+"|\*[^*]+\*))/.exec(line);
    if (heading) {
      const n = Number(heading[2]);
      units.push({
        n,
        title: heading[1]!,
        phase: phaseOf.get(n) ?? '',
        goal: null,
        tasks: [...(checklist.get(n) ?? [])]
      });
      continue;
    }
    const unit = units.at(-1);
    const row = /^\|? ?\**(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\**(?: \(3h\))? *\|(.+)$/.exec(line);
    if (!unit || !row) continue;
    const day = WEEKDAYS.indexOf(row[1]!);
    for (const cell of row[2]!.split('|')) {
      const task = cell.trim();
      if (task && task !== '–') unit.tasks.push({ label: row[1]!, text: task, days: [day, day], daily: false });
    }
  }
  return units;
}

const readers: Record<SeedFile, { unitDays: number; read: (text: string) => Unit[] }> = {
  [SEED.principalAiArchitect60Day]: { unitDays: 1, read: sixtyDay },
  [SEED.mlToArchitect20Week]: { unitDays: 7, read: twentyWeek },
  [SEED.architectInterview10Day]: { unitDays: 1, read: tenDay },
  [SEED.staffEngineer24Week]: { unitDays: 7, read: staffWeeks },
  [SEED.bigTechInterview16Week]: { unitDays: 7, read: bigTech }
};

/** A roadmap as a plan: its days or weeks with their tasks, verbatim. */
export function planOf(file: SeedFile, text: string): Plan {
  const { unitDays, read } = readers[file];
  return { file, unitDays, units: read(text) };
}
