import { ObjectId } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventDoc } from '../../db/client.ts';
import type { EventRepository, StoredEvent } from '../../db/events.ts';
import { createEventHub, type Envelope, type EventHub } from './event-hub.ts';

/** The bus as the repository presents it, in memory: numbers can be handed out before their event is stored. */
function memoryBus() {
  const stored = new Map<number, StoredEvent>();
  let head = 0;
  const calls = { head: 0, read: 0 };
  const repository: EventRepository = {
    append: async (_id, audience, event, at) => {
      head += 1;
      stored.set(head, { seq: head, audience, event, at });
      return head;
    },
    head: async () => head,
    counted: async () => {
      calls.head += 1;
      return head;
    },
    read: async (_id, seq) => {
      calls.read += 1;
      return stored.get(seq) ?? null;
    },
    prune: async () => 0
  };
  return {
    repository,
    calls,
    add: (text: string, audience: EventDoc['audience'] = 'all') =>
      repository.append(new ObjectId(), audience, { type: 'chat', text }, new Date()),
    /** A writer that took a number and has not stored its event yet. */
    reserve: () => ++head,
    fill: (seq: number, text: string) =>
      stored.set(seq, { seq, audience: 'all', event: { type: 'chat', text }, at: new Date() }),
    forget: (seq: number) => stored.delete(seq)
  };
}

function recorder() {
  const seen: (string | 'resync')[] = [];
  return {
    seen,
    subscriber: {
      deliver: (e: Envelope) => seen.push(String(e.event.text)),
      resync: () => seen.push('resync'),
      end: () => seen.push('end')
    }
  };
}

