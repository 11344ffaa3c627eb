/**
 * The study plan's use cases: preview and accept a plan, today's work, ticks, starting a scheduled mock, weak
 * areas taken into the plan, the ledger and the calendar. The rules are the pure ones of `@mockloop/rubrics/plan`;
 * this module reads the plan by the user's id and the user's insights, and writes one document.
 */
import type { AcceptPlanBody, LedgerBody, PlanChoice } from '@mockloop/contracts';
import { acceptPlanBodySchema, planChoiceSchema } from '@mockloop/contracts';
import { CODING_PATTERNS, competencies, SEED, type SeedFile } from '@mockloop/rubrics';
import {
  acceptWeakArea,
  compress,
  currentSlot,
  layOut,
  layoutProblem,
  ledgerMarkdown,
  mocksNow,
  progress,
  proposeForWeakArea,
  readiness,
  roadmap,
  scheduledMocks,
  todayIn,
  todaysTasks,
  unitDone,
  type Level,
  type PlanSpec,
  type Progress,
  type ScheduledMock,
  type Roadmap
} from '@mockloop/rubrics/plan';
import { STANDARD_HIRE_THRESHOLDS } from '@mockloop/rubrics';
import type { SignedInUser } from '../db/client.ts';
import type { PlanDoc } from '../db/plans-repo.ts';
import type { Repositories } from '../db/repositories.ts';
import { ApiError } from '../errors.ts';
import type { Catalog } from './catalog.ts';
import type { SessionService } from './sessions/index.ts';
import type { UserDataService } from './user-data.ts';
import { planCalendar } from './plan-calendar.ts';
import { roundScores, strengthsOf } from './plan-inputs.ts';

type Layout = Pick<PlanSpec, 'slots' | 'skipped' | 'rechecks'>;

const PATTERN_IDS = new Set<string>(CODING_PATTERNS.map((p) => p.id));
const areaName = (area: string) =>
  competencies.find((c) => c.id === area)?.name ?? CODING_PATTERNS.find((p) => p.id === area)?.name ?? area;

const noPlan = () => new ApiError(404, 'NOT_FOUND', 'You have no study plan yet: pick a roadmap on the plan page.');

function specOf(doc: PlanDoc): PlanSpec {
  const layout = JSON.parse(doc.layoutJson) as Layout;
  return { start: doc.start, interview: doc.interview, ...layout };
}

/** A scheduled mock as the API answers it, with the session it was started as. */
const mockView = (m: ScheduledMock, started: ReadonlyMap<string, string>) => ({
  id: m.id,
  on: m.on,
  kind: m.kind,
  title: m.title,
  rubricId: m.rubricId,
  pattern: m.pattern,
  unit: m.unit,
  area: m.area,
  sessionId: started.get(m.id) ?? null
});

/** Progress as the API answers it; the latest achievement is the week's best result, else the last unit done. */
const progressView = (p: Progress, bestThisWeek: string | null) => ({
  done: p.done,
  total: p.total,
  percent: p.percent,
  phase: p.phase,
  current: p.current,
  nextUp: p.nextUp,
  latestAchievement: bestThisWeek ?? (p.lastDone ? `Completed ${p.lastDone.title}` : null),
  streak: p.streak,
  overrunDays: p.overrunDays
});

