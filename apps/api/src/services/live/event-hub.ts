/**
 * This instance's readers of the event bus: one poller per session that has a stream open here, however many
 * streams that is, so fifty viewers of a room cost one lookup per interval. Events reach the poller through the
 * database whichever instance wrote them, so several instances behave as one; an event this instance wrote is
 * handed to its own subscribers as soon as it is stored (`published`), without reading it back.
 *
 * While the relay reads other instances' notices (see relay.ts), a poller looks when a notice says its session was
 * written, and once every `noticedPollMs` besides (a notice missed, or a writer that sent none). Without notices, how
 * often it looks depends on what it has been finding: fast (`pollMs`) while events written by other instances keep
 * arriving, at `watchPollMs` while an interviewer is in the room, at `idlePollMs` while the candidate is alone.
 *
 * A draft or a save's notice is not kept or numbered: it passes (`pass`) to this instance's subscribers as it arrives.
 */
import type { ObjectId } from 'mongodb';
import type { EventDoc } from '../../db/client.ts';
import type { EventRepository } from '../../db/events.ts';
import { ApiError } from '../../errors.ts';

export interface Envelope {
  seq: number;
  audience: EventDoc['audience'];
  event: { type: string } & Record<string, unknown>;
}

/** An event that is neither numbered nor kept (a draft): subscribers hear it as it passes, a resumed stream never. */
export type Passing = Omit<Envelope, 'seq'>;

export interface Subscriber {
  deliver(envelope: Envelope | Passing): void;
  /** Events were lost: the client must reload what it shows. */
  resync(seq: number): void;
  /** This instance is shutting down: end the stream (the client reconnects elsewhere). */
  end(): void;
}

export interface EventHubOptions {
  /** How often a session's poller looks for new events while other instances' events keep arriving (no notices). */
  pollMs?: number;
  /** How often it looks while an interviewer is in the room and nothing came from elsewhere for `busyMs`. */
  watchPollMs?: number;
  /** How long after the last event from another instance the poller stays at `pollMs`. */
  busyMs?: number;
  /** How often it looks while the candidate is alone (a solo mock keeps its stream open, cheaply). */
  idlePollMs?: number;
  /** How often it looks while notices say when to look (for a write no notice told of). */
  noticedPollMs?: number;
  /** How long a missing number may stay missing (its writer still storing it) before readers skip it. */
  gapMs?: number;
  /** Recent events kept in memory per session, so a client resuming after a short drop costs no reads. */
  ringSize?: number;
  /** Older than this many events behind, a resuming client reloads instead of replaying. */
  maxBacklog?: number;
}

const defaults = {
  pollMs: 75,
  watchPollMs: 250,
  busyMs: 10_000,
  idlePollMs: 1000,
  noticedPollMs: 10_000,
  gapMs: 2000,
  ringSize: 256,
  maxBacklog: 500
} satisfies Required<EventHubOptions>;

interface Feed {
  sessionId: ObjectId;
  /** The last event read from the database. */
  seq: number;
  ring: Envelope[];
  subscribers: Set<Subscriber>;
  timer: NodeJS.Timeout | null;
  /** An interviewer is in the room, as its last presence event said: poll at `watchPollMs` rather than idle. */
  fast: boolean;
  /** When the poller last found an event that no write of this instance had handed it. */
  foreignAt: number;
  /** When the poller last read the session's counter (see poll). */
  countedAt: number;
  polling: boolean;
  /** Asked to look while a look was under way (that look may have missed what it was asked for): look again. */
  again: boolean;
  gapSince: number | null;
}

/**
 * @example
 * const hub = createEventHub(createEventRepository(db));
 * const subscription = await hub.subscribe(sessionId, lastEventId, { deliver, resync });
 * subscription.close();
 */
