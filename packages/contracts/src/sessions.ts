/** Timed mock sessions: starting one, autosaving its work, moving through phases, submitting and self-scoring. */
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
import {
  BEHAVIORAL_NOTE_KEYS,
  MAX_NOTE_BYTES,
  MAX_SCENE_DEPTH,
  SESSION_LENGTHS_MIN,
  type BehavioralNoteKey
} from './constants.ts';
import { calendarDateSchema } from './dates.ts';
import { byCriterion } from './criteria.ts';
import { publicBehavioralQuestionSchema, sessionQuestionSchema } from './questions.ts';
import { storedText, wellFormedText } from './text.ts';

export * from './constants.ts';

const noteSchema = storedText(MAX_NOTE_BYTES, 'A note');
/** A behavioral mock's notes per prompt (p1Situation … p4Differently, p1Story, p1Asked): see BEHAVIORAL_NOTE_KEYS. */
const behavioralNotesShape = Object.fromEntries(
  BEHAVIORAL_NOTE_KEYS.map((key) => [key, noteSchema.optional()])
) as Record<BehavioralNoteKey, z.ZodOptional<typeof noteSchema>>;
export const designNotesSchema = z.strictObject({
  functional: noteSchema.optional(),
  nonFunctional: noteSchema.optional(),
  estimates: noteSchema.optional(),
  apiDataModel: noteSchema.optional(),
  design: noteSchema.optional(),
  deepDives: noteSchema.optional(),
  tradeoffs: noteSchema.optional(),
  approach: noteSchema.optional(),
  timeComplexity: noteSchema.optional(),
  spaceComplexity: noteSchema.optional(),
  edgeCases: noteSchema.optional(),
  /** The coding session's current language, and its code per language. */
  language: z.enum(['javascript', 'typescript', 'python']).optional(),
  codeJavascript: noteSchema.optional(),
  codeTypescript: noteSchema.optional(),
  codePython: noteSchema.optional(),
  ...behavioralNotesShape
});
/** Every text field a session's work holds: design notes, or a coding session's notes and code. */
export type DesignNotes = z.infer<typeof designNotesSchema>;

/** How deep arrays and objects nest in `value` (a scalar is 0), counted without recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_SCENE_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * An Excalidraw scene as the editor exports it; its elements are opaque to the server but must be objects with
 * ids, nested at most MAX_SCENE_DEPTH deep (deeper ones could not even be encoded for storage).
 */
export const sceneSchema = z
  .object({
    elements: z.array(z.looseObject({ id: z.string().max(100), type: z.string().max(50) })).max(50_000),
    files: z.record(z.string().max(100), z.unknown()).optional()
  })
  .superRefine((scene, context) => {
    const parts: [string | number, unknown][] = [
      ...scene.elements.map((element, i) => [i, element] as [number, unknown]),
      ...Object.entries(scene.files ?? {})
    ];
    for (const [key, part] of parts) {
      // The scene itself and its `elements` array or `files` object are two levels above each part.
      if (nestingDepth(part) + 2 > MAX_SCENE_DEPTH) {
        context.addIssue({
          code: 'custom',
          path: [typeof key === 'number' ? 'elements' : 'files', key],
          message: `Nested more than ${MAX_SCENE_DEPTH} levels deep`
        });
        return;
      }
    }
  })
  .meta({ 'x-maxDepth': MAX_SCENE_DEPTH, description: `Nested at most ${MAX_SCENE_DEPTH} levels deep.` });
export type Scene = z.infer<typeof sceneSchema>;

export const sessionWorkSchema = z.object({
  notes: designNotesSchema,
  scene: sceneSchema
});
export type SessionWork = z.infer<typeof sessionWorkSchema>;

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

