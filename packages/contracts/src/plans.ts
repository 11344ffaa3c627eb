/** The study plan: a roadmap on the calendar to the interview, today's work, progress, readiness, the ledger. */
import { levelSchema } from '@mockloop/question-bank/schema';
import { SEED_FILES } from '@mockloop/rubrics';
import { ROUNDS } from '@mockloop/rubrics/plan';
import { z } from 'zod';
import { calendarDateSchema } from './dates.ts';
import { mockKindSchema } from './questions.ts';
import { wellFormedText } from './text.ts';

const unitKeySchema = z.string().regex(/^[dw]\d\d$/, 'A unit key such as d16 or w05');
const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'An IANA time zone such as Europe/Berlin');

export const planRoundSchema = z.enum(ROUNDS);
export type PlanRound = z.infer<typeof planRoundSchema>;

/** What a user picks: a roadmap and its level, the start, the interview (if they have one), their time zone. */
export const planChoiceSchema = z
  .object({
    roadmap: z.enum(SEED_FILES),
    level: levelSchema,
    start: calendarDateSchema,
    interview: calendarDateSchema.nullable().default(null),
    timeZone: timeZoneSchema
  })
  .refine((c) => c.interview === null || c.interview > c.start, {
    message: 'The interview comes after the start',
    path: ['interview']
  });
export type PlanChoice = z.input<typeof planChoiceSchema>;

export const planUnitSchema = z.object({
  key: z.string(),
  n: z.int(),
  title: z.string(),
  phase: z.string(),
  goal: z.string().nullable(),
  teaches: z.array(z.string()),
  tasks: z.int()
});

export const roadmapSummarySchema = z.object({
  file: z.enum(SEED_FILES),
  name: z.string(),
  unitDays: z.int(),
  unitNoun: z.string(),
  units: z.array(planUnitSchema)
});
export const roadmapListSchema = z.object({ items: z.array(roadmapSummarySchema) });

export const compressionSchema = z.object({
  available: z.int(),
  needed: z.int(),
  slots: z.array(z.array(z.string())),
  skipped: z.array(z.string()),
  decisions: z.array(z.object({ action: z.enum(['skip', 'merge']), units: z.array(z.string()), reason: z.string() }))
});

/** The proposed layout: the whole roadmap when it fits before the interview, else compressed by the user's scores. */
export const planPreviewSchema = z.object({
  roadmap: roadmapSummarySchema,
  fits: z.boolean(),
  message: z.string(),
  compression: compressionSchema
});
export type PlanPreview = z.infer<typeof planPreviewSchema>;

/** Accepting a plan: the choice and the layout as the user accepted or edited it. */
export const acceptPlanBodySchema = z.intersection(
  planChoiceSchema,
  z.object({
    slots: z.array(z.array(unitKeySchema).min(1).max(4)).min(1).max(60),
    skipped: z.array(unitKeySchema).max(60).default([])
  })
);
export type AcceptPlanBody = z.input<typeof acceptPlanBodySchema>;

export const placedSlotSchema = z.object({
  index: z.int(),
  units: z.array(z.object({ key: z.string(), title: z.string(), phase: z.string() })),
  start: z.string(),
  end: z.string(),
  moved: z.int()
});

export const scheduledMockSchema = z.object({
  id: z.string(),
  on: z.string(),
  kind: mockKindSchema,
  title: z.string(),
  rubricId: z.string().nullable(),
  pattern: z.string().nullable(),
  unit: z.string().nullable(),
  area: z.string().nullable(),
  /** The session it was started as. */
  sessionId: z.string().nullable()
});

export const planSchema = z.object({
  roadmap: z.enum(SEED_FILES),
  roadmapName: z.string(),
  unitNoun: z.string(),
  level: levelSchema,
  start: z.string(),
  interview: z.string().nullable(),
  timeZone: z.string(),
  skipped: z.array(z.object({ key: z.string(), title: z.string() })),
  slots: z.array(placedSlotSchema),
  mocks: z.array(scheduledMockSchema),
  createdAt: z.string()
});
export type Plan = z.infer<typeof planSchema>;
export const planResponseSchema = z.object({ plan: planSchema.nullable() });

export const progressSchema = z.object({
  done: z.int(),
  total: z.int(),
  percent: z.number(),
  phase: z.string().nullable(),
  current: z.object({ unit: z.string(), title: z.string() }).nullable(),
  nextUp: z.object({ unit: z.string(), title: z.string() }).nullable(),
  /** From the user's best result this week, else the last unit done. */
  latestAchievement: z.string().nullable(),
  streak: z.int(),
  overrunDays: z.int()
});

export const readinessSchema = z.object({
  round: planRoundSchema,
  estimate: z.number().nullable(),
  bar: z.number(),
  confidence: z.enum(['none', 'low', 'medium', 'high']),
  sessions: z.int(),
  peerScored: z.int(),
  restsOn: z.string(),
  history: z.array(z.object({ at: z.string(), estimate: z.number() }))
});

export const todayTaskSchema = z.object({
  id: z.string(),
  unit: z.string(),
  label: z.string().nullable(),
  text: z.string(),
  daily: z.boolean(),
  done: z.boolean(),
  carried: z.boolean()
});

export const weakAreaProposalSchema = z.object({
  area: z.string(),
  name: z.string(),
  units: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      status: z.enum(['done', 'planned', 'skipped']),
      on: z.string().nullable()
    })
  ),
  recheck: z.object({ on: z.string(), kind: mockKindSchema })
});

/** The dashboard's first screen: today's tasks, the mocks to run, the reviews due, progress and readiness. */
export const planTodaySchema = z.object({
  date: z.string(),
  roadmapName: z.string(),
  unitNoun: z.string(),
  unit: z.object({ keys: z.array(z.string()), title: z.string(), goal: z.string().nullable() }).nullable(),
  tasks: z.array(todayTaskSchema),
  mocks: z.array(scheduledMockSchema),
  reviews: z.array(
    z.object({ kind: z.string(), tag: z.string(), sessionKind: z.string(), questionId: z.string().nullable() })
  ),
  progress: progressSchema,
  readiness: z.array(readinessSchema),
  weakAreas: z.array(weakAreaProposalSchema)
});
export type PlanToday = z.infer<typeof planTodaySchema>;
/** `GET /api/plan/today`: null before the person has a plan. */
export const planTodayResponseSchema = planTodaySchema.nullable();

export const tickParamsSchema = z.object({
  taskId: z.string().regex(/^[dw]\d\d\.\d{1,3}$/, 'A task id such as w05.2')
});
export const tickBodySchema = z.object({ done: z.boolean() });
export const tickResponseSchema = z.object({ done: z.boolean(), progress: progressSchema });

export const planMockParamsSchema = z.object({
  mockId: z.string().regex(/^([dw]\d\d\.m\d|recheck\.\d{1,3})$/, 'A scheduled mock id such as w03.m0')
});
export const startedPlanMockSchema = z.object({ sessionId: z.string(), kind: mockKindSchema });

export const weakAreaParamsSchema = z.object({ area: z.string().min(2).max(60) });

const entry = z.object({ on: calendarDateSchema, text: wellFormedText().trim().min(1).max(2000) });
export const ledgerSchema = z.object({
  goals: z.array(wellFormedText().trim().min(1).max(500)).max(50),
  oops: z.array(entry).max(500),
  log: z.array(entry).max(2000)
});
export type LedgerBody = z.infer<typeof ledgerSchema>;
export const ledgerResponseSchema = z.object({ ledger: ledgerSchema, markdown: z.string() });
