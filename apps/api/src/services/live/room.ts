/**
 * The live room of a session: who may be in it (its candidate and the interviewers its invites admitted), what
 * they say and reveal, and the events that tell everyone else. Anyone else is told the session does not exist.
 */
import {
  ROOM_PAGE_ITEMS,
  type DraftBody,
  type RoomItem,
  type RoomMember,
  type RoomQuery,
  type RoomResponse,
  type RoomRole,
  type RunBody
} from '@mockloop/contracts';
import { ObjectId } from 'mongodb';
import type { EventDoc, PresenceDoc, RoomItemDoc, SessionDoc, SignedInUser } from '../../db/client.ts';
import { handle, type BusEvent, type DomainEvent, type HandlerTable } from '../events.ts';
import type { EventRepository } from '../../db/events.ts';
import { itemIdFor, type PageCursor, type RoomRepository } from '../../db/room.ts';
import { ApiError, notFound } from '../../errors.ts';
import { interviewerGuide, roomGuide } from '../sessions/guide.ts';
import { accessOf, permit } from '../sessions/policy.ts';
import type { RateLimiter, RateLimitRule } from '../rate-limit.ts';
import type { EventHub } from './event-hub.ts';
import { runText } from './run-text.ts';
import { createDraftAccess } from './draft-access.ts';
import { createPresenceBeat } from './presence-beat.ts';
import { createRelay, tickStream, type RelayOptions } from './relay.ts';
import { createWatchList } from './watch-list.ts';

/** What the room needs of the session engine: the session as its candidate or an admitted reviewer may read it. */
export interface SessionAccess {
  getReadable(user: SignedInUser, id: string): Promise<{ doc: SessionDoc; role: 'owner' | 'reviewer' }>;
}

export type { BusEvent } from '../events.ts';

export interface RoomServiceOptions {
  sessions: SessionAccess;
  events: EventRepository;
  room: RoomRepository;
  hub: EventHub;
  now: () => Date;
  /** Counts chat messages (shared by every instance); without one, chat is not limited. */
  rateLimiter?: RateLimiter;
  /** Chat messages one person may send to one room per window. */
  chatLimit?: RateLimitRule;
  /** This instance's name among those sharing the database (its streams' presence says where they are open). */
  instance?: string;
  relay?: RelayOptions;
}

/**
 * A page cursor (`earlier`): the log number and id of the oldest item of the page after it. One handed out before
 * the room had a log holds a time in milliseconds instead (far above any log number) and still reads on from there.
 */
function cursorOf(before: string): PageCursor {
  const [n, id] = before.split('-');
  const number = Number(n);
  return number < 1e11 ? { seq: number } : { at: new Date(number), id: new ObjectId(id) };
}

/**
 * How often the relay may look at who is in which room, for a draft (or a notice) of a room nobody was in through
 * another instance at the last look (it waits for the next look, begun after it arrived, before keeping it here).
 */
const ELSEWHERE_MS = 250;

/** A person types; a script floods: 30 messages a minute is more than a conversation needs. */
export const DEFAULT_CHAT_LIMIT: RateLimitRule = { limit: 30, windowMs: 60_000 };

export const roomRole = (role: 'owner' | 'reviewer'): RoomRole => (role === 'owner' ? 'candidate' : 'interviewer');

