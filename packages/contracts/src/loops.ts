/**
 * A full interview loop and its hiring committee: several rounds (each an ordinary session of its own kind, run
 * alone or live with one interviewer), blind written feedback per round, the candidate's prediction, the packet.
 *
 * Routes (all under /api, signed in; anyone else is told 404 as for a session):
 * - GET  /loop-templates                       anyone signed in: the templates by level (rounds to edit)
 * - POST /loops                                the candidate: start a loop from a template, rounds edited or not
 * - GET  /loops                                the candidate: their loops, newest first, each decided one with its
 *                                              outcome and how the prediction did
 * - GET  /loops/:id                            the candidate, or the interviewer of any of its rounds: the loop, blind
 * - PUT  /loops/:id/rounds/:n                  the candidate: edit a round not started yet (kind, length, question)
 * - POST /loops/:id/rounds/:n/start            the candidate: start round n's session (its clock starts now)
 * - PUT  /loops/:id/rounds/:n/mode             the candidate: a started round to solo (no interviewer) or live
 * - POST /loops/:id/rounds/:n/invites          the candidate: invite round n's one interviewer (the invite link)
 * - PUT  /loops/:id/rounds/:n/feedback         round n's interviewer only: written feedback + hire signal, draft
 *                                              until `submit` (then final; submit once the round has ended)
 * - PUT  /loops/:id/prediction                 the candidate: each round's signal and the decision, until the
 *                                              packet opens (then 409 PREDICTION_CLOSED)
 * - PUT  /loops/:id/committee                  the candidate: which rounds' interviewers sit on the committee
 * - GET  /loops/:id/packet                     the candidate and every round's interviewer, once every round is in
 *                                              (before: 409 PACKET_NOT_READY)
 * - PUT  /loops/:id/vote                       an interviewer invited to the committee, once the packet is open
 *
 * The blind rule: until every round is in (a live round when its interviewer submitted feedback, a solo round
 * when the candidate self-scored it), a round's feedback and signal appear only to the interviewer who wrote it;
 * the candidate and the other interviewers see `feedback: null` (and `feedbackSubmitted`). Then each live round's
 * feedback also becomes its session's peer score (`GET /sessions/:id/scores`, insights); never before.
 */
import { levelSchema } from '@mockloop/question-bank/schema';
import { hireSignalSchema } from '@mockloop/rubrics';
import { QUESTION_KINDS } from './kinds.ts';
import { z } from 'zod';
import { calendarDateSchema } from './dates.ts';
import { idParamSchema } from './params.ts';
import { peerScoreBodySchema, peerScoreSchema } from './reviews.ts';
import { evidenceSchema, scoreSchema } from './sessions.ts';
import { wellFormedText } from './text.ts';

/** The kinds a round can be: one session on one bank question (a loop is not a round). */
export const ROUND_KINDS = QUESTION_KINDS;
export const roundKindSchema = z.enum(ROUND_KINDS, { error: 'A round is coding, design or behavioral' });
export type RoundKind = z.infer<typeof roundKindSchema>;

/** The most rounds a loop holds, and the fewest. */
export const LOOP_MAX_ROUNDS = 6;
export const LOOP_MIN_ROUNDS = 1;

/** The committee's decision (Hold: the packet is split or thin; ask for another round). */
export const COMMITTEE_DECISIONS = ['Hire', 'No Hire', 'Hold'] as const;
export const committeeDecisionSchema = z.enum(COMMITTEE_DECISIONS);
export type CommitteeDecision = z.infer<typeof committeeDecisionSchema>;

export const loopLevelSchema = levelSchema;
export type LoopLevel = z.infer<typeof loopLevelSchema>;

/** A round as planned: what it is, how long, on which question (chosen from the bank when left out). */
export const roundPlanSchema = z.object({
  kind: roundKindSchema,
  /** What the round is called in the loop ("Coding 1", "ML system design", "Leadership"). */
  title: wellFormedText().trim().min(1).max(80),
  durationMin: z.int().min(1).max(180),
  /** A bank question of the round's kind; the server picks one by kind and level when left out. */
  questionId: z.string().min(1).max(200).optional(),
  /** The day planned for it (YYYY-MM-DD); rounds may share a day or spread over days. */
  plannedOn: calendarDateSchema.optional()
});
export type RoundPlan = z.infer<typeof roundPlanSchema>;

/** A template: a loop by target level, each round with its kind, length and rubric. */
export const loopTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  level: loopLevelSchema,
  /** All rounds on one day (an onsite) or one a day. */
  schedule: z.enum(['one-day', 'spread']),
  rounds: z.array(
    z.object({
      kind: roundKindSchema,
      title: z.string(),
      /** What the round probes, one line. */
      focus: z.string(),
      durationMin: z.int(),
      rubricId: z.string(),
      /** The bank question the loop starts it on unless another is chosen. */
      questionId: z.string().nullable()
    })
  )
});
export type LoopTemplate = z.infer<typeof loopTemplateSchema>;
export const loopTemplateListSchema = z.object({ items: z.array(loopTemplateSchema) });

