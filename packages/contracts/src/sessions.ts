/** Timed mock sessions: starting one, moving through phases, submitting and self-scoring (the work: work.ts). */
import { levelSchema } from '@mockloop/question-bank/schema';
import {
  BEHAVIORAL_LENGTHS_MIN,
  BEHAVIORAL_MAX_PROMPTS,
  DESIGN_PHASES_60,
  hireSignalSchema,
  leadershipThemeSchema,
  promptPhaseId,
  rubricSchema
} from '@mockloop/rubrics';
import { z } from 'zod';
import { assessmentSchema } from './assessments.ts';
import { SESSION_LENGTHS_MIN } from './constants.ts';
import { calendarDateSchema } from './dates.ts';
import { byCriterion } from './criteria.ts';
import { mockKindSchema, sessionBehavioralQuestionSchema, sessionQuestionSchema } from './questions.ts';
import { wellFormedText } from './text.ts';
import { designNotesSchema, sceneSchema, sessionWorkSchema } from './work.ts';

export * from './constants.ts';

/** One of these lengths in minutes (spelled out for the document: its generator keeps only a literal's first value). */
function minutesOf(lengths: readonly number[]) {
  return z
    .literal(lengths, { error: `Choose ${lengths.join(', ')} minutes` })
    .meta({ type: 'integer', enum: [...lengths] });
}

export const createSessionBodySchema = z.object({
  questionId: z.string().min(1).max(200),
  /** Design: 45, 60 or 90; coding: any of them (the problem's time box by default). */
  durationMin: minutesOf(SESSION_LENGTHS_MIN).optional()
});
export type CreateSessionBody = z.infer<typeof createSessionBodySchema>;

/**
 * A behavioral mock: 30 or 45 minutes, either the prompts chosen (`questionIds`, 1–4) or `count` prompts (2–4) drawn
 * from the bank by level and theme.
 */
export const createBehavioralMockBodySchema = z.object({
  durationMin: z.int().min(1).max(180).default(BEHAVIORAL_LENGTHS_MIN[0]),
  questionIds: z
    .array(z.string().min(1).max(200))
    .min(1)
    .max(BEHAVIORAL_MAX_PROMPTS)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Choose different prompts' })
    .optional(),
  count: z.int().min(2).max(BEHAVIORAL_MAX_PROMPTS).default(3),
  level: levelSchema.optional(),
  theme: leadershipThemeSchema.optional()
});
export type CreateBehavioralMockBody = z.input<typeof createBehavioralMockBodySchema>;

/** Lengths of an assessment: two problems on one clock, like the 16-week roadmap's LeetCode assessment mode. */
export const ASSESSMENT_LENGTHS_MIN = [60, 90, 120] as const;

/**
 * An assessment: two coding problems, one clock. Without `questionIds` the server picks an easy-or-medium
 * problem and a medium-or-hard one.
 */
export const createAssessmentBodySchema = z.object({
  questionIds: z
    .array(z.string().min(1).max(200))
    .length(2)
    .refine(([a, b]) => a !== b, { message: 'Choose two different problems' })
    .meta({ minItems: 2, maxItems: 2, uniqueItems: true })
    .optional(),
  durationMin: minutesOf(ASSESSMENT_LENGTHS_MIN).optional()
});
export type CreateAssessmentBody = z.infer<typeof createAssessmentBodySchema>;

/** Phase ids of the design plan: the only phases a session has (coding sessions have none). */
/** A design phase, or a behavioral mock's prompt (prompt-1 … prompt-4: each prompt is a phase). */
export const phaseIdSchema = z.enum(
  [...DESIGN_PHASES_60.map((p) => p.id), ...[1, 2, 3, 4].map(promptPhaseId)] as [string, ...string[]],
  { error: 'Unknown phase' }
);
export const phaseBodySchema = z.object({ phaseId: phaseIdSchema });

