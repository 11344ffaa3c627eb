/** The one error shape every API response uses, and the stable codes it carries. */
import { z } from 'zod';

export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'RECORDING_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'WEAK_PASSWORD',
  'RESET_LINK_INVALID',
  'RATE_LIMITED',
  'TOO_MANY_STREAMS',
  'CROSS_ORIGIN_REQUEST',
  'FORBIDDEN',
  'INVITE_INVALID',
  'NOT_FOUND',
  'CONFLICT',
  'PREDICTION_CLOSED',
  'PACKET_NOT_READY',
  'ROUND_STARTED',
  'SLOT_TAKEN',
  'DOUBLE_BOOKED',
  'SESSION_LOCKED',
  'FEEDBACK_NOT_SUBMITTED',
  'RATING_CLOSED',
  'INVITE_ACCEPTED',
  'RESULT_RECORDED',
  'CONFIRMATION_RECORDED',
  'REVIEWERS_ONLY',
  'UNSUPPORTED_MEDIA_TYPE',
  'DATABASE_UNAVAILABLE',
  'SERVER_STOPPING',
  'INTERNAL'
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    /** Validation failures: field path (dot-separated) → what is wrong with it. */
    fields: z.record(z.string(), z.string()).optional()
  })
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
