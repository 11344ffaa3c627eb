/**
 * The live room of a running mock: its members, chat, interviewer notes and revealed prompts, and the events
 * pushed to the room over server-sent events. New event types join `liveEventSchema`'s union (a voice call's
 * signalling, for one) without touching the ones already there.
 */
import { z } from 'zod';
import { MAX_SCENE_DEPTH } from './constants.ts';
import { designNotesSchema, nestingDepth, sceneSchema } from './work.ts';
import { inviteSchema } from './reviews.ts';

export const MAX_CHAT_CHARS = 2000;

export const roomRoleSchema = z.enum(['candidate', 'interviewer']);
export type RoomRole = z.infer<typeof roomRoleSchema>;

/** Something said or written in the room, pinned to the moment it was written. */
export const roomItemSchema = z.object({
  id: z.string(),
  /** `run`: the candidate's Run on the examples (coding), as the interviewer reads it. */
  kind: z.enum(['chat', 'note', 'reveal', 'run']),
  authorName: z.string(),
  authorRole: roomRoleSchema,
  text: z.string(),
  /** Reveals: which prompt item was shown to the candidate. */
  reveal: z.object({ kind: z.enum(['followUp', 'hint']), index: z.int() }).nullable(),
  at: z.string(),
  /** Minutes since the session started (fractional): where it sits on the replay timeline. */
  minute: z.number()
});
export type RoomItem = z.infer<typeof roomItemSchema>;

export const roomMemberSchema = z.object({ userId: z.string(), name: z.string(), role: roomRoleSchema });
export type RoomMember = z.infer<typeof roomMemberSchema>;

/** What only the interviewer sees of a design prompt: the follow-ups and hints to reveal, the points to listen for. */
export const interviewerGuideSchema = z.object({
  followUps: z.array(z.string()),
  hints: z.array(z.string()),
  keyPoints: z.array(z.object({ point: z.string(), level: z.string() }))
});
export type InterviewerGuide = z.infer<typeof interviewerGuideSchema>;

export const roomResponseSchema = z.object({
  role: roomRoleSchema,
  /** The last event's number: subscribe with `?after=` this to miss nothing that happened since. */
  eventSeq: z.int(),
  items: z.array(roomItemSchema),
  members: z.array(roomMemberSchema),
  /** The interviewers' only (null for the candidate): follow-ups and hints to reveal, key points to listen for. */
  guide: interviewerGuideSchema.nullable(),
  /**
   * The room's chat, notes and runs come a page at a time, newest page first (its reveals all at once): pass this
   * as `before` for the page before; null when there is none.
   */
  earlier: z.string().nullable()
});
export type RoomResponse = z.infer<typeof roomResponseSchema>;

/** The most room items one read returns (besides its reveals). */
export const ROOM_PAGE_ITEMS = 200;
/** Reading the room: the latest page, or the page before a cursor (`earlier` of the page after it). */
export const roomQuerySchema = z.object({
  before: z
    .string()
    .regex(/^\d{1,15}-[0-9a-f]{24}$/, 'Use the `earlier` of a room read')
    .optional(),
  limit: z.coerce.number().int().min(1).max(ROOM_PAGE_ITEMS).optional()
});
export type RoomQuery = z.infer<typeof roomQuerySchema>;

const text = (max: number) => z.string().trim().min(1, 'Write something first').max(max);
/**
 * The browser's own id for a write (the room's outbox, live/room-outbox.ts): a retry of the same write, after a
 * drop that hid whether it arrived, is stored once and answered with the item first stored.
 */
export const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'A client id is 8 to 64 letters, digits, "-" or "_"')
  .optional();
export const chatBodySchema = z.object({ text: text(MAX_CHAT_CHARS), clientId: clientIdSchema });
export const interviewerNoteBodySchema = z.object({ text: text(MAX_CHAT_CHARS), clientId: clientIdSchema });
export const revealBodySchema = z.object({ kind: z.enum(['followUp', 'hint']), index: z.int().min(0).max(50) });
export const roomItemResponseSchema = z.object({ item: roomItemSchema });

/** One Run of the candidate's code on the examples (and their own input), sent for the interviewers to read. */
export const runBodySchema = z.object({
  language: z.enum(['javascript', 'typescript', 'python']),
  cases: z
    .array(
      z.object({
        label: z.string().trim().min(1).max(40),
        /** `output`: custom input, which has no expected value (it ran); `notRun`: a case after a time-out. */
        verdict: z.enum(['pass', 'fail', 'error', 'timeout', 'output', 'notRun']),
        ms: z.number().min(0).max(600_000),
        /** What it printed or returned, or the error: shortened by the client. */
        detail: z.string().max(500).default('')
      })
    )
    .min(1)
    .max(20)
});
export type RunBody = z.infer<typeof runBodySchema>;

/** The candidate's work as it is typed, between autosaves: changed note fields, changed and removed shapes. */
export const draftBodySchema = z
  .object({
    notes: designNotesSchema.optional(),
    elements: sceneSchema.shape.elements.optional(),
    removedIds: z.array(z.string().max(100)).max(50_000).optional()
  })
  .refine((body) => body.notes !== undefined || body.elements !== undefined || body.removedIds !== undefined, {
    message: 'Send notes, elements or removedIds',
    path: ['notes']
  })
  .superRefine((body, context) => {
    // The scene's rule: an element sits two levels under the body (`elements`, then its index).
    const index = (body.elements ?? []).findIndex((element) => nestingDepth(element) + 2 > MAX_SCENE_DEPTH);
    if (index >= 0) {
      context.addIssue({
        code: 'custom',
        path: ['elements', index],
        message: `Nested more than ${MAX_SCENE_DEPTH} levels deep`
      });
    }
  });