export const phaseSchema = z.object({ id: z.string(), name: z.string(), minutes: z.number(), startsAtMin: z.number() });
export const phaseStartSchema = z.object({ phaseId: z.string(), startedAt: z.string() });

export const selfScoreBodySchema = z.object({
  ratings: byCriterion(z.int().min(1).max(4)),
  notes: byCriterion(wellFormedText().max(4000)).default({}),
  oops: z.array(wellFormedText().trim().min(1).max(60)).max(30).default([]),
  summary: wellFormedText().max(10_000).default(''),
  /**
   * The hire signal the candidate expects a peer to give, made before any peer's score is visible (afterwards a
   * change is refused with 409 PREDICTION_CLOSED). Omitted: the stored prediction is kept; null: none.
   */
  peerPrediction: hireSignalSchema.nullable().optional()
});
export type SelfScoreBody = z.infer<typeof selfScoreBodySchema>;

export const scoreSchema = z.object({
  ratings: z.record(z.string(), z.int()),
  notes: z.record(z.string(), z.string()),
  oops: z.array(z.string()),
  summary: z.string(),
  score: z.number(),
  hireSignal: hireSignalSchema,
  savedAt: z.string(),
  /** The peer's hire signal the candidate predicted, and when (before any peer's score was visible). */
  peerPrediction: z.object({ hireSignal: hireSignalSchema, at: z.string() }).nullable()
});
export type Score = z.infer<typeof scoreSchema>;

export const evidenceSchema = z.object({
  phases: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      plannedMinutes: z.number(),
      actualMinutes: z.number(),
      overrunMinutes: z.number()
    })
  ),
  /** Each key point: covered by a phrase or two co-occurring terms (`matched`), or only mentioned in passing. */
  keyPoints: z.array(
    z.object({
      point: z.string(),
      level: z.string(),
      covered: z.boolean(),
      matched: z.array(z.string()),
      mentioned: z.array(z.string())
    })
  ),
  estimatesWritten: z.boolean(),
  /** Coding sessions: the latest submission's hidden-test result and the time used against the box. */
  coding: z
    .object({
      /** The latest self-run result: judged in the candidate's browser, not seen computed by the server. */
      passed: z.int().nullable(),
      total: z.int(),
      /** Whether a reviewer confirmed that submission on held-back tests (peer-confirmed), and how it did. */
      confirmed: z.boolean(),
      confirmedPassed: z.int().nullable(),
      confirmedTotal: z.int().nullable(),
      minutesUsed: z.number(),
      boxMinutes: z.number()
    })
    .nullable(),
  /** Behavioral mocks: per prompt, the STAR parts and their length, a number in the result, I against we, time. */
  behavioral: z
    .object({
      prompts: z.array(
        z.object({
          n: z.int(),
          questionId: z.string(),
          title: z.string(),
          storyId: z.string().nullable(),
          parts: z.record(z.string(), z.object({ words: z.int(), present: z.boolean() })),
          partsPresent: z.int(),
          reflected: z.boolean(),
          resultQuantified: z.boolean(),
          action: z.object({ i: z.int(), we: z.int(), iShare: z.number().nullable() }),
          plannedMinutes: z.number(),
          actualMinutes: z.number()
        })
      )
    })
    .nullable(),
  /** Suggested ratings for measurable criteria: criterion id → rating and why. */
  autoRatings: z.record(z.string(), z.object({ rating: z.int(), reason: z.string() }))
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const sessionStatusSchema = z.enum(['active', 'submitted']);

