/**
 * Feedback on feedback: the candidate rates an interviewer's written feedback once it is visible to them, and the
 * interviewer's own record (how candidates rated them, and where their scores sit against other interviewers' on
 * the same rubric).
 */
import { z } from 'zod';
import { wellFormedText } from './text.ts';

/** How long after the interviewer submitted their feedback the candidate may still rate it or change the rating. */
export const FEEDBACK_RATING_WINDOW_DAYS = 14;

/** The three things good feedback is, as interviewing.io's interviewers are rated on them. */
export const FEEDBACK_QUALITIES = ['specific', 'actionable', 'calibrated'] as const;
export type FeedbackQuality = (typeof FEEDBACK_QUALITIES)[number];

const quality = z.int().min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5');

export const feedbackRatingBodySchema = z.object({
  /** The interviewer whose feedback is rated (a session may have several). */
  reviewerId: z.string().regex(/^[0-9a-f]{24}$/, 'A user id'),
  /** Points at what was said and done, not generalities. */
  specific: quality,
  /** Says what to do differently next time. */
  actionable: quality,
  /** Its ratings match the rubric's descriptors for what was shown. */
  calibrated: quality,
  comment: wellFormedText().max(2000).default('')
});
export type FeedbackRatingBody = z.infer<typeof feedbackRatingBodySchema>;

export const feedbackRatingSchema = z.object({
  reviewerId: z.string(),
  specific: z.int(),
  actionable: z.int(),
  calibrated: z.int(),
  comment: z.string(),
  ratedAt: z.string(),
  /** Until when it may be changed. */
  editableUntil: z.string()
});
export type FeedbackRating = z.infer<typeof feedbackRatingSchema>;

/** The candidate's ratings of a session's feedback, one per interviewer who submitted theirs (null: not rated yet). */
export const feedbackRatingsResponseSchema = z.object({
  items: z.array(
    z.object({
      reviewerId: z.string(),
      reviewerName: z.string(),
      /** Until when the feedback may be rated (or the rating changed). */
      editableUntil: z.string(),
      rating: feedbackRatingSchema.nullable()
    })
  )
});
export type FeedbackRatingsResponse = z.infer<typeof feedbackRatingsResponseSchema>;

const mean = z.number().nullable();

/** One criterion of a rubric: this interviewer's mean rating against the other interviewers' on the instance. */
export const calibrationRowSchema = z.object({
  criterionId: z.string(),
  name: z.string(),
  /** Your mean rating (1–4) and how many of your scores it is over. */
  mine: mean,
  count: z.int(),
  /** The other interviewers' mean on the same rubric and criterion, and over how many scores. */
  others: mean,
  othersCount: z.int(),
  /** mine − others: above zero you score more generously than the instance, below more harshly. */
  delta: mean
});
export type CalibrationRow = z.infer<typeof calibrationRowSchema>;

export const interviewerRecordSchema = z.object({
  /** Interviews given (invites accepted) and how many of them have your submitted feedback. */
  given: z.int(),
  scored: z.int(),
  /** Means of the candidates' ratings of your feedback (1–5), over `count` ratings. */
  ratings: z.object({
    count: z.int(),
    specific: mean,
    actionable: mean,
    calibrated: mean
  }),
  /** The rated interviews, newest rating first. */
  rated: z.array(
    z.object({
      sessionId: z.string(),
      questionTitle: z.string(),
      candidateName: z.string(),
      specific: z.int(),
      actionable: z.int(),
      calibrated: z.int(),
      comment: z.string(),
      ratedAt: z.string()
    })
  ),
  /** Per rubric you scored with: each criterion against the other interviewers on this instance. */
  calibration: z.array(
    z.object({
      rubricId: z.string(),
      rubricName: z.string(),
      scores: z.int(),
      criteria: z.array(calibrationRowSchema)
    })
  )
});
export type InterviewerRecord = z.infer<typeof interviewerRecordSchema>;