/** Start a loop from a template; `rounds` (all of them, in order) replaces the template's when given. */
export const createLoopBodySchema = z.object({
  templateId: z.string().min(1).max(100),
  /** The level the loop is run at; the template's when left out. */
  level: loopLevelSchema.optional(),
  rounds: z.array(roundPlanSchema).min(LOOP_MIN_ROUNDS).max(LOOP_MAX_ROUNDS).optional(),
  /**
   * The first round's day: rounds with no day of their own are planned from it, all that day (`one-day`, an
   * onsite) or one a day (`spread`); the template's schedule when `schedule` is left out.
   */
  startOn: calendarDateSchema.optional(),
  schedule: z.enum(['one-day', 'spread']).optional()
});
export type CreateLoopBody = z.input<typeof createLoopBodySchema>;

/** Edit one round that has not started. */
export const editRoundBodySchema = roundPlanSchema;
export type EditRoundBody = z.input<typeof editRoundBodySchema>;

/** Start a round: alone (self-scored) or live with an interviewer invited to it. */
export const startRoundBodySchema = z.object({ mode: z.enum(['solo', 'live']) });
export type StartRoundBody = z.infer<typeof startRoundBodySchema>;

/**
 * Change a started round's mode: to solo when its interviewer never came (its invite revoked or never accepted), to
 * live to invite one; not once its feedback is submitted.
 */
export const roundModeBodySchema = startRoundBodySchema;

/** The path of a round: the loop's id and the round's index from 0. */
export const loopParamSchema = idParamSchema;
export const roundParamSchema = loopParamSchema.extend({
  n: z.coerce
    .number()
    .int()
    .min(0)
    .max(LOOP_MAX_ROUNDS - 1)
});

/** An interviewer's feedback on their round, with the round's rubric: a peer score's body, a draft until `submit`. */
export const roundFeedbackBodySchema = peerScoreBodySchema;
export type RoundFeedbackBody = z.input<typeof roundFeedbackBodySchema>;

/** The candidate's prediction: each round's signal (in round order) and the committee's decision and level. */
export const loopPredictionBodySchema = z.object({
  rounds: z.array(hireSignalSchema).min(LOOP_MIN_ROUNDS).max(LOOP_MAX_ROUNDS),
  decision: committeeDecisionSchema,
  level: loopLevelSchema.nullable().default(null)
});
export type LoopPredictionBody = z.input<typeof loopPredictionBodySchema>;

/** The rounds whose interviewers the candidate invites to the committee (indexes from 0). */
export const committeeBodySchema = z.object({
  rounds: z
    .array(
      z
        .int()
        .min(0)
        .max(LOOP_MAX_ROUNDS - 1)
    )
    .max(LOOP_MAX_ROUNDS)
    .refine((rounds) => new Set(rounds).size === rounds.length, { message: 'Name each round once' })
});
export type CommitteeBody = z.infer<typeof committeeBodySchema>;

/** A committee member's vote and final note. */
export const committeeVoteBodySchema = z.object({
  decision: committeeDecisionSchema,
  level: loopLevelSchema.nullable().default(null),
  note: wellFormedText().max(10_000).default('')
});
export type CommitteeVoteBody = z.input<typeof committeeVoteBodySchema>;

/**
 * An interviewer's feedback as shown: to its author always, to everyone on the loop once the packet is open. A peer
 * score's shape (with the rubric's own signal and score from the ratings), named by its interviewer.
 */
export const roundFeedbackSchema = peerScoreSchema
  .omit({ reviewerId: true, reviewerName: true })
  .extend({ interviewerName: z.string() });
export type RoundFeedback = z.infer<typeof roundFeedbackSchema>;

export const roundStatusSchema = z.enum([
  /** Not started: its plan may still be edited. */
  'planned',
  /** Its session is running. */
  'running',
  /** Its session ended; waiting for the interviewer's feedback (live) or the self-score (solo). */
  'ended',
  /** In: feedback submitted (live) or self-scored (solo). */
  'in'
]);
export type RoundStatus = z.infer<typeof roundStatusSchema>;