const until = async (check: () => boolean, ms = 2000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

let hub: EventHub;
afterEach(() => hub?.close());

describe('createEventHub', () => {
  it('serves fifty subscribers of a session from one poller', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 20, idlePollMs: 20 });
    const sessionId = new ObjectId();
    const viewers = Array.from({ length: 50 }, recorder);
    for (const v of viewers) await hub.subscribe(sessionId, null, v.subscriber);
    expect(hub.activeFeeds).toBe(1);
    const before = bus.calls.read;
    await bus.add('hello');
    await until(() => viewers.every((v) => v.seen.includes('hello')));
    await new Promise((r) => setTimeout(r, 100));
    // About one head lookup per interval, not fifty.
    expect(bus.calls.read - before).toBeLessThan(15);
  });

  it('replays what a resuming subscriber missed, then continues live, in order', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 10, idlePollMs: 10 });
    const sessionId = new ObjectId();
    const first = recorder();
    const live = await hub.subscribe(sessionId, null, first.subscriber);
    for (const text of ['a', 'b', 'c']) await bus.add(text);
    await until(() => first.seen.length === 3);
    live.close();
    expect(hub.activeFeeds).toBe(0);
    const late = recorder();
    await hub.subscribe(sessionId, 1, late.subscriber);
    await bus.add('d');
    await until(() => late.seen.includes('d'));
    expect(late.seen).toEqual(['b', 'c', 'd']);
  });

  it('waits for a number whose event is still being stored, and skips it with a resync if it never comes', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 10, idlePollMs: 10, gapMs: 150 });
    const sessionId = new ObjectId();
    const viewer = recorder();
    await hub.subscribe(sessionId, null, viewer.subscriber);
    const slow = bus.reserve();
    await bus.add('after');
    await new Promise((r) => setTimeout(r, 50));
    expect(viewer.seen).toEqual([]);
    bus.fill(slow, 'slow');
    await until(() => viewer.seen.length === 2);
    expect(viewer.seen).toEqual(['slow', 'after']);

    bus.reserve();
    await bus.add('past the gap');
    await until(() => viewer.seen.includes('past the gap'));
    expect(viewer.seen.slice(2)).toEqual(['resync', 'past the gap']);
  });

  it('polls slowly while the candidate is alone, and faster once presence shows an interviewer', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 10, watchPollMs: 10, idlePollMs: 400 });
    const sessionId = new ObjectId();
    await hub.subscribe(sessionId, null, recorder().subscriber);
    const idle = bus.calls.read;
    await new Promise((r) => setTimeout(r, 200));
    expect(bus.calls.read - idle).toBeLessThanOrEqual(1);
    await bus.repository.append(sessionId, 'all', { type: 'presence', members: [{ role: 'interviewer' }] }, new Date());
    hub.nudge(sessionId);
    await new Promise((r) => setTimeout(r, 200));
    expect(bus.calls.read - idle).toBeGreaterThan(3);
  });

  it('hands an event this instance stored to its subscribers at once, without reading it back', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 10_000, watchPollMs: 10_000, idlePollMs: 10_000 });
    const sessionId = new ObjectId();
    const viewer = recorder();
    await hub.subscribe(sessionId, null, viewer.subscriber);
    const reads = bus.calls.read;
    const event = { type: 'chat', text: 'local' };
    const seq = await bus.repository.append(sessionId, 'all', event, new Date());
    hub.published(sessionId, { seq, audience: 'all', event });
    expect(viewer.seen).toEqual(['local']);
    expect(bus.calls.read).toBe(reads);
    // Read again by a poller (the writer's hand-over raced it): still delivered once.
    hub.nudge(sessionId);
    await new Promise((r) => setTimeout(r, 50));
    expect(viewer.seen).toEqual(['local']);
  });

  it('reads on in order when an event is handed over before an earlier number arrived', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 10, watchPollMs: 10, idlePollMs: 10 });
    const sessionId = new ObjectId();
    const viewer = recorder();
    await hub.subscribe(sessionId, null, viewer.subscriber);
    const earlier = bus.reserve();
    const event = { type: 'chat', text: 'second' };
    const seq = await bus.repository.append(sessionId, 'all', event, new Date());
    hub.published(sessionId, { seq, audience: 'all', event });
    expect(viewer.seen).toEqual([]);
    bus.fill(earlier, 'first');
    await until(() => viewer.seen.length === 2);
    expect(viewer.seen).toEqual(['first', 'second']);
  });

  it('polls fast while other instances write to the room, and back at the watching pace once they stop', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 10, watchPollMs: 300, idlePollMs: 300, busyMs: 150 });
    const sessionId = new ObjectId();
    const viewer = recorder();
    await hub.subscribe(sessionId, null, viewer.subscriber);
    const quiet = bus.calls.read;
    await new Promise((r) => setTimeout(r, 150));
    expect(bus.calls.read - quiet).toBeLessThanOrEqual(1);
    // Another instance's event, found by the poller (nudged here instead of waiting for the slow interval).
    await bus.add('from elsewhere');
    hub.nudge(sessionId);
    await until(() => viewer.seen.includes('from elsewhere'));
    const busy = bus.calls.read;
    await new Promise((r) => setTimeout(r, 120));
    expect(bus.calls.read - busy).toBeGreaterThan(2);
    await new Promise((r) => setTimeout(r, 200));
    const after = bus.calls.read;
    await new Promise((r) => setTimeout(r, 200));
    expect(bus.calls.read - after).toBeLessThanOrEqual(1);
  });

  it('passes a draft to the subscribers here unnumbered, and keeps it from a subscriber resuming later', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 10, idlePollMs: 10 });
    const sessionId = new ObjectId();
    const viewer = recorder();
    const live = await hub.subscribe(sessionId, null, viewer.subscriber);
    await bus.add('numbered');
    await until(() => viewer.seen.includes('numbered'));
    const passed: unknown[] = [];
    viewer.subscriber.deliver = (e) => passed.push(e);
    hub.pass(sessionId, { audience: 'interviewers', event: { type: 'draft', notes: { design: 'typed' } } });
    expect(passed).toEqual([{ audience: 'interviewers', event: { type: 'draft', notes: { design: 'typed' } } }]);
    live.close();
    const late = recorder();
    await hub.subscribe(sessionId, 0, late.subscriber);
    expect(late.seen).toEqual(['numbered']);
    // A room nobody here listens to: nothing to hand it to.
    hub.pass(new ObjectId(), { audience: 'all', event: { type: 'draft' } });
  });

  it('while notices say when to look, looks when told (again, if told mid-look) and slowly besides', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 10, watchPollMs: 10, noticedPollMs: 5000, busyMs: 10_000 });
    hub.noticed = true;
    const sessionId = new ObjectId();
    const viewer = recorder();
    await hub.subscribe(sessionId, null, viewer.subscriber);
    // Another instance's events, with an interviewer in the room: without notices this poller would look every
    // 10 ms; told by the relay instead, it looks when told.
    await bus.repository.append(sessionId, 'all', { type: 'presence', members: [{ role: 'interviewer' }] }, new Date());
    hub.nudge(sessionId);
    await until(() => viewer.seen.length === 1);
    await bus.add('from elsewhere');
    hub.nudge(sessionId);
    await until(() => viewer.seen.includes('from elsewhere'));
    const reads = bus.calls.read;
    await new Promise((r) => setTimeout(r, 200));
    expect(bus.calls.read - reads).toBeLessThanOrEqual(1);
    // Told while a look is under way (its read of the next number already answered "nothing"): it looks again.
    const read = bus.repository.read;
    let answer!: () => void;
    bus.repository.read = async (id, seq) => {
      const found = await read(id, seq);
      await new Promise<void>((resolve) => (answer = resolve));
      return found;
    };
    hub.nudge(sessionId);
    await until(() => answer !== undefined);
    bus.repository.read = read;
    await bus.add('mid-look');
    hub.nudge(sessionId);
    answer();
    await until(() => viewer.seen.includes('mid-look'), 300);
  });

  it('tells a subscriber resuming from before what is kept to reload', async () => {
    const bus = memoryBus();
    hub = createEventHub(bus.repository, { pollMs: 10, idlePollMs: 10 });
    const sessionId = new ObjectId();
    for (const text of ['old', 'older', 'kept']) await bus.add(text);
    bus.forget(1);
    const viewer = recorder();
    await hub.subscribe(sessionId, 0, viewer.subscriber);
    expect(viewer.seen[0]).toBe('resync');
  });
});
