import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '@mockloop/contracts';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import type { Envelope, EventHub, Subscriber } from './event-hub.ts';
import { runConnection, type EventSink } from './connection.ts';
import type { RoomService } from './room.ts';

const user = {
  _id: new ObjectId(),
  name: 'Ivan',
  email: 'i@x',
  emailKey: 'i@x',
  createdAt: new Date()
} as SignedInUser;
const session = { _id: new ObjectId() } as SessionDoc;

/** A hub that hands its one subscriber to the test, and a room that records presence. */
function fakes() {
  let subscriber: Subscriber | null = null;
  const hub = {
    subscribe: async (_id: ObjectId, _after: number | null, s: Subscriber) => {
      subscriber = s;
      return { seq: 0, close: () => (subscriber = null) };
    }
  } as unknown as EventHub;
  const presence: string[] = [];
  const room = {
    join: async () => {
      presence.push('join');
      return 'key';
    },
    leave: async () => void presence.push('leave'),
    heartbeat: async () => {},
    stillIn: async () => true
  } as unknown as RoomService;
  return { hub, room, presence, push: (e: Envelope) => subscriber!.deliver(e), subscribed: () => subscriber !== null };
}

function sink(stalled: boolean) {
  const sent: LiveEvent[] = [];
  let aborted = false;
  const listeners: (() => void)[] = [];
  const s: EventSink & { sent: LiveEvent[]; closes: number } = {
    sent,
    closes: 0,
    // A stalled client: the first write never completes.
    send: (event) => {
      sent.push(event);
      return stalled ? new Promise(() => {}) : Promise.resolve();
    },
    ping: async () => {},
    close: () => {
      s.closes += 1;
      aborted = true;
      for (const l of listeners) l();
    },
    get aborted() {
      return aborted;
    },
    onAbort: (l) => listeners.push(l)
  };
  return s;
}

const chat = (seq: number, audience: Envelope['audience'] = 'all'): Envelope => ({
  seq,
  audience,
  event: { type: 'chat', text: 'x'.repeat(1000) }
});

describe('runConnection', () => {
  it('disconnects a client that stops reading once its queue is full, instead of growing', async () => {
    const { hub, room, push, presence } = fakes();
    const out = sink(true);
    void runConnection({
      user,
      session,
      role: 'interviewer',
      after: null,
      room,
      hub,
      sink: out,
      now: () => new Date(),
      limits: { maxQueuedEvents: 20 }
    });
    await new Promise((r) => setTimeout(r, 10));
    for (let seq = 1; seq <= 100; seq++) push(chat(seq));
    expect(out.closes).toBe(1);
    // Only the hello reached the stalled socket; nothing else was kept for it.
    expect(out.sent.map((e) => e.type)).toEqual(['hello']);
    expect(presence).toEqual(['join']);
  });

  it('sends only the events of its audience, and ends with an error when its access ends', async () => {
    const { hub, room, push, presence, subscribed } = fakes();
    const out = sink(false);
    const done = runConnection({
      user,
      session,
      role: 'candidate',
      after: null,
      room,
      hub,
      sink: out,
      now: () => new Date()
    });
    await new Promise((r) => setTimeout(r, 10));
    push(chat(1));
    push(chat(2, 'interviewers'));
    push(chat(3, { userId: new ObjectId().toHexString() }));
    push(chat(4, { userId: user._id.toHexString() }));
    await new Promise((r) => setTimeout(r, 10));
    expect(out.sent.map((e) => e.type)).toEqual(['hello', 'chat', 'chat']);
    out.close();
    await done;
    expect(subscribed()).toBe(false);
    expect(presence).toEqual(['join', 'leave']);

    const interviewer = fakes();
    const theirs = sink(false);
    const ended = runConnection({
      user,
      session,
      role: 'interviewer',
      after: null,
      room: interviewer.room,
      hub: interviewer.hub,
      sink: theirs,
      now: () => new Date()
    });
    await new Promise((r) => setTimeout(r, 10));
    interviewer.push({
      seq: 5,
      audience: { userId: user._id.toHexString() },
      event: { type: 'access-ended', userId: user._id.toHexString() }
    });
    await ended;
    expect(theirs.sent.at(-1)).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
  });
});