export function createRoomService({
  sessions,
  events,
  room,
  hub,
  now,
  rateLimiter,
  chatLimit = DEFAULT_CHAT_LIMIT,
  instance = new ObjectId().toHexString(),
  relay: relayOptions
}: RoomServiceOptions) {
  const watchList = createWatchList(room, now, instance);
  const relay = createRelay(
    {
      instance,
      stream: tickStream(events, now),
      elsewhere: (id, since) => watchList.elsewhere(id, since, ELSEWHERE_MS),
      hub
    },
    relayOptions
  );
  const presenceBeat = createPresenceBeat((ids, at) => room.heartbeatMany(ids, at), now);
  const draftAccess = createDraftAccess(
    (user, id) => sessions.getReadable(user, id),
    () => now().getTime()
  );

  /** The session a draft is for, once the policy lets this person write its work now (see draft-access.ts). */
  async function draftable(user: SignedInUser, id: string): Promise<SessionDoc> {
    const { doc, role } = await draftAccess.get(user, id);
    permit('write-work', accessOf(role), doc, now());
    return doc;
  }

  function toItem(doc: RoomItemDoc, session: SessionDoc): RoomItem {
    return {
      id: doc._id.toHexString(),
      kind: doc.kind,
      authorName: doc.authorName,
      authorRole: doc.authorRole,
      text: doc.text,
      reveal: doc.reveal,
      at: doc.at.toISOString(),
      minute: Math.max(0, (doc.at.getTime() - session.startedAt.getTime()) / 60_000)
    };
  }

  function toMembers(present: PresenceDoc[]): RoomMember[] {
    const byUser = new Map<string, RoomMember>();
    for (const p of present)
      byUser.set(p.userId.toHexString(), { userId: p.userId.toHexString(), name: p.name, role: p.role });
    return [...byUser.values()];
  }

  async function publish(sessionId: ObjectId, audience: EventDoc['audience'], event: BusEvent): Promise<number> {
    const seq = await events.append(sessionId, audience, event, now());
    hub.published(sessionId, { seq, audience, event });
    relay.written(sessionId);
    return seq;
  }

  /** The session, once the policy lets this person do `action` in its room now. */
  async function allowed(user: SignedInUser, id: string, action: 'reveal' | 'note' | 'write-work' | 'chat') {
    const { doc, role } = await sessions.getReadable(user, id);
    permit(action, accessOf(role), doc, now());
    return doc;
  }

  /**
   * Stores the item (under `_id` when the write has its own identity); `fresh` is false when that `_id` was already
   * stored, and `item` is then the one stored first.
   */
  async function addItem(
    user: SignedInUser,
    doc: SessionDoc,
    role: RoomRole,
    fields: Pick<RoomItemDoc, 'kind' | 'text' | 'reveal'>,
    _id: ObjectId = new ObjectId()
  ): Promise<{ item: RoomItem; fresh: boolean }> {
    const item: RoomItemDoc = {
      _id,
      sessionId: doc._id,
      authorId: user._id,
      authorName: user.name,
      authorRole: role,
      at: now(),
      ...fields
    };
    const { fresh, stored } = await room.addItem(item);
    return { item: toItem(stored, doc), fresh };
  }

  /** The `_id` of a write the browser named (its outbox retries it): by session, author and client id. */
  const clientItemId = (doc: SessionDoc, user: SignedInUser, clientId: string | undefined) =>
    clientId ? itemIdFor('client', doc._id.toHexString(), user._id.toHexString(), clientId) : new ObjectId();

  /** What each domain event tells the room's members (nothing, for what only insights read). */
  const toldTheRoom: HandlerTable<Promise<unknown>> = {
    // A room started with its log: its first read searches for nothing stored before it.
    'session-started': ({ sessionId }) => room.open(sessionId),
    // An autosave is stored already: its notice passes to the interviewers (here at once, elsewhere in the relay's
    // next tick) and is not kept, so a save costs no event write; a reconnecting interviewer reads the session.
    'work-saved': async ({ sessionId, revision, notes }) => {
      hub.pass(sessionId, { audience: 'interviewers', event: { type: 'saved', revision, notes } });
      relay.saved(sessionId, { revision, notes });
    },
    'phase-moved': ({ session }) => {
      const phaseLog = session.phaseLog.map((p) => ({ phaseId: p.phaseId, startedAt: p.startedAt.toISOString() }));
      return publish(session._id, 'all', { type: 'phase', phaseLog, revision: session.revision });
    },
    'session-ended': ({ sessionId, submittedAt }) =>
      publish(sessionId, 'all', { type: 'status', status: 'submitted', submittedAt: submittedAt.toISOString() }),
    'self-scored': async () => {},
    // Its room went with it: an interviewer's stream ends at its next check of access (stillIn).
    'session-deleted': async () => {},
    'submission-made': ({ sessionId, n, total }) =>
      publish(sessionId, 'all', { type: 'submission', n, passed: null, total }),
    'submission-judged': ({ sessionId, n, passed, total }) =>
      publish(sessionId, 'all', { type: 'submission', n, passed, total }),
    'submission-confirmed': async () => {},
    'peer-scored': async () => {},
    // A loop's feedback is blind until every round is in: nothing of it is ever said in a round's room.
    'loop-changed': async () => {},
    'loop-decided': async () => {},
    // The reviewer the invite admitted leaves the room: their open streams end.
    'invite-revoked': async ({ invite }) => {
      if (!invite.acceptedBy) return;
      const userId = invite.acceptedBy.toHexString();
      await publish(invite.sessionId, { userId }, { type: 'access-ended', userId });
    },
    // The candidate's invite list follows its invites live (accepted, issued again, scored).
    'invite-changed': ({ userId, sessionId, invite }) =>
      publish(sessionId, { userId: userId.toHexString() }, { type: 'invite', invite }),
    'room-message': ({ sessionId, audience, event }) => publish(sessionId, audience, event)
  };

  return {
    /** The caller's place in the room, or 404 when they have none. */
    async enter(user: SignedInUser, id: string): Promise<{ doc: SessionDoc; role: RoomRole }> {
      const { doc, role } = await sessions.getReadable(user, id);
      return { doc, role: roomRole(role) };
    },

    /** Whether the user still has a place in the room (a revoked invite takes it away). */
    async stillIn(user: SignedInUser, id: string): Promise<boolean> {
      return sessions.getReadable(user, id).then(
        () => true,
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 404) return false;
          throw error;
        }
      );
    },

    /**
     * The room as this person may see it: its newest page of chat, notes and runs (or the page before `before`),
     * with every reveal on the first page (there are a handful, and the prompt shows them all).
     */
    async state(user: SignedInUser, id: string, query: RoomQuery = {}): Promise<RoomResponse> {
      const { doc, role } = await sessions.getReadable(user, id);
      const eventSeq = await events.head(doc._id);
      const interviewer = role === 'reviewer';
      // The candidate reads the interviewers' notes once the session is over, not while being interviewed.
      const kinds: RoomItemDoc['kind'][] = interviewer
        ? ['chat', 'note', 'run']
        : doc.status === 'submitted'
          ? ['chat', 'note']
          : ['chat'];
      const limit = query.limit ?? ROOM_PAGE_ITEMS;
      const before = query.before ? cursorOf(query.before) : null;
      const { items: page, more, reveals } = await room.page(doc._id, kinds, before, limit, !before);
      const items = [...page, ...reveals]
        .sort((x, y) => x.at.getTime() - y.at.getTime())
        .map((item) => toItem(item, doc));
      return {
        role: roomRole(role),
        eventSeq,
        items,
        members: toMembers(await room.present(doc._id, now())),
        guide: roomGuide(doc, { role }),
        earlier: more && page[0] ? `${page[0].seq}-${page[0]._id.toHexString()}` : null
      };
    },

    /** A message to the room while the session runs, at most `chatLimit` per person; a retried one is stored once. */
    async say(user: SignedInUser, id: string, text: string, clientId?: string): Promise<RoomItem> {
      const { doc, role } = await sessions.getReadable(user, id);
      permit('chat', accessOf(role), doc, now());
      await rateLimiter?.hit(`chat:${doc._id.toHexString()}:${user._id.toHexString()}`, chatLimit);
      const { item, fresh } = await addItem(
        user,
        doc,
        roomRole(role),
        { kind: 'chat', text, reveal: null },
        clientItemId(doc, user, clientId)
      );
      if (fresh) await publish(doc._id, 'all', { type: 'chat', item });
      return item;
    },

    async note(user: SignedInUser, id: string, text: string, clientId?: string): Promise<RoomItem> {
      const doc = await allowed(user, id, 'note');
      const { item, fresh } = await addItem(
        user,
        doc,
        'interviewer',
        { kind: 'note', text, reveal: null },
        clientItemId(doc, user, clientId)
      );
      if (fresh) await publish(doc._id, 'interviewers', { type: 'note', item });
      return item;
    },

    async reveal(
      user: SignedInUser,
      id: string,
      what: { kind: 'followUp' | 'hint'; index: number }
    ): Promise<RoomItem> {
      const doc = await allowed(user, id, 'reveal');
      const guide = interviewerGuide(doc);
      const list = what.kind === 'followUp' ? guide?.followUps : guide?.hints;
      const text = list?.[what.index];
      if (text === undefined) {
        throw new ApiError(400, 'VALIDATION_FAILED', 'This prompt has no such follow-up or hint.', {
          index: guide
            ? `Choose 0 to ${(list?.length ?? 1) - 1}`
            : 'This prompt has no interviewer guide to reveal from'
        });
      }
      // One follow-up is revealed once, however many reveals of it arrive at once: its `_id` says which it is.
      const revealId = itemIdFor('reveal', doc._id.toHexString(), what.kind, String(what.index));
      const { item, fresh } = await addItem(user, doc, 'interviewer', { kind: 'reveal', text, reveal: what }, revealId);
      if (!fresh) throw new ApiError(409, 'CONFLICT', 'The candidate already sees this one.');
      await publish(doc._id, 'all', { type: 'reveal', item });
      return item;
    },

    /**
     * The candidate's work as typed, for the interviewers' screens: to this instance's streams at once, and to other
     * instances in the relay's next tick when an interviewer is in the room through one. Nothing stores it (autosave
     * keeps the work), so a flood of drafts costs no write.
     */
    async draft(user: SignedInUser, id: string, body: DraftBody): Promise<void> {
      const doc = await draftable(user, id);
      hub.pass(doc._id, { audience: 'interviewers', event: { type: 'draft', ...body } });
      relay.draft(doc._id, body);
    },

    /** A Run's results, kept in the room for the interviewers (and their replay); the candidate's to send. */
    async run(user: SignedInUser, id: string, body: RunBody): Promise<RoomItem> {
      const doc = await allowed(user, id, 'write-work');
      if (doc.kind !== 'coding') throw notFound('That session');
      const { item } = await addItem(user, doc, 'candidate', { kind: 'run', text: runText(body), reveal: null });
      await publish(doc._id, 'interviewers', { type: 'run', item });
      return item;
    },

    /** Enters the user into the room's presence and tells everyone; returns the key to leave with. */
    async join(user: SignedInUser, doc: SessionDoc, role: RoomRole): Promise<string> {
      const key = `${doc._id.toHexString()}:${new ObjectId().toHexString()}`;
      await room.join({
        _id: key,
        sessionId: doc._id,
        userId: user._id,
        name: user.name,
        role,
        seenAt: now(),
        instance
      });
      presenceBeat.add(key);
      await publish(doc._id, 'all', { type: 'presence', members: toMembers(await room.present(doc._id, now())) });
      return key;
    },

    async leave(sessionId: ObjectId, key: string): Promise<void> {
      presenceBeat.remove(key);
      await room.leave(key);
      await publish(sessionId, 'all', { type: 'presence', members: toMembers(await room.present(sessionId, now())) });
    },

    /**
     * The room's follower of domain events (see events.ts): tells the room's members what a write changed. A room
     * message is itself the write and fails with it; any other event's failure here is logged, never the writer's.
     */
    async hear(event: DomainEvent): Promise<void> {
      const told = handle(toldTheRoom, event);
      if (event.type === 'room-message') await told;
      else await told.catch((error: unknown) => console.error(`room not told of ${event.type}`, error));
    },

    async prune(): Promise<void> {
      await events.prune(now());
      await room.prunePresence(now());
    }
  };
}

export type RoomService = ReturnType<typeof createRoomService>;
