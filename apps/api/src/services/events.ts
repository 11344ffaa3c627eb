/**
 * What a write changed, told once it is stored to whoever follows it (the insights aggregate, the live room).
 * A use case emits what it changed and never calls a follower itself: a new follower is one `subscribe` where the
 * services are built, and each follower's handling is exhaustive over `DomainEvent`, so the compiler names the
 * followers a new event must reach.
 *
 * @example
 * const events = createEventBus();
 * events.subscribe((event) => (event.type === 'self-scored' ? touch(event.userId, event.sessionId) : undefined));
 * await events.emit({ type: 'self-scored', userId, sessionId });
 */
import type { DesignNotes, Invite, LiveEvent } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { EventDoc, InviteDoc, SessionDoc } from '../db/client.ts';

/** An event on the live room's bus: one the room's members receive, or the notice that ends one user's streams. */
export type BusEvent = LiveEvent | { type: 'access-ended'; userId: string };

/** A session's work, clock or score changed; `userId` is always the session's candidate. */
export type SessionEvent =
  /** A session began (each problem of an assessment is one session). */
  | { type: 'session-started'; userId: ObjectId; sessionId: ObjectId }
  /** An autosave stored the candidate's work at `revision`. */
  | { type: 'work-saved'; userId: ObjectId; sessionId: ObjectId; revision: number; notes: DesignNotes }
  /** The candidate moved to another phase; `session` is the session as it now stands. */
  | { type: 'phase-moved'; userId: ObjectId; sessionId: ObjectId; session: SessionDoc }
  /** The session was submitted, by its candidate or because its deadline passed. */
  | {
      type: 'session-ended';
      userId: ObjectId;
      sessionId: ObjectId;
      submittedAt: Date;
      reason: 'finished' | 'deadline';
    }
  /** The candidate scored their own session. */
  | { type: 'self-scored'; userId: ObjectId; sessionId: ObjectId }
  /** The candidate deleted the session and everything kept for it (or their account). */
  | { type: 'session-deleted'; userId: ObjectId; sessionId: ObjectId };

/** A coding submission: numbered (not judged yet), judged by the candidate's browser, or confirmed by a reviewer. */
export type SubmissionEvent =
  | { type: 'submission-made'; userId: ObjectId; sessionId: ObjectId; n: number; total: number }
  | {
      type: 'submission-judged';
      userId: ObjectId;
      sessionId: ObjectId;
      submissionId: ObjectId;
      n: number;
      passed: number;
      total: number;
    }
  | {
      type: 'submission-confirmed';
      userId: ObjectId;
      sessionId: ObjectId;
      submissionId: ObjectId;
      reviewerId: ObjectId;
      n: number;
      passed: number;
      total: number;
    };

/**
 * Peer review: a reviewer submitted their score (`userId` is the session's candidate), an invite was revoked, or an
 * invite changed as its candidate sees it (accepted, issued again, its reviewer scored).
 */
export type ReviewEvent =
  | { type: 'peer-scored'; userId: ObjectId; sessionId: ObjectId; peerScoreId: ObjectId }
  | { type: 'invite-revoked'; invite: InviteDoc }
  | { type: 'invite-changed'; userId: ObjectId; sessionId: ObjectId; invite: Invite };

/** A loop changed (`userId` is its candidate): its plan, a round's feedback, the prediction, the committee. */
export type LoopEvent =
  | {
      type: 'loop-changed';
      userId: ObjectId;
      loopId: ObjectId;
      change: 'started' | 'planned' | 'round-started' | 'invited' | 'feedback' | 'prediction' | 'committee' | 'vote';
    }
  /** Every round is in: the packet opened and each live round's feedback became a peer score of its session. */
  | { type: 'loop-decided'; userId: ObjectId; loopId: ObjectId; roundSessionIds: ObjectId[] };

/** A message for the room's members that is itself the write (a call's signal or its recording consent). */
export interface RoomMessage {
  type: 'room-message';
  sessionId: ObjectId;
  audience: EventDoc['audience'];
  event: BusEvent;
}

export type DomainEvent = SessionEvent | SubmissionEvent | ReviewEvent | LoopEvent | RoomMessage;
export type DomainEventType = DomainEvent['type'];

/** Hears an event; a follower that throws fails the write's answer (the write itself is already stored). */
export type Follower = (event: DomainEvent) => Promise<void> | void;

/** One handler per kind of event: a follower written this way must say what each new kind means to it. */
export type HandlerTable<R> = { [T in DomainEventType]: (event: Extract<DomainEvent, { type: T }>) => R };

/** Applies the table's handler for the event's kind. */
export function handle<R>(table: HandlerTable<R>, event: DomainEvent): R {
  return (table[event.type] as (event: DomainEvent) => R)(event);
}

export interface EventBus {
  /** Tells every follower, in the order they subscribed; each is told even when an earlier one failed. */
  emit(event: DomainEvent): Promise<void>;
  /** Adds a follower; returns the call that removes it. */
  subscribe(follower: Follower): () => void;
}

export type Emit = EventBus['emit'];

export function createEventBus(): EventBus {
  const followers: Follower[] = [];
  return {
    async emit(event) {
      const failures: unknown[] = [];
      for (const follower of [...followers]) {
        try {
          await follower(event);
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1)
        throw new AggregateError(failures, `${failures.length} followers of ${event.type} failed`);
    },
    subscribe(follower) {
      followers.push(follower);
      return () => {
        const at = followers.indexOf(follower);
        if (at >= 0) followers.splice(at, 1);
      };
    }
  };
}