export const sessionSchema = z.object({
  id: z.string(),
  /** Who is looking: the candidate, or a peer reviewing it read-only. */
  role: z.enum(['owner', 'reviewer']),
  kind: mockKindSchema,
  status: sessionStatusSchema,
  question: sessionQuestionSchema,
  /** A behavioral mock's prompts in order (its phases are `prompt-1`…); empty for other kinds. */
  prompts: z.array(sessionBehavioralQuestionSchema),
  rubric: rubricSchema,
  durationMin: z.int(),
  startedAt: z.string(),
  deadline: z.string(),
  /** The server's clock when it answered: the client counts down from its offset to this. */
  serverNow: z.string(),
  submittedAt: z.string().nullable(),
  submitReason: z.enum(['finished', 'deadline']).nullable(),
  revision: z.int(),
  phasePlan: z.array(phaseSchema),
  phaseLog: z.array(phaseStartSchema),
  work: sessionWorkSchema,
  selfScore: scoreSchema.nullable(),
  /** Present once the session is submitted. */
  evidence: evidenceSchema.nullable(),
  /** The assessment this coding session is one problem of, or null for a single-problem mock. */
  assessment: assessmentSchema.nullable(),
  /** The interview loop this session is a round of (its feedback is written in the loop, blind), or null. */
  loop: z.object({ id: z.string(), round: z.int() }).nullable()
});
export type Session = z.infer<typeof sessionSchema>;
export const sessionResponseSchema = z.object({ session: sessionSchema });

/** Whose side of a session a history row is: the mock you took, or the interview you gave (through an invite). */
export const historyRoleSchema = z.enum(['candidate', 'interviewer']);
export type HistoryRole = z.infer<typeof historyRoleSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  /** `interviewer`: a session of someone else's you interviewed; `score` and `hireSignal` are then your feedback's. */
  role: historyRoleSchema,
  /** The candidate you interviewed (null on your own sessions). */
  candidateName: z.string().nullable(),
  /** Whether you may still open it: always your own; an interview you gave while its invite is in force. */
  readable: z.boolean(),
  kind: mockKindSchema,
  status: sessionStatusSchema,
  questionId: z.string(),
  questionTitle: z.string(),
  startedAt: z.string(),
  deadline: z.string(),
  submittedAt: z.string().nullable(),
  score: z.number().nullable(),
  hireSignal: hireSignalSchema.nullable(),
  /** The assessment this session is one problem of (its parts share `id`, `part` counts from 0), or null. */
  assessment: z.object({ id: z.string(), part: z.int().min(0) }).nullable()
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export const sessionListQuerySchema = z.object({
  /** Only the mocks you took (`candidate`) or only the interviews you gave (`interviewer`); both when absent. */
  role: historyRoleSchema.optional(),
  kind: mockKindSchema.optional(),
  status: sessionStatusSchema.optional(),
  /** Sessions started on or after this day (YYYY-MM-DD, UTC). */
  from: calendarDateSchema.optional(),
  /** Sessions started on or before this day (YYYY-MM-DD, UTC). */
  to: calendarDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50)
});
export const sessionListSchema = z.object({ items: z.array(sessionSummarySchema) });

/** The work at one moment of the session, for the replay (whiteboard images come from the final scene). */
export const snapshotSchema = z.object({
  at: z.string(),
  phaseId: z.string(),
  notes: designNotesSchema,
  scene: z.object({ elements: sceneSchema.shape.elements })
});
export type Snapshot = z.infer<typeof snapshotSchema>;
export const snapshotListSchema = z.object({ items: z.array(snapshotSchema) });

/**
 * The reference answer, once the session is finished (GET /sessions/{id}/reference; 409 before): a coding problem's
 * editorial with its complexity and the bank's reference solutions, a design prompt's model answer outline (the
 * points a strong answer covers, by level). Null for a kind without one (behavioral, a loop).
 */
export const sessionReferenceSchema = z.object({
  reference: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('coding'),
        approach: z.string(),
        time: z.string(),
        space: z.string(),
        /** The bank's reference solutions; null when the bank no longer has them (an old problem). */
        solutions: z.object({ typescript: z.string(), python: z.string() }).nullable()
      }),
      z.object({
        kind: z.literal('design'),
        outline: z.array(z.object({ point: z.string(), level: z.string() })),
        /** The probes an interviewer asks of it. */
        followUps: z.array(z.string())
      })
    ])
    .nullable()
});
export type SessionReference = z.infer<typeof sessionReferenceSchema>['reference'];