/** The problems of the assessment a session belongs to, in order, for switching between them. */
export const assessmentSchema = z.object({
  id: z.string(),
  parts: z.array(
    z.object({
      sessionId: z.string(),
      questionId: z.string(),
      questionTitle: z.string(),
      status: z.enum(['active', 'submitted'])
    })
  )
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** An autosave: the revision the client started from and the parts it changed (at least one of them). */
export const workPatchBodySchema = z
  .object({
    revision: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    notes: designNotesSchema.optional(),
    scene: sceneSchema.optional()
  })
  .refine((body) => body.notes !== undefined || body.scene !== undefined, {
    message: 'Send notes, scene or both',
    path: ['notes']
  })
  .meta({ anyOf: [{ required: ['notes'] }, { required: ['scene'] }] });
export type WorkPatchBody = z.infer<typeof workPatchBodySchema>;
export const workPatchResponseSchema = z.object({ revision: z.int(), savedAt: z.string() });

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
  summary: wellFormedText().max(10_000).default('')
});
export type SelfScoreBody = z.infer<typeof selfScoreBodySchema>;

export const scoreSchema = z.object({
  ratings: z.record(z.string(), z.int()),
  notes: z.record(z.string(), z.string()),
  oops: z.array(z.string()),
  summary: z.string(),
  score: z.number(),
  hireSignal: hireSignalSchema,
  savedAt: z.string()
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
  kind: z.enum(['design', 'coding', 'behavioral']),
  status: sessionStatusSchema,
  question: sessionQuestionSchema,
  /** A behavioral mock's prompts in order (its phases are `prompt-1`…); empty for other kinds. */
  prompts: z.array(publicBehavioralQuestionSchema),
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
  assessment: assessmentSchema.nullable()
});
export type Session = z.infer<typeof sessionSchema>;
export const sessionResponseSchema = z.object({ session: sessionSchema });

export const sessionSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['design', 'coding', 'behavioral']),
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
  kind: z.enum(['design', 'coding', 'behavioral']).optional(),
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

/** A coding submission: the code that ran on the hidden tests, and then what the candidate's browser measured. */
export const createSubmissionBodySchema = z.object({
  language: z.enum(['javascript', 'typescript', 'python']),
  code: noteSchema
});
export const submissionTestsSchema = z.object({
  n: z.int(),
  tests: z.array(z.object({ input: z.unknown(), expected: z.unknown() }))
});
/** One result per hidden test of the submission, in order (how many the submission has is on its tests). */
export const submissionResultBodySchema = z.object({
  results: z
    .array(z.object({ verdict: z.enum(['pass', 'fail', 'error', 'timeout']), ms: z.number().min(0).max(600_000) }))
    .min(1)
    .max(1000)
});
/**
 * A reviewer's confirmation of a submission: the reviewer's browser ran the code (in its sandbox) on tests the
 * candidate never received, and the server judged the outputs. Recorded once per reviewer and submission.
 */
export const confirmationSchema = z.object({
  reviewerName: z.string(),
  at: z.string(),
  passed: z.int(),
  total: z.int(),
  results: z.array(z.object({ verdict: z.enum(['pass', 'fail', 'error', 'timeout']) }))
});
export type Confirmation = z.infer<typeof confirmationSchema>;
/** The confirmation tests' inputs, for a reviewer's browser; their expected outputs stay on the server. */
export const confirmationInputsSchema = z.object({ n: z.int(), inputs: z.array(z.unknown()) });
/** What the reviewer's sandbox produced for each confirmation test, in order. */
export const confirmationBodySchema = z.object({
  outcomes: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('output'), value: z.unknown() }),
        z.object({ kind: z.literal('error'), message: z.string().max(2_000) }),
        z.object({ kind: z.literal('timeout') })
      ])
    )
    .max(1000)
});
export type ConfirmationBody = z.infer<typeof confirmationBodySchema>;

export const submissionSchema = z.object({
  n: z.int(),
  language: z.string(),
  code: z.string(),
  createdAt: z.string(),
  /** The candidate's own run (self-run): judged in the candidate's browser, not seen computed by the server. */
  passed: z.int().nullable(),
  total: z.int(),
  results: z.array(z.object({ verdict: z.string(), ms: z.number() })).nullable(),
  /** Peer-confirmed runs, one per reviewer who confirmed it. */
  confirmations: z.array(confirmationSchema)
});
export type Submission = z.infer<typeof submissionSchema>;
export const submissionListSchema = z.object({ items: z.array(submissionSchema) });
