/** Recurring weak areas across all of a user's sessions, and what to practise next. */
import { z } from 'zod';

const studyRefSchema = z.object({ file: z.string(), section: z.string(), label: z.string(), topic: z.string() });

export const trendPointSchema = z.object({
  sessionId: z.string(),
  at: z.string(),
  /** Mean rating (1–4) of the session's criteria in this competency; null when that side did not rate it. */
  self: z.number().nullable(),
  peer: z.number().nullable()
});

export const insightsSchema = z.object({
  sessionsScored: z.int(),
  competencies: z.array(
    z.object({ id: z.string(), name: z.string(), points: z.array(trendPointSchema), latest: z.number().nullable() })
  ),
  weakAreas: z.array(
    z.object({
      competencyId: z.string(),
      name: z.string(),
      /** Of the last sessions that measured it, how many rated it 2 or below. */
      lowCount: z.int(),
      measuredCount: z.int(),
      lastLowAt: z.string(),
      study: z.array(studyRefSchema)
    })
  ),
  oops: z.array(z.object({ tag: z.string(), count: z.int(), sessionIds: z.array(z.string()) })),
  phases: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sessions: z.int(),
      meanOverrunMinutes: z.number(),
      overrunCount: z.int()
    })
  ),
  calibration: z.object({ meanGap: z.number().nullable(), reviews: z.int() }),
  /** Oops tags on a spaced-repetition schedule (1, 3, 7, 21 days). */
  reviews: z.array(
    z.object({ tag: z.string(), stage: z.int(), lastSeenAt: z.string(), dueAt: z.string(), due: z.boolean() })
  ),
  /** This week's tracker, in the 16-week roadmap's "Week X Recap" template. */
  recap: z.object({
    weekStart: z.string(),
    mocks: z.int(),
    solved: z.int(),
    pattern: z.string().nullable(),
    biggestOops: z.string().nullable(),
    win: z.string().nullable(),
    markdown: z.string()
  }),
  practiceNext: z.array(
    z.object({
      questionId: z.string(),
      title: z.string(),
      kind: z.string(),
      reason: z.string(),
      study: z.array(studyRefSchema)
    })
  )
});
export type Insights = z.infer<typeof insightsSchema>;