export function createPlanService(deps: {
  repos: Repositories;
  sessions: SessionService;
  userData: UserDataService;
  catalog: Catalog;
  now: () => Date;
}) {
  const { repos, sessions, userData, catalog, now } = deps;

  async function load(user: SignedInUser) {
    const doc = await repos.plans.find(user._id);
    if (!doc) throw noPlan();
    const road = roadmap(doc.roadmap as SeedFile);
    return { doc, road, spec: specOf(doc), today: todayIn(now(), doc.timeZone) };
  }

  const summary = (road: Roadmap) => ({
    file: road.file,
    name: road.name,
    unitDays: road.unitDays,
    unitNoun: road.unitNoun,
    units: road.units.map((u) => ({
      key: u.key,
      n: u.n,
      title: u.title,
      phase: u.phase,
      goal: u.goal,
      teaches: u.teaches,
      tasks: u.tasks.length
    }))
  });

  function present(doc: PlanDoc, road: Roadmap, spec: PlanSpec, today: string) {
    const placed = layOut(road, spec, doc.ticks, today);
    const started = new Map(doc.mocks.map((m) => [m.id, m.sessionId]));
    const titles = new Map(road.units.map((u) => [u.key, u.title]));
    return {
      roadmap: road.file,
      roadmapName: road.name,
      unitNoun: road.unitNoun,
      level: doc.level as Level,
      start: doc.start,
      interview: doc.interview,
      timeZone: doc.timeZone,
      skipped: spec.skipped.map((key) => ({ key, title: titles.get(key) ?? key })),
      slots: placed.map((s) => ({
        index: s.index,
        units: s.units.map((u) => ({ key: u.key, title: u.title, phase: u.phase })),
        start: s.start,
        end: s.end,
        moved: s.moved
      })),
      mocks: scheduledMocks(placed, spec).map((m) => mockView(m, started)),
      createdAt: doc.createdAt.toISOString()
    };
  }

  /** A question for a scheduled mock: the week's project for a staff assessment, the week's pattern, else by level. */
  function questionFor(
    mock: { kind: string; pattern: string | null; unit: string | null; id: string },
    road: Roadmap,
    level: string
  ) {
    const all = catalog.all().filter((q) => q.kind === mock.kind);
    const unit = road.units.find((u) => u.key === mock.unit);
    const project = unit?.tasks.find((t) => t.label?.startsWith('Project: ') || t.label?.startsWith('Mini-Project: '));
    const projectName = project?.label?.split(': ').slice(1).join(': ');
    const pattern = CODING_PATTERNS.find((p) => p.id === mock.pattern)?.name;
    const pick =
      (projectName && all.find((q) => q.source.file === road.file && q.source.section.includes(projectName))) ||
      (pattern && all.find((q) => q.kind === 'coding' && q.pattern === pattern)) ||
      all.find((q) => q.kind !== 'coding' && 'level' in q && q.level === level) ||
      all[[...mock.id].reduce((h, ch) => h + ch.charCodeAt(0), 0) % Math.max(1, all.length)];
    if (!pick) throw new ApiError(409, 'CONFLICT', `The question bank has no ${mock.kind} question for this mock.`);
    return pick;
  }

  async function todayOf(user: SignedInUser) {
    const { doc, road, spec, today } = await load(user);
    const insights = await userData.insights(user);
    const placed = layOut(road, spec, doc.ticks, today);
    const slot = currentSlot(placed, today);
    const inSlot = slot && slot.start <= today ? slot : null;
    const started = new Map(doc.mocks.map((m) => [m.id, m.sessionId]));
    const p = progress(road, spec, doc.ticks, today);
    const accepted = new Set(spec.rechecks.filter((r) => r.on >= today).map((r) => r.area));
    const weakAreas = [
      ...insights.weakAreas.map((w) => w.competencyId),
      ...insights.patterns.filter((pt) => pt.weak).map((pt) => pt.id)
    ]
      .filter((area, i, all) => all.indexOf(area) === i && !accepted.has(area))
      .slice(0, 3)
      .map((area) => ({ ...proposeForWeakArea(road, spec, doc.ticks, area, today, PATTERN_IDS), name: areaName(area) }))
      .filter((w) => w.units.length > 0);
    return {
      date: today,
      roadmapName: road.name,
      unitNoun: road.unitNoun,
      unit: inSlot
        ? {
            keys: inSlot.units.map((u) => u.key),
            title: inSlot.units.map((u) => u.title).join(' + '),
            goal: inSlot.units[0]?.goal ?? null
          }
        : null,
      tasks: todaysTasks(inSlot, doc.ticks, today).map((t) => ({
        id: t.id,
        unit: t.unit,
        label: t.label,
        text: t.text,
        daily: t.daily,
        done: t.done,
        carried: t.carried
      })),
      mocks: mocksNow(placed, spec, today, new Set()).map((m) => mockView(m, started)),
      reviews: insights.reviews
        .filter((r) => r.due)
        .map((r) => ({ kind: r.kind, tag: r.tag, sessionKind: r.sessionKind, questionId: r.questionId })),
      progress: progressView(p, insights.recap.win),
      readiness: readiness(road.rounds, roundScores(insights.criteria), doc.level as Level, STANDARD_HIRE_THRESHOLDS),
      weakAreas
    };
  }

  return {
    roadmaps: () => ({
      items: [
        SEED.principalAiArchitect60Day,
        SEED.mlToArchitect20Week,
        SEED.architectInterview10Day,
        SEED.staffEngineer24Week,
        SEED.bigTechInterview16Week
      ].map((file) => summary(roadmap(file)))
    }),

    /** The roadmap laid before the interview: whole when it fits, else compressed by what the scores show. */
    async preview(user: SignedInUser, choice: PlanChoice) {
      const c = planChoiceSchema.parse(choice);
      const road = roadmap(c.roadmap);
      const insights = await userData.insights(user);
      const compression = compress(road, c.start, c.interview, strengthsOf(insights));
      const fits = compression.available >= compression.needed;
      const noun = road.unitNoun.toLowerCase();
      return {
        roadmap: summary(road),
        fits,
        message: fits
          ? `The whole ${road.name} fits before ${c.interview ? 'the interview' : 'you finish'}.`
          : `Your interview is in ${compression.available} ${noun}s; the ${road.name} takes ${compression.needed}. ` +
            `Here is a plan of ${compression.slots.length} ${noun}s: ${compression.skipped.length} skipped, ` +
            `${compression.decisions.filter((d) => d.action === 'merge').length} merged.`,
        compression
      };
    },

    /** Accepts a plan (replacing any earlier one; the ledger is kept). */
    async accept(user: SignedInUser, body: AcceptPlanBody) {
      const b = acceptPlanBodySchema.parse(body);
      const road = roadmap(b.roadmap);
      const problem = layoutProblem(road, b.slots, b.skipped);
      if (problem) throw new ApiError(400, 'VALIDATION_FAILED', problem, { slots: problem });
      const at = now();
      const old = await repos.plans.find(user._id);
      const doc: PlanDoc = {
        _id: user._id,
        roadmap: b.roadmap,
        level: b.level,
        timeZone: b.timeZone,
        start: b.start,
        interview: b.interview,
        layoutJson: JSON.stringify({ slots: b.slots, skipped: b.skipped, rechecks: [] } satisfies Layout),
        ticks: [],
        mocks: [],
        ledger: old?.ledger ?? { goals: [], oops: [], log: [] },
        createdAt: at,
        updatedAt: at
      };
      await repos.plans.replace(doc);
      return { plan: present(doc, road, specOf(doc), todayIn(at, doc.timeZone)) };
    },

    async get(user: SignedInUser) {
      const doc = await repos.plans.find(user._id);
      if (!doc) return { plan: null };
      const road = roadmap(doc.roadmap as SeedFile);
      return { plan: present(doc, road, specOf(doc), todayIn(now(), doc.timeZone)) };
    },

    async remove(user: SignedInUser) {
      await repos.plans.remove(user._id);
    },

    /** Today's work, or null for someone with no plan yet (the dashboard asks everyone: that is not an error). */
    async today(user: SignedInUser) {
      return (await repos.plans.find(user._id)) ? todayOf(user) : null;
    },

    /** Ticks a task of the current unit (a daily one for today); answers with the progress. */
    async tick(user: SignedInUser, taskId: string, done: boolean) {
      const { doc, road, spec, today } = await load(user);
      const task = road.units.flatMap((u) => u.tasks).find((t) => t.id === taskId);
      if (!task) throw new ApiError(404, 'NOT_FOUND', `The ${road.name} has no task ${taskId}.`);
      const existing = doc.ticks.find((t) => t.task === taskId && (task.daily ? t.on === today : true));
      const tick = existing && !done ? existing : { task: taskId, on: today };
      if (done === Boolean(existing) || (await repos.plans.tick(user._id, tick, done, now()))) {
        const ticks = done ? (existing ? doc.ticks : [...doc.ticks, tick]) : doc.ticks.filter((t) => t !== existing);
        const p = progress(road, spec, ticks, today);
        return {
          done,
          progress: progressView(p, null)
        };
      }
      throw noPlan();
    },

    /** Starts a scheduled mock (once: a second start answers with the same session). */
    async startMock(user: SignedInUser, mockId: string) {
      const { doc, road, spec, today } = await load(user);
      const already = doc.mocks.find((m) => m.id === mockId);
      const mock = scheduledMocks(layOut(road, spec, doc.ticks, today), spec).find((m) => m.id === mockId);
      if (!mock) throw new ApiError(404, 'NOT_FOUND', 'Your plan schedules no such mock.');
      if (already) return { sessionId: already.sessionId, kind: mock.kind };
      const session =
        mock.kind === 'behavioral'
          ? await sessions.startBehavioral(user, { level: doc.level as Level })
          : await sessions.start(
              user,
              { questionId: questionFor(mock, road, doc.level).id },
              mock.rubricId ? { rubricId: mock.rubricId } : {}
            );
      await repos.plans.startedMock(user._id, { id: mockId, sessionId: session._id.toHexString(), at: now() });
      return { sessionId: session._id.toHexString(), kind: mock.kind };
    },

    /** Takes a weak area into the plan: the units that teach it, and a recheck a few days later. */
    async acceptWeakArea(user: SignedInUser, area: string) {
      const { doc, road, spec, today } = await load(user);
      const proposal = proposeForWeakArea(road, spec, doc.ticks, area, today, PATTERN_IDS);
      if (proposal.units.length === 0) {
        throw new ApiError(400, 'VALIDATION_FAILED', `The ${road.name} teaches nothing for ${area}.`, {
          area: 'Not taught here'
        });
      }
      const next = acceptWeakArea(road, spec, doc.ticks, proposal, today);
      const layout: Layout = { slots: next.slots, skipped: next.skipped, rechecks: next.rechecks };
      await repos.plans.setLayout(user._id, JSON.stringify(layout), now());
      return { plan: present({ ...doc, layoutJson: JSON.stringify(layout) }, road, next, today) };
    },

    async ledger(user: SignedInUser) {
      const { doc, road } = await load(user);
      return { ledger: doc.ledger, markdown: ledgerMarkdown(doc.ledger, `Learning Ledger · ${road.name}`) };
    },

    async saveLedger(user: SignedInUser, ledger: LedgerBody) {
      const { road } = await load(user);
      await repos.plans.setLedger(user._id, ledger, now());
      return { ledger, markdown: ledgerMarkdown(ledger, `Learning Ledger · ${road.name}`) };
    },

    /** The plan's mocks and the reviews due as an iCalendar file (plan-calendar.ts). */
    async calendar(user: SignedInUser, origin: string) {
      const { doc, road, spec, today } = await load(user);
      const { reviews } = await userData.insights(user);
      const mocks = scheduledMocks(layOut(road, spec, doc.ticks, today), spec);
      return planCalendar({ userId: user._id.toHexString(), road, mocks, reviews, interview: doc.interview, origin });
    },

    /** The plan as the user's data export holds it. */
    async exportFor(user: SignedInUser) {
      const doc = await repos.plans.find(user._id);
      if (!doc) return null;
      const spec = specOf(doc);
      return {
        roadmap: doc.roadmap,
        level: doc.level,
        timeZone: doc.timeZone,
        start: doc.start,
        interview: doc.interview,
        slots: spec.slots,
        skipped: spec.skipped,
        rechecks: spec.rechecks,
        ticks: doc.ticks,
        mocks: doc.mocks.map((m) => ({ ...m, at: m.at.toISOString() })),
        ledger: doc.ledger,
        unitsDone: roadmap(doc.roadmap as SeedFile)
          .units.filter((u) => unitDone(u, doc.ticks))
          .map((u) => u.key)
      };
    }
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
