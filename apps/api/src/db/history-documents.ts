/**
 * Per-user documents read by `_id` (the embedded server indexes nothing else): a person's sessions as candidate and
 * as interviewer, their record as an interviewer, and each rubric's calibration totals.
 */
import type { MockKind } from '@mockloop/contracts';
import type { HireSignal } from '@mockloop/rubrics';
import type { ObjectId } from 'mongodb';

/** What a history list sorts and filters on without reading the session. */
export interface HistoryEntry {
  startedAt: Date;
  kind: MockKind;
}

/** An interview given: the invite that admitted the interviewer too (its `_id` finds it without a search). */
export interface GivenEntry extends HistoryEntry {
  inviteId: ObjectId;
}

/**
 * A person's sessions: `taken` (their own, keyed by session id hex) and `given` (others' they accepted an invite
 * to). Keys are set and unset one by one, so concurrent starts never overwrite each other (each update of one
 * document is atomic, on the embedded server too). Until `built`, sessions stored before this document existed
 * may be missing: the first read scans once, adds what it found and sets `built`.
 */
export interface UserSessionsDoc {
  /** The user's id. */
  _id: ObjectId;
  built?: boolean;
  taken?: Record<string, HistoryEntry>;
  given?: Record<string, GivenEntry>;
}

/** The candidate's rating of an interviewer's feedback on one session (1–5 each). */
export interface FeedbackRatingDoc {
  specific: number;
  actionable: number;
  calibrated: number;
  comment: string;
  ratedAt: Date;
}

/** One interview an interviewer scored: their submitted feedback's summary, and how the candidate rated it. */
export interface RecordEntry {
  candidateId: ObjectId;
  candidateName: string;
  questionTitle: string;
  kind: MockKind;
  rubricId: string;
  ratings: Record<string, number>;
  score: number | null;
  hireSignal: HireSignal | null;
  submittedAt: Date;
  rating?: FeedbackRatingDoc;
}

/**
 * An interviewer's record, keyed by session id hex (`scored`); `revision` is bumped by every write, and names the
 * state a rubric's calibration totals were computed from. Until `built`, feedback submitted before this document
 * existed may be missing: the first read scans the interviewer's peer scores once.
 */
export interface InterviewerRecordDoc {
  /** The interviewer's user id. */
  _id: ObjectId;
  revision: number;
  built?: boolean;
  scored?: Record<string, RecordEntry>;
}

/** Sums of one interviewer's ratings on one rubric, per criterion. */
export type CriterionTotals = Record<string, { sum: number; count: number }>;

/**
 * A rubric's ratings on this instance, per interviewer (keyed by user id hex), each written whole from that
 * interviewer's record at its revision: a retried or racing write never counts a score twice. Read by `_id`.
 */
export interface RubricCalibrationDoc {
  /** The rubric's id. */
  _id: string;
  /** Whether every interviewer's feedback stored before this document existed has been counted in. */
  built?: boolean;
  interviewers?: Record<string, { revision: number; criteria: CriterionTotals }>;
}
