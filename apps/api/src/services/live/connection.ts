/**
 * One client's events stream: what it may receive (its audience), in order, with a bounded queue. A client that
 * falls too far behind is disconnected and resumes with Last-Event-ID, so a slow reader cannot grow the server's
 * memory. A revoked invite ends the interviewer's stream with an error event.
 */
import type { LiveEvent, RoomRole } from '@mockloop/contracts';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import type { EventHub, Passing } from './event-hub.ts';
import type { BusEvent, RoomService } from './room.ts';

/** Where the connection writes: the route adapts this to Hono's SSE stream. */
export interface EventSink {
  send(event: LiveEvent, id?: number): Promise<void>;
  /** A comment line: keeps proxies from closing an idle stream. */
  ping(): Promise<void>;
  /** Ends the response now, even while a write to a stalled client is pending. */
  close(): void;
  readonly aborted: boolean;
  onAbort(listener: () => void): void;
}

export interface ConnectionLimits {
  /** Events waiting for a slow client before it is disconnected. */
  maxQueuedEvents: number;
  /** Characters waiting for a slow client before it is disconnected. */
  maxQueuedChars: number;
  heartbeatMs: number;
  /** How often the stream asks whether its sign-in still holds (a sign-out elsewhere ends it within this). */
  authCheckMs: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  maxQueuedEvents: 500,
  maxQueuedChars: 4 * 1024 * 1024,
  heartbeatMs: 15_000,
  authCheckMs: 1_000
};

const signedOut: LiveEvent = {
  type: 'error',
  code: 'UNAUTHENTICATED',
  message: 'You signed out, so this room’s live connection has ended. Sign in again to rejoin.'
};

const revoked: LiveEvent = {
  type: 'error',
  code: 'FORBIDDEN',
  message: 'Your invite to this session was revoked: you are no longer in the room.'
};

export interface ConnectionOptions {
  user: SignedInUser;
  session: SessionDoc;
  role: RoomRole;
  after: number | null;
  room: RoomService;
  hub: EventHub;
  sink: EventSink;
  now: () => Date;
  /** Whether the sign-in the stream was opened with still holds (asked every `authCheckMs`). */
  signedIn?: () => Promise<boolean>;
  limits?: Partial<ConnectionLimits>;
}

/** Runs the stream until the client leaves, access ends or the client falls behind. */
export async function runConnection(options: ConnectionOptions): Promise<void> {
  const { user, session, role, room, hub, sink, now } = options;
  const limits = { ...defaultConnectionLimits, ...options.limits };
  const me = user._id.toHexString();
  const queue: { id?: number; event: LiveEvent; chars: number }[] = [];
  let queuedChars = 0;
  let ending: 'left' | 'behind' | 'revoked' | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  function enqueue(event: LiveEvent, id?: number): void {
    if (ending) return;
    const chars = JSON.stringify(event).length;
    queue.push({ event, chars, ...(id === undefined ? {} : { id }) });
    queuedChars += chars;
    if (queue.length > limits.maxQueuedEvents || queuedChars > limits.maxQueuedChars) {
      // Drop what is queued and disconnect: the client resumes from the last event it received.
      ending = 'behind';
      queue.length = 0;
      queuedChars = 0;
      sink.close();
    }
    notify();
  }

  function visible({ audience }: Passing): boolean {
    if (audience === 'all') return true;
    if (audience === 'interviewers') return role === 'interviewer';
    return audience.userId === me;
  }

  /** Ends the stream with `event` as its last word (the invite was revoked, or the person signed out). */
  function revoke(event: LiveEvent = revoked): void {
    if (ending) return;
    queue.length = 0;
    queue.push({ event, chars: 0 });
    ending = 'revoked';
    notify();
  }

  const subscription = await hub.subscribe(session._id, options.after, {
    deliver: (envelope) => {
      if (!visible(envelope)) return;
      const event = envelope.event as BusEvent;
      if (event.type === 'access-ended') {
        if (role === 'interviewer') revoke();
        return;
      }
      // A draft passes unnumbered: the client's Last-Event-ID stays at the last event it could resume from.
      enqueue(event, 'seq' in envelope ? envelope.seq : undefined);
    },
    resync: (seq) => enqueue({ type: 'resync' }, seq),
    end: () => {
      ending ??= 'left';
      sink.close();
      notify();
    }
  });
  queue.unshift({ event: { type: 'hello', role, serverNow: now().toISOString(), seq: subscription.seq }, chars: 0 });
  sink.onAbort(() => {
    ending ??= 'left';
    notify();
  });
  const presenceKey = await room.join(user, session, role);
  const heartbeat = setInterval(() => {
    void sink.ping().catch(() => {});
    // A revocation whose event this instance missed (or an invite changed by hand) still ends the stream.
    if (role === 'interviewer') {
      void room.stillIn(user, session._id.toHexString()).then(
        (inRoom) => inRoom || revoke(),
        () => {}
      );
    }
  }, limits.heartbeatMs);
  const { signedIn } = options;
  const authCheck = signedIn
    ? setInterval(() => {
        void signedIn().then(
          (yes) => yes || revoke(signedOut),
          () => {}
        );
      }, limits.authCheckMs)
    : null;

  try {
    for (;;) {
      if (ending === 'behind' || ending === 'left' || sink.aborted) break;
      const next = queue.shift();
      if (next) {
        queuedChars -= next.chars;
        await sink.send(next.event, next.id);
        if (ending === 'revoked' && queue.length === 0) break;
        continue;
      }
      if (ending) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    clearInterval(heartbeat);
    if (authCheck) clearInterval(authCheck);
    subscription.close();
    await room.leave(session._id, presenceKey).catch(() => {});
  }
}