export type DraftBody = z.infer<typeof draftBodySchema>;

/** Query of the events stream: where to start when there is no Last-Event-ID yet. */
export const eventsQuerySchema = z.object({ after: z.coerce.number().int().min(0).optional() });

/** A voice call's signalling between two members of the room (WebRTC offer/answer/ICE), relayed by the API. */
export const callSignalSchema = z.discriminatedUnion('kind', [
  /**
   * I am in the call: the candidate answers with an offer; the interviewer answers a candidate's with a `reply`
   * (a candidate who reloaded knows of nobody in the call until then), which is not answered again.
   */
  z.object({ kind: z.literal('ready'), reply: z.boolean().optional() }),
  z.object({ kind: z.literal('offer'), sdp: z.string().min(1).max(20_000) }),
  z.object({ kind: z.literal('answer'), sdp: z.string().min(1).max(20_000) }),
  z.object({
    kind: z.literal('ice'),
    candidate: z
      .object({
        candidate: z.string().max(2_000),
        sdpMid: z.string().max(100).nullable(),
        sdpMLineIndex: z.int().min(0).max(100).nullable()
      })
      .nullable()
  }),
  z.object({ kind: z.literal('hangup') }),
  /** I muted (or unmuted) my microphone: the other side shows me as muted. */
  z.object({ kind: z.literal('mute'), muted: z.boolean() })
]);
export type CallSignal = z.infer<typeof callSignalSchema>;

export const signalBodySchema = z.object({
  /** The member it is for (their user id). */
  to: z.string().regex(/^[0-9a-f]{24}$/, 'A user id'),
  signal: callSignalSchema
});
export type SignalBody = z.infer<typeof signalBodySchema>;

export const callConsentBodySchema = z.object({ record: z.boolean() });

/** Who agreed to the call being recorded into the session; it is recorded only once the candidate and an interviewer did. */
export const callConsentSchema = z.object({
  agreed: z.array(roomMemberSchema.extend({ at: z.string() })),
  recordingAllowed: z.boolean()
});
export type CallConsent = z.infer<typeof callConsentSchema>;

export const iceServerSchema = z.object({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional()
});
export type IceServer = z.infer<typeof iceServerSchema>;

export const callStateSchema = callConsentSchema.extend({
  /** STUN/TURN servers (MOCKLOOP_ICE_SERVERS); none on one machine, where the browsers connect directly. */
  iceServers: z.array(iceServerSchema),
  /**
   * The practice pair this session is a half of (null for any other session): the pair has one call, so a person
   * who was in the first half's call is in the second's as it opens.
   */
  pair: z.object({ bookingId: z.string(), half: z.union([z.literal(0), z.literal(1)]) }).nullable()
});
export type CallState = z.infer<typeof callStateSchema>;

export const liveEventSchema = z.discriminatedUnion('type', [
  /** First on every connection: who you are here and the server's clock. */
  z.object({ type: z.literal('hello'), role: roomRoleSchema, serverNow: z.string(), seq: z.int() }),
  z.object({
    type: z.literal('draft'),
    notes: designNotesSchema.optional(),
    elements: sceneSchema.shape.elements.optional(),
    removedIds: z.array(z.string()).optional()
  }),
  /** An autosave was stored: its revision and the note fields it changed (interviewers only). */
  z.object({ type: z.literal('saved'), revision: z.int(), notes: designNotesSchema }),
  z.object({
    type: z.literal('phase'),
    phaseLog: z.array(z.object({ phaseId: z.string(), startedAt: z.string() })),
    revision: z.int()
  }),
  z.object({ type: z.literal('status'), status: z.enum(['active', 'submitted']), submittedAt: z.string().nullable() }),
  z.object({ type: z.literal('submission'), n: z.int(), passed: z.int().nullable(), total: z.int() }),
  z.object({ type: z.literal('chat'), item: roomItemSchema }),
  z.object({ type: z.literal('reveal'), item: roomItemSchema }),
  /** Interviewers only; the candidate reads the notes on the result page. */
  z.object({ type: z.literal('note'), item: roomItemSchema }),
  /** Interviewers only: a Run's results (the candidate has them on screen). */
  z.object({ type: z.literal('run'), item: roomItemSchema }),
  z.object({ type: z.literal('presence'), members: z.array(roomMemberSchema) }),
  /** A call signal from another member, to you alone. */
  z.object({ type: z.literal('signal'), from: z.string(), fromName: z.string(), signal: callSignalSchema }),
  /** The candidate alone: one of the session's invites changed (accepted, issued again, revoked, scored). */
  z.object({ type: z.literal('invite'), invite: inviteSchema }),
  /** Who agreed to record the call changed. */
  z.object({ type: z.literal('call-consent'), consent: callConsentSchema }),
  /** Events were lost (a long drop, or a stream that fell too far behind): reload the session and the room. */
  z.object({ type: z.literal('resync') }),
  /** The stream ends: access was revoked, or the session is gone. */
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() })
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventType = LiveEvent['type'];