export const loopRoundSchema = z.object({
  n: z.int(),
  kind: roundKindSchema,
  title: z.string(),
  durationMin: z.int(),
  plannedOn: z.string().nullable(),
  questionId: z.string(),
  questionTitle: z.string(),
  rubricId: z.string(),
  mode: z.enum(['solo', 'live']).nullable(),
  status: roundStatusSchema,
  /** The round's session once started (open it at /sessions/:id like any session). */
  sessionId: z.string().nullable(),
  /** The round's interviewer invite: none yet, sent (link not used), or accepted by someone (named). */
  invite: z.object({
    status: z.enum(['none', 'open', 'accepted', 'expired', 'revoked']),
    interviewerName: z.string().nullable()
  }),
  /** Whether the viewer is this round's interviewer. */
  yours: z.boolean(),
  /** Whether the round's feedback is submitted (seen by all; the feedback itself only under the blind rule). */
  feedbackSubmitted: z.boolean(),
  /** The feedback, when the viewer may see it: its author, or anyone once the packet is open; else null. */
  feedback: roundFeedbackSchema.nullable()
});
export type LoopRound = z.infer<typeof loopRoundSchema>;

export const loopPredictionSchema = z.object({
  rounds: z.array(hireSignalSchema),
  decision: committeeDecisionSchema,
  level: loopLevelSchema.nullable(),
  savedAt: z.string()
});
export type LoopPrediction = z.infer<typeof loopPredictionSchema>;

export const loopSchema = z.object({
  id: z.string(),
  /** Who is looking: the candidate, or an interviewer of one of its rounds. */
  role: z.enum(['candidate', 'interviewer']),
  templateId: z.string(),
  name: z.string(),
  level: loopLevelSchema,
  createdAt: z.string(),
  rounds: z.array(loopRoundSchema),
  /** Every round is in: the blind rule is lifted and the packet is open. */
  packetOpen: z.boolean(),
  /** The candidate's own prediction (the candidate only; others see it in the packet). */
  prediction: loopPredictionSchema.nullable(),
  /** The rounds whose interviewers sit on the committee, and whether the viewer is one of them. */
  committeeRounds: z.array(z.int()),
  onCommittee: z.boolean()
});
export type Loop = z.infer<typeof loopSchema>;
export const loopResponseSchema = z.object({ loop: loopSchema });
export const loopListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      level: loopLevelSchema,
      createdAt: z.string(),
      rounds: z.int(),
      roundsIn: z.int(),
      packetOpen: z.boolean(),
      /** Once the packet is open: the committee's decision and level. */
      outcome: z.object({ decision: committeeDecisionSchema, level: loopLevelSchema.nullable() }).nullable(),
      /** Once the packet is open, if the candidate predicted: how the prediction did (the calibration history). */
      calibration: z
        .object({ roundsHit: z.int(), rounds: z.int(), decisionHit: z.boolean(), levelHit: z.boolean() })
        .nullable()
    })
  )
});

/** A reason the committee's decision rests on. */
export const committeeReasonSchema = z.object({ rule: z.string(), text: z.string() });

export const packetRoundSchema = loopRoundSchema.omit({ feedback: true, yours: true, invite: true }).extend({
  interviewerName: z.string().nullable(),
  /** The candidate's self-score (solo rounds are decided on it). */
  selfScore: scoreSchema.nullable(),
  /** The measured evidence of the round's session (tests passed, phases, STAR coverage). */
  evidence: evidenceSchema.nullable(),
  feedback: roundFeedbackSchema.nullable(),
  /** The signal the committee reads for the round: the interviewer's (live) or the self-score's (solo). */
  signal: hireSignalSchema.nullable(),
  score: z.number().nullable()
});
export type PacketRound = z.infer<typeof packetRoundSchema>;

export const committeeVoteSchema = z.object({
  interviewerName: z.string(),
  round: z.int(),
  decision: committeeDecisionSchema,
  level: loopLevelSchema.nullable(),
  note: z.string(),
  savedAt: z.string()
});

export const packetSchema = z.object({
  loopId: z.string(),
  name: z.string(),
  level: loopLevelSchema,
  rounds: z.array(packetRoundSchema),
  /** The rules the committee applies, written down. */
  rules: z.array(z.string()),
  /** MockLoop's computed decision and level, with the reasons it rests on. */
  committee: z.object({
    decision: committeeDecisionSchema,
    level: loopLevelSchema.nullable(),
    reasons: z.array(committeeReasonSchema)
  }),
  /** The candidate's prediction against the outcome (null when none was made). */
  prediction: z
    .object({
      rounds: z.array(z.object({ predicted: hireSignalSchema, actual: hireSignalSchema.nullable(), hit: z.boolean() })),
      decision: z.object({ predicted: committeeDecisionSchema, actual: committeeDecisionSchema, hit: z.boolean() }),
      level: z.object({ predicted: loopLevelSchema.nullable(), actual: loopLevelSchema.nullable(), hit: z.boolean() })
    })
    .nullable(),
  votes: z.array(committeeVoteSchema),
  /** Whether the viewer may vote, and their vote so far. */
  mayVote: z.boolean(),
  yourVote: committeeVoteSchema.nullable()
});
export type Packet = z.infer<typeof packetSchema>;
export const packetResponseSchema = z.object({ packet: packetSchema });
