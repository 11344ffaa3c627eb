/** The documents of each collection as stored (client.ts names the collections; the *-repo.ts files query them). */
import type { Language, MockKind, Profile, Score, SessionWork, SubmittedVerdict, Verdict } from '@mockloop/contracts';
import type { HireSignal, PlannedPhase, Rubric } from '@mockloop/rubrics';
import type { Binary, ObjectId } from 'mongodb';
import type { VersionedQuestion } from '@mockloop/question-bank/load';

export interface UserDoc {
  _id: ObjectId;
  email: string;
  /** Lower-cased e-mail: the unique key, since not every server we support has collations. */
  emailKey: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
  /** The goal set during onboarding; absent until the candidate sets one. */
  profile?: Profile & { updatedAt: Date };
  /** An unused password-reset link: the SHA-256 of its secret, and when it stops working. */
  passwordReset?: { secretHash: string; expiresAt: Date };
}

/** The account as requests see it: everything but the password hash and a pending reset. */
export type SignedInUser = Omit<UserDoc, 'passwordHash' | 'passwordReset'>;

export interface AuthSessionDoc {
  /** SHA-256 of the cookie's token: a leaked database does not leak usable sessions. */
  _id: string;
  userId: ObjectId;
  /**
   * The account, copied at sign-in so a request is authenticated in one read (autosave's hot path).
   * Absent on sessions opened before the copy existed; those read the user as well.
   */
  user?: Omit<SignedInUser, '_id'>;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * A user's insights kept as running aggregates (analytics/insights-aggregate.ts): FerretDB pays per document read
 * and cannot index `userId`, so reading every session on each change is slow. Each write that changes a session
 * appends it to `dirty` and bumps `version`; the next read folds just those sessions in (each read by `_id`) and
 * stores the result if no write came meanwhile. The sessions stay the source of truth: without an aggregate
 * (or with `pending` left by a fold that did not finish) the next read rebuilds it from all of them.
 */
export interface InsightsCacheDoc {
  /** The user's id. */
  _id: ObjectId;
  version: number;
  /** Whether `insights_aggregates` holds the aggregate as of `version` with `dirty` folded in. */
  built?: boolean;
  /** Changes not folded in yet: `<session id>`, `<session id> peer <peer score id>`, `<session id> judged <submission id>`. */
  dirty?: string[];
  /** Set while a fold writes its sessions' states; a read that finds it rebuilds. */
  pending?: boolean;
  /** Caches built before the aggregates (ignored, replaced on the next read). */
  inputsJson?: string;
}

/**
 * The aggregate itself, apart from the small document writers update (the embedded server rewrites a whole
 * document on every update): deflated JSON (it holds nested arrays, which the embedded server cannot store).
 */
export interface InsightsAggregateDoc {
  /** The user's id. */
  _id: ObjectId;
  data: Binary;
}

/** One session's part in its owner's insights aggregate: what it contributed, and what that was computed from. */
export interface InsightsSessionDoc {
  /** The session's id. */
  _id: ObjectId;
  userId: ObjectId;
  /** JSON of { contribution, peers, judged } (see services/insights-fold.ts). */
  stateJson: string;
}

/** A week's recap as the user edited it (the generated one is computed on every read). */
export interface RecapDoc {
  /** "<userId>:<YYYY-MM-DD of the week's Monday>" */
  _id: string;
  userId: ObjectId;
  weekStart: string;
  markdown: string;
  savedAt: Date;
}

export interface RateLimitDoc {
  /** "<rule>:<who>@<window number>", e.g. "signin:127.0.0.1:ada@example.com@1973412" */
  _id: string;
  count: number;
  resetAt: Date;
}

export interface SessionDoc {
  _id: ObjectId;
  userId: ObjectId;
  kind: MockKind;
  status: 'active' | 'submitted';
  /** The question as it was when the session started (hidden tests included: the server needs them later). */
  question: VersionedQuestion;
  /** A behavioral mock's prompts in order, snapshotted like the question (which is the first of them). */
  prompts?: VersionedQuestion[];
  /** The rubric as it was when the session started: later edits never change an old result. */
  rubric: Rubric;
  durationMin: number;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  submitReason: 'finished' | 'deadline' | null;
  /** Bumped by every accepted write; autosaves must name the revision they started from. */
  revision: number;
  phasePlan: PlannedPhase[];
  phaseLog: { phaseId: string; startedAt: Date }[];
  /** The notes; the whiteboard lives in `session_scenes`, see SceneDoc. */
  work: { notes: SessionWork['notes'] };
  /** The current scene version in `session_scenes`, switched with the revision (absent: keyed by the session's id). */
  sceneId?: ObjectId;
  selfScore:
    | (Omit<Score, 'savedAt' | 'peerPrediction'> & {
        savedAt: Date;
        /** Absent on scores saved before predictions. */
        peerPrediction?: { hireSignal: HireSignal; at: Date } | null;
      })
    | null;
  updatedAt: Date;
  /** When the last replay snapshot was taken (epoch 0 before the first). */
  lastSnapshotAt: Date;
  /** Coding sessions: how many submissions were made (numbers them). */
  submissionCount?: number;
  /** A problem of an assessment (two problems, one clock): the sessions share `id`, deadline and finish. */
  assessment?: { id: ObjectId; part: number };
  /** A round of a loop (its feedback is the loop's, blind until every round is in; see services/loops). */
  loop?: { id: ObjectId; round: number };
  /** A half of a practice pair (see services/partners): the booking and which half (0 or 1). */
  pair?: { bookingId: ObjectId; half: 0 | 1 };
}

/**
 * A session as stored: the question and rubric snapshots live once per content version in `content_versions`
 * (they are immutable and shared by every session run on them), so session documents stay small. The embedded
 * server reads whole documents to match a filter, and most of a session was its snapshots.
 */
export interface StoredSessionDoc extends Omit<SessionDoc, 'question' | 'rubric' | 'prompts'> {
  question: { id: string; kind: SessionDoc['kind']; title: string; version: string };
  rubric: { id: string; version: number };
  questionRef: string;
  rubricRef: string;
  /** A behavioral mock's prompts, by content version. */
  promptRefs?: string[];
}

/** A story of the user's own story bank: STAR, the competencies and themes it shows, the roadmap weeks. */
export interface StoryDoc {
  _id: ObjectId;
  userId: ObjectId;
  title: string;
  situation: string;
  task: string;
  action: string;
  result: string;
  differently: string;
  competencies: string[];
  themes: string[];
  roadmapWeeks: number[];
  createdAt: Date;
  updatedAt: Date;
}

/** Code a candidate submitted on the hidden tests, and the results their browser reported. */
/** A reviewer's confirmation of a submission on the held-back tests, judged by the server; written once. */
export interface ConfirmationDoc {
  _id: ObjectId;
  submissionId: ObjectId;
  sessionId: ObjectId;
  reviewerId: ObjectId;
  at: Date;
  passed: number;
  total: number;
  results: { verdict: Verdict }[];
}

export interface SubmissionDoc {
  _id: ObjectId;
  sessionId: ObjectId;
  n: number;
  language: Language;
  code: string;
  createdAt: Date;
  total: number;
  passed: number | null;
  results: { verdict: SubmittedVerdict; ms: number }[] | null;
}

/** An immutable, content-addressed snapshot of a question or a rubric. */
export interface ContentVersionDoc {
  /** "question:<id>@<version>" or "rubric:<id>@<version>-<content hash>". */
  _id: string;
  /** JSON text: test cases hold nested arrays, which the embedded server cannot store as documents. */
  valueJson: string;
}

/** The work as it stood at one moment, for the result page's replay. Images are not copied (they never change). */
export interface SnapshotDoc {
  _id: ObjectId;
  sessionId: ObjectId;
  at: Date;
  phaseId: string;
  notes: SessionWork['notes'];
  /** The whiteboard's elements as JSON text (see SceneDoc). */
  elementsJson: string;
}

/** An invitation for one reviewer to one session. The link's token is stored only as its SHA-256. */
export interface InviteDoc {
  _id: ObjectId;
  sessionId: ObjectId;
  ownerId: ObjectId;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  acceptedBy: ObjectId | null;
  acceptedAt: Date | null;
  /** When the accepted reviewer submitted their score (absent on invites from before it was kept). */
  scoredAt?: Date | null;
}

export interface PeerScoreDoc {
  _id: ObjectId;
  sessionId: ObjectId;
  reviewerId: ObjectId;
  reviewerName: string;
  ratings: Record<string, number>;
  notes: Record<string, string>;
  feedback: string;
  hireSignal: HireSignal | null;
  submittedAt: Date | null;
  updatedAt: Date;
}

/**
 * A version of a session's whiteboard, images included (up to 10 MB). Kept out of `sessions` so that listing and
 * filtering sessions never reads scenes: the embedded server scans documents to match a filter.
 */
export interface SceneDoc {
  /** This version's id, which the session names as its `sceneId` (a scene stored before versions: the session's id). */
  _id: ObjectId;
  /** The session it belongs to (absent on a scene stored before versions). */
  sessionId?: ObjectId;
  /** The session revision that wrote it (the session's `sceneId` says which version is current). */
  revision: number;
  /**
   * The scene as JSON text. Excalidraw's lines and arrows hold nested arrays of points, which the embedded
   * server cannot store as documents; the scene is only ever read and written whole, so text loses nothing.
   */
  sceneJson: string;
}

/** The live room's documents (events, chat, presence, recording, call consent) live in their own file. */
export type * from './live-documents.ts';
/** Per-user history, interviewer records and calibration totals, each read by `_id`. */
export type * from './history-documents.ts';

/** An interviewer's written feedback on one round of a loop: a draft until `submittedAt`, then final. */
export interface LoopFeedbackDoc {
  interviewerId: ObjectId;
  interviewerName: string;
  ratings: Record<string, number>;
  notes: Record<string, string>;
  feedback: string;
  hireSignal: HireSignal | null;
  submittedAt: Date | null;
  updatedAt: Date;
}

/** One round of a loop: its plan, then its session (an ordinary session of its kind) and its interviewer's invite. */
export interface LoopRoundDoc {
  kind: Exclude<MockKind, 'loop'>;
  title: string;
  durationMin: number;
  plannedOn: string | null;
  questionId: string;
  questionTitle: string;
  rubricId: string;
  mode: 'solo' | 'live' | null;
  sessionId: ObjectId | null;
  inviteId: ObjectId | null;
  feedback: LoopFeedbackDoc | null;
}

/**
 * A loop (kind `loop`): the candidate's rounds, the blind feedback, the prediction and the committee's votes, read
 * and written whole by `_id`; `revision` is bumped by every write, which names the revision it read.
 */
export interface LoopDoc {
  _id: ObjectId;
  userId: ObjectId;
  templateId: string;
  name: string;
  level: 'senior' | 'staff' | 'principal';
  createdAt: Date;
  updatedAt: Date;
  revision: number;
  rounds: LoopRoundDoc[];
  prediction: {
    rounds: HireSignal[];
    decision: 'Hire' | 'No Hire' | 'Hold';
    level: LoopDoc['level'] | null;
    savedAt: Date;
  } | null;
  /** The rounds whose interviewers sit on the committee. */
  committeeRounds: number[];
  /** When every round was first seen in: the packet opened, the blind rule lifted, the feedback published. */
  decidedAt: Date | null;
  votes: {
    round: number;
    interviewerId: ObjectId;
    interviewerName: string;
    decision: 'Hire' | 'No Hire' | 'Hold';
    level: LoopDoc['level'] | null;
    note: string;
    savedAt: Date;
  }[];
}
