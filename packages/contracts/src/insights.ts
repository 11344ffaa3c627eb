/** Recurring weak areas across all of a user's sessions, and what to practise next. */
import { z } from 'zod';
import { weekStartSchema } from './dates.ts';
import { wellFormedText } from './text.ts';

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
      /** Of the last sessions that measured it, how many rated it 2 or below (a peer's rating where there is one). */
      lowCount: z.int(),
      measuredCount: z.int(),
      lastLowAt: z.string(),
      /** The same window counted on each side alone, so a page can say whose ratings decided. */
      self: z.object({ lowCount: z.int(), measuredCount: z.int(), mean: z.number().nullable() }),
      peer: z.object({ lowCount: z.int(), measuredCount: z.int(), mean: z.number().nullable() }),
      /** Whose ratings the decision used: only the candidate's, only peers', or peers' where present. */
      basis: z.enum(['self', 'peer', 'mixed']),
      /** Mean of the ratings used (1–4): ranks areas equally often low, lowest first. */
      meanRating: z.number(),
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
  /** Per rubric criterion: the same criterion of the same rubric across sessions, self and peer. */
  criteria: z.array(
    z.object({
      rubricId: z.string(),
      rubricTitle: z.string(),
      criterionId: z.string(),
      name: z.string(),
      competencyId: z.string(),
      points: z.array(trendPointSchema)
    })
  ),
  /** Coding by the 16-week roadmap's patterns. */
  patterns: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sessions: z.int(),
      /** Sessions with a judged submission. */
      judged: z.int(),
      /** Mean share of hidden tests passed by the last judged submission (0–1). */
      passRate: z.number().nullable(),
      solved: z.int(),
      meanSolveMinutes: z.number().nullable(),
      weak: z.boolean(),
      study: z.array(studyRefSchema)
    })
  ),
  /** Coding time (to the solve, or the whole session when unsolved) against the time box of the difficulty. */
  codingTime: z.object({
    sessions: z.int(),
    overBoxCount: z.int(),
    byDifficulty: z.array(
      z.object({
        difficulty: z.string(),
        boxMinutes: z.number(),
        sessions: z.int(),
        meanMinutes: z.number(),
        overBoxCount: z.int()
      })
    )
  }),
  /**
   * What comes back for review on a spaced-repetition schedule (1, 3, 7, 21 days): oops tags, and coding
   * problems that ended unsolved (a later solve of the same problem pushes it further out, a fail resets it).
   */
  reviews: z.array(
    z.object({
      kind: z.enum(['oops', 'problem']),
      /** The oops tag, or the problem's title. */
      tag: z.string(),
      /** Problems: the question to retry. */
      questionId: z.string().nullable(),
      stage: z.int(),
      lastSeenAt: z.string(),
      dueAt: z.string(),
      due: z.boolean()
    })
  ),
  /** This week's tracker, in the 16-week roadmap's "Week X Recap" template. */
  recap: z.object({
    weekStart: z.string(),
    mocks: z.int(),
    solved: z.int(),
    pattern: z.string().nullable(),
    biggestOops: z.string().nullable(),
    win: z.string().nullable(),
    /** Filled from the week's sessions. */
    markdown: z.string(),
    /** The user's edited version of this week's recap, when they saved one. */
    saved: z.object({ markdown: z.string(), savedAt: z.string() }).nullable()
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

/** A week's recap as the user edited it. */
export const recapBodySchema = z.object({ markdown: wellFormedText().max(20_000) });
export const recapParamsSchema = z.object({ weekStart: weekStartSchema });
export const savedRecapSchema = z.object({ weekStart: z.string(), markdown: z.string(), savedAt: z.string() });