export function createEventHub(events: EventRepository, options: EventHubOptions = {}) {
  const { pollMs, watchPollMs, busyMs, idlePollMs, noticedPollMs, gapMs, ringSize, maxBacklog } = {
    ...defaults,
    ...options
  } satisfies Required<EventHubOptions>;
  const feeds = new Map<string, Feed>();
  let closed = false;
  /** The relay is reading other instances' notices of what they wrote: pollers look when told, and slowly besides. */
  let noticed = false;
  const opening = new Map<string, Promise<Feed>>();

  function toEnvelope(stored: { seq: number; audience: EventDoc['audience']; event: unknown }): Envelope {
    return { seq: stored.seq, audience: stored.audience, event: stored.event as Envelope['event'] };
  }

  function accept(feed: Feed, envelope: Envelope): void {
    // Handed over by its writer while the poller was reading it too.
    if (envelope.seq <= feed.seq) return;
    feed.seq = envelope.seq;
    const { event } = envelope;
    if (event.type === 'presence' && Array.isArray(event.members)) {
      const fast = (event.members as { role?: string }[]).some((m) => m.role === 'interviewer');
      if (fast !== feed.fast) {
        feed.fast = fast;
        schedule(feed);
      }
    }
    feed.ring.push(envelope);
    if (feed.ring.length > ringSize) feed.ring.shift();
    for (const subscriber of feed.subscribers) subscriber.deliver(envelope);
  }

  async function poll(feed: Feed): Promise<void> {
    if (feed.polling) {
      feed.again = true;
      return;
    }
    feed.polling = true;
    feed.again = false;
    try {
      for (let read = 0; read < 100; read++) {
        const stored = await events.read(feed.sessionId, feed.seq + 1);
        if (stored) {
          feed.gapSince = null;
          if (stored.seq > feed.seq) {
            if (!feed.foreignAt) {
              feed.foreignAt = Date.now();
              schedule(feed);
            }
            feed.foreignAt = Date.now();
          }
          accept(feed, toEnvelope(stored));
          continue;
        }
        // Nothing at the next number: usually nothing new. Now and then the counter says whether a number past
        // ours was taken, so one that is never stored (an older writer stopped between numbering and storing, or
        // it was pruned) is skipped in the end rather than waited for.
        if (feed.gapSince === null && Date.now() - feed.countedAt < gapMs) break;
        feed.countedAt = Date.now();
        if ((await events.counted(feed.sessionId)) <= feed.seq) {
          feed.gapSince = null;
          break;
        }
        // Numbered but not stored yet: its writer is between the two steps. Wait for it, up to a point.
        feed.gapSince ??= Date.now();
        if (Date.now() - feed.gapSince < gapMs) break;
        feed.gapSince = null;
        feed.seq += 1;
        for (const subscriber of feed.subscribers) subscriber.resync(feed.seq);
      }
    } catch {
      // The database did not answer this time; the next interval tries again.
    } finally {
      feed.polling = false;
      if (feed.again) void poll(feed);
    }
  }

  function schedule(feed: Feed): void {
    if (feeds.get(feed.sessionId.toHexString()) !== feed) return;
    // One timer per feed: a change of pace replaces the one pending.
    if (feed.timer) clearTimeout(feed.timer);
    const busy = feed.foreignAt > 0 && Date.now() - feed.foreignAt < busyMs;
    if (!busy) feed.foreignAt = 0;
    feed.timer = setTimeout(
      () => void poll(feed).finally(() => schedule(feed)),
      noticed ? noticedPollMs : busy ? pollMs : feed.fast ? watchPollMs : idlePollMs
    );
    feed.timer.unref();
  }

  async function open(sessionId: ObjectId): Promise<Feed> {
    const key = sessionId.toHexString();
    const existing = feeds.get(key);
    if (existing) return existing;
    let pending = opening.get(key);
    if (!pending) {
      pending = (async () => {
        const seq = await events.head(sessionId);
        const feed: Feed = {
          sessionId,
          seq,
          ring: [],
          subscribers: new Set(),
          timer: null,
          fast: false,
          foreignAt: 0,
          countedAt: 0,
          polling: false,
          again: false,
          gapSince: null
        };
        feeds.set(key, feed);
        schedule(feed);
        return feed;
      })().finally(() => opening.delete(key));
      opening.set(key, pending);
    }
    return pending;
  }

  function closeIfIdle(feed: Feed): void {
    if (feed.subscribers.size > 0) return;
    if (feed.timer) clearTimeout(feed.timer);
    feeds.delete(feed.sessionId.toHexString());
  }

  return {
    /**
     * Delivers every event after `after` (the client's Last-Event-ID; null: from now on), then each new one as
     * it arrives. Returns the number the subscriber is at once caught up.
     */
    async subscribe(
      sessionId: ObjectId,
      after: number | null,
      subscriber: Subscriber
    ): Promise<{ seq: number; close: () => void }> {
      if (closed) throw new ApiError(503, 'SERVER_STOPPING', 'This server is stopping. Reconnect in a moment.');
      const feed = await open(sessionId);
      let position = after === null ? feed.seq : Math.min(after, feed.seq);
      if (feed.seq - position > maxBacklog) {
        position = feed.seq;
        subscriber.resync(position);
      }
      // Catch up to the poller, then join it with no await in between, so no event falls between the two.
      while (position < feed.seq) {
        const first = feed.ring[0];
        if (first && first.seq <= position + 1) {
          for (const envelope of feed.ring) if (envelope.seq > position) subscriber.deliver(envelope);
          position = feed.seq;
          break;
        }
        const stored = await events.read(sessionId, position + 1).catch(() => null);
        position += 1;
        if (stored) subscriber.deliver(toEnvelope(stored));
        else {
          // Pruned (the client was away too long): nothing before the poller's position can be trusted.
          position = feed.seq;
          subscriber.resync(position);
        }
      }
      feed.subscribers.add(subscriber);
      return {
        seq: position,
        close: () => {
          feed.subscribers.delete(subscriber);
          closeIfIdle(feed);
        }
      };
    },

    /** Looks for new events now rather than at the next interval (a session's, or every session's). */
    nudge(sessionId?: ObjectId): void {
      const targets = sessionId ? [feeds.get(sessionId.toHexString())] : [...feeds.values()];
      for (const feed of targets) if (feed) void poll(feed);
    },

    /** Hands `passing` to the session's subscribers on this instance now; nobody else ever reads it. */
    pass(sessionId: ObjectId, passing: Passing): void {
      const feed = feeds.get(sessionId.toHexString());
      if (feed) for (const subscriber of feed.subscribers) subscriber.deliver(passing);
    },

    /**
     * Whether the relay is reading other instances' notices (it says so after each read, and no longer once one
     * fails): while it is, a poller waits to be told, and looks every `noticedPollMs` besides.
     */
    set noticed(on: boolean) {
      noticed = on;
    },

    /** Whether any stream is open on this instance (the relay reads notices only while one is). */
    get listening(): boolean {
      return feeds.size > 0;
    },

    /**
     * This instance stored `envelope`: its subscribers get it now, unread, when it is the next number; after a
     * number still missing (another writer's, or one of ours still storing), the poller reads on in order.
     */
    published(sessionId: ObjectId, envelope: Envelope): void {
      const feed = feeds.get(sessionId.toHexString());
      if (!feed) return;
      if (envelope.seq === feed.seq + 1) accept(feed, envelope);
      else if (envelope.seq > feed.seq) void poll(feed);
    },

    /** True once the instance is stopping: no new streams. */
    get closed(): boolean {
      return closed;
    },

    /** Sessions with a poller on this instance (for tests and the bench). */
    get activeFeeds(): number {
      return feeds.size;
    },

    close(): void {
      closed = true;
      for (const feed of feeds.values()) {
        if (feed.timer) clearTimeout(feed.timer);
        for (const subscriber of feed.subscribers) subscriber.end();
      }
      feeds.clear();
    }
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
