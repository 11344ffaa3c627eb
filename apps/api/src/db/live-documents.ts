/** The live room's documents as stored: its events bus, chat and notes, presence, the recording and the call's consent. */
import type { Binary, ObjectId } from 'mongodb';

/** One event on a session's bus (see db/events.ts): read back by its exact `_id`, the session and a sequence number. */
export interface EventDoc {
  /** "<session id>:<seq>" */
  _id: string;
  sessionId: ObjectId;
  seq: number;
  at: Date;
  /** Who receives it: everyone in the room, its interviewers, or one user. */
  audience: 'all' | 'interviewers' | { userId: string };
  /** The event as JSON text (drafts hold Excalidraw's nested arrays, which the embedded server cannot store). */
  eventJson: string;
}

/** The last sequence number handed out for a session's events. */
export interface EventSequenceDoc {
  /** The session's id. */
  _id: ObjectId;
  seq: number;
}

/**
 * A chat message, an interviewer note or a revealed prompt item, kept for the result page and the replay. Its
 * `_id` is the write's identity (derived from the browser's client id, or the follow-up revealed), so a repeat of
 * the write collides instead of storing it twice; the room reads it through its log (`RoomLogDoc`), not by session.
 */
export interface RoomItemDoc {
  _id: ObjectId;
  sessionId: ObjectId;
  kind: 'chat' | 'note' | 'reveal' | 'run';
  authorId: ObjectId;
  authorName: string;
  authorRole: 'candidate' | 'interviewer';
  text: string;
  reveal: { kind: 'followUp' | 'hint'; index: number } | null;
  at: Date;
  /** Its writer lists it in the room's log (absent: stored before the log, listed when its room is first read). */
  logged?: true;
  /** Its number in the room's log, once listed. */
  seq?: number;
}

/** One item of a room's log, stored under "<session id>:<seq>": a page is read back by exact `_id`. */
export interface RoomLogDoc {
  _id: string;
  sessionId: ObjectId;
  seq: number;
  item: RoomItemDoc;
}

/** Fifty consecutive log entries in one document ("<session id>:b<block>"), written once all fifty are stored. */
export interface RoomLogBlockDoc {
  _id: string;
  sessionId: ObjectId;
  entries: { seq: number; item: RoomItemDoc }[];
}

/** A room's log as a whole: the last number handed out, its reveals, and whether items stored before it are listed. */
export interface RoomHeadDoc {
  /** The session's id. */
  _id: ObjectId;
  seq: number;
  /** The revealed follow-ups' and hints' item ids: the first page shows them all, however old. */
  reveals?: ObjectId[];
  /** Items stored before the log existed are listed (a room started since has none). */
  listed?: true;
}

/** One open events stream: who is in the room now. Refreshed by the stream's heartbeat, dropped when it closes. */
export interface PresenceDoc {
  /** "<session id>:<connection id>" */
  _id: string;
  sessionId: ObjectId;
  userId: ObjectId;
  name: string;
  role: 'candidate' | 'interviewer';
  seenAt: Date;
  /** The instance the stream is open on (absent on streams opened before instances said so: another one). */
  instance?: string;
}

/**
 * One chunk of a session's voice recording (see contracts/recordings.ts), its `_id` "<session>:<segment>:<seq>"
 * so a retried upload is stored once and every read is by `_id` (chunks stored before that have an ObjectId).
 * Chunks are a few kilobytes: well inside any document limit.
 */
export interface RecordingChunkDoc {
  _id: string | ObjectId;
  sessionId: ObjectId;
  segment: number;
  seq: number;
  startMs: number;
  durationMs: number;
  bytes: number;
  data: Binary;
  at: Date;
}

/** A chunk as its manifest lists it: where it is (`id`), and everything about it but its bytes. */
export type RecordingChunkEntry = Omit<RecordingChunkDoc, '_id' | 'sessionId' | 'data'> & { id: string | ObjectId };

/**
 * A session's recording as a whole: the bytes its chunks hold, counted against the per-session limit, and the
 * chunks stored, in the order they arrived (absent on a recording stored before the list was kept).
 */
export interface RecordingDoc {
  /** The session's id. */
  _id: ObjectId;
  bytes: number;
  chunks?: RecordingChunkEntry[];
}

/** A candidate's loops, oldest first: the list page reads this by the user's `_id`, then each loop by its own. */
export interface UserLoopsDoc {
  /** The candidate's user id. */
  _id: ObjectId;
  loopIds: ObjectId[];
}

/**
 * How much of a per-user allowance is used: `_id` names the user and the allowance ("<user>:audio",
 * "<user>:sessions:<UTC day>"), so checking it is one lookup by `_id`.
 */
export interface UsageDoc {
  _id: string;
  used: number;
}

/** A room member's agreement to record the voice call into the session (withdrawn: the document is deleted). */
export interface CallConsentDoc {
  /** "<session id>:<user id>" */
  _id: string;
  sessionId: ObjectId;
  userId: ObjectId;
  name: string;
  role: 'candidate' | 'interviewer';
  at: Date;
}
