/** Recurring weak areas across all of a user's sessions, and what to practise next. */
import { hireSignalSchema } from '@mockloop/rubrics';
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
  /**
   * Recurring weak areas, one per rubric criterion (the same criterion of the same rubric across sessions), counted
   * over the sessions whose rubric has it; ranked by how often and how recently it scored low and how sure that is.
   */
  weakAreas: z.array(
    z.object({
      /** `rubricId:criterionId`. */
      key: z.string(),
      rubricId: z.string(),
      criterionId: z.string(),
      /** The criterion's name as its rubric and the result page say it. */
      name: z.string(),
      /** The kind of mock the rubric scores: design, coding, behavioral. */
      kind: z.string(),
      /** The competency it counts towards: a view on top, never where a criterion disappears. */
      competencyId: z.string(),
      competencyName: z.string(),
      /** Of the last sessions that measured it, how many rated it 2 or below (a peer's rating where there is one). */
      lowCount: z.int(),
      measuredCount: z.int(),
      lastLowAt: z.string(),
      /** The same window counted on each side alone, so a page can say whose ratings decided. */
      self: z.object({ lowCount: z.int(), measuredCount: z.int(), mean: z.number().nullable() }),
      peer: z.object({ lowCount: z.int(), measuredCount: z.int(), mean: z.number().nullable() }),
      /** Whose ratings the decision used: only the candidate's, only peers', or peers' where present. */
      basis: z.enum(['self', 'peer', 'mixed']),
      /** Mean of the ratings used (1–4). */
      meanRating: z.number(),
      /** 0–1: the recency-weighted share of low ratings, how low, and how sure (fewer than three sessions count less). */
      score: z.number(),
      /** Three or more sessions measured it: a trend, not a first impression. */
      trend: z.boolean(),
      /** One line on why it is listed. */
      why: z.string(),
      study: z.array(studyRefSchema)
    })
  ),
  oops: z.array(
    z.object({
      tag: z.string(),
      count: z.int(),
      /** Scored sessions of the kinds that can show this mistake: "4 of 4 design mocks". */
      applicable: z.int(),
      /** The kinds of mock that can show it. */
      kinds: z.array(z.string()),
      sessionIds: z.array(z.string())
    })
  ),
  phases: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sessions: z.int(),
      /** Mean minutes the plan gave it, and mean minutes spent (plan plus overrun), in the sessions that spent time in it. */
      meanPlannedMinutes: z.number(),
      meanOverrunMinutes: z.number(),
      overrunCount: z.int()
    })
  ),
  /** Self minus peer, on the criteria both rated: overall, per kind of mock and per criterion over time. */
  calibration: z.object({
    meanGap: z.number().nullable(),
    reviews: z.int(),
    byKind: z.array(
      z.object({
        kind: z.string(),
        meanGap: z.number(),
        /** Peer-scored sessions it rests on. */
        sessions: z.int(),
        /** "You under-rate your system design by about one level", where the gap holds; null otherwise. */
        statement: z.string().nullable()
      })
    ),
    byCriterion: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        kind: z.string(),
        meanGap: z.number(),
        points: z.array(z.object({ sessionId: z.string(), at: z.string(), gap: z.number() })),
        statement: z.string().nullable()
      })
    ),
    /** The peer's hire signal the candidate predicted (before seeing it) against the signals peers gave. */
    prediction: z.object({
      /** Sessions with a prediction and at least one peer's signal, oldest first (the latest 100). */
      points: z.array(
        z.object({
          sessionId: z.string(),
          at: z.string(),
          predicted: hireSignalSchema,
          /** Each peer's signal, lowest first. */
          actual: z.array(hireSignalSchema)
        })
      ),
      /** Predictions set against a peer's signal (one per peer), and how many of those were right. */
      compared: z.int(),
      matched: z.int(),
      /** Predicted minus given, in signal levels (Strong No Hire … Strong Hire); null before any comparison. */
      meanGap: z.number().nullable(),
      /** "You expect a lower hire signal than your peers give you, by about one level", where it holds. */
      statement: z.string().nullable()
    })
  }),
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
      /** Problems: the question to retry; oops tags: a question of the kind that can show it, not done lately. */
      questionId: z.string().nullable(),
      /** The kind of mock that reviews it: one where the mistake could happen again. */
      sessionKind: z.string(),
      /** Times it happened, and scored sessions that could have shown it (oops tags). */
      occurrences: z.int(),
      applicable: z.int(),
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
      /** The weak area (`rubricId:criterionId`) it practises, or null for a weak coding pattern's problem. */
      areaKey: z.string().nullable(),
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
