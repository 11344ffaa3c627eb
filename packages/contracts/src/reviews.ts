/** Peer review: invites to one session, the reviewer's score with the same rubric, and calibration against self. */
import { hireSignalSchema } from '@mockloop/rubrics';
import { z } from 'zod';
import { byCriterion } from './criteria.ts';
import { mockKindSchema } from './questions.ts';
import { wellFormedText } from './text.ts';

export const INVITE_TTL_DAYS = 7;

export const createInviteBodySchema = z.object({
  /** Days until the link stops working (default 7). */
  expiresInDays: z.int().min(1).max(30).optional()
});

export const inviteSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['open', 'accepted', 'expired', 'revoked']),
  reviewerName: z.string().nullable(),
  /** Who accepted it (their user id: the room's members name them by it), or null. */
  reviewerId: z.string().nullable(),
  /** When its reviewer submitted their score (the interview is finished on their side), or null. */
  scoredAt: z.string().nullable()
});
export type Invite = z.infer<typeof inviteSchema>;

/**
 * The link is shown once, when the invite is created (or issued again: `POST /invites/{id}/link` gives an invite
 * nobody accepted a new token, and the old link stops working): only a hash of its token is stored.
 */
export const createdInviteSchema = z.object({ invite: inviteSchema, url: z.string(), token: z.string() });
export const inviteListSchema = z.object({ items: z.array(inviteSchema) });

/** The token from the link: 32 random bytes in base64url. */
export const acceptInviteBodySchema = z.object({
  token: z
    .string()
    .min(20)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not an invite token')
});
export const acceptedInviteSchema = z.object({ sessionId: z.string() });

/**
 * What anyone holding an open invite link learns before signing in (the sign-in page says it): who invited them and
 * to what, and nothing else of the session (no work, no dates, no e-mail). A link that is not open tells nothing.
 */
export const invitePreviewSchema = z.object({
  inviterName: z.string(),
  kind: mockKindSchema,
  /** The question's title (a behavioral mock's first prompt). */
  title: z.string(),
  /** `interview` while the mock runs (the live room), `review` once it has ended. */
  purpose: z.enum(['interview', 'review'])
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

/** A peer's score: a draft while `submit` is false, then final. */
export const peerScoreBodySchema = z
  .object({
    ratings: byCriterion(z.int().min(1).max(4)),
    notes: byCriterion(wellFormedText().max(4000)).default({}),
    feedback: wellFormedText().max(20_000).default(''),
    hireSignal: hireSignalSchema.nullable().default(null),
    submit: z.boolean().default(false)
  })
  .refine((body) => !body.submit || body.hireSignal !== null, {
    message: 'Choose a hire signal before submitting',
    path: ['hireSignal']
  })
  // A final score names its hire signal; a draft may leave it out.
  .meta({
    anyOf: [
      { properties: { submit: { const: false } } },
      { required: ['submit', 'hireSignal'], properties: { hireSignal: { type: 'string' } } }
    ]
  });
export type PeerScoreBody = z.infer<typeof peerScoreBodySchema>;

export const peerScoreSchema = z.object({
  reviewerId: z.string(),
  reviewerName: z.string(),
  ratings: z.record(z.string(), z.int()),
  notes: z.record(z.string(), z.string()),
  feedback: z.string(),
  /** The reviewer's own call, and the one the rubric computes from the ratings. */
  hireSignal: hireSignalSchema.nullable(),
  computedSignal: hireSignalSchema.nullable(),
  score: z.number().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string()
});
export type PeerScore = z.infer<typeof peerScoreSchema>;

export const calibrationSchema = z.object({
  reviewerName: z.string(),
  gaps: z.array(z.object({ criterionId: z.string(), self: z.number(), peer: z.number(), gap: z.number() })),
  meanGap: z.number().nullable(),
  meanAbsoluteGap: z.number().nullable()
});

export const scoresResponseSchema = z.object({
  role: z.enum(['owner', 'reviewer']),
  /** The candidate's own score: shown to the candidate only, so it cannot anchor a reviewer. */
  self: z
    .object({
      ratings: z.record(z.string(), z.int()),
      score: z.number(),
      hireSignal: hireSignalSchema,
      /** The peer's hire signal the candidate predicted before seeing it, or null. */
      peerPrediction: hireSignalSchema.nullable()
    })
    .nullable(),
  /** Owner: every submitted peer score. Reviewer: their own, draft or final. */
  peers: z.array(peerScoreSchema),
  calibration: z.array(calibrationSchema)
});
export type ScoresResponse = z.infer<typeof scoresResponseSchema>;
