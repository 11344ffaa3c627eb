import type { DraftBody } from '@mockloop/contracts';
import { ObjectId } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { EventHub } from './event-hub.ts';
import { createRelay, type Tick, type TickStream } from './relay.ts';
import type { Elsewhere } from './watch-list.ts';

/** The ticks of every instance in memory; `hold()` keeps the next append waiting until released. */
function memoryStream() {
  const ticks: (Tick | null)[] = [];
  let held: Promise<void> | null = null;
  let readsHeld: Promise<void> | null = null;
  const calls = { reads: 0, appendedAfter: [] as number[] };
  const stream: TickStream = {
    append: async (tick, after) => {
      calls.appendedAfter.push(after);
      if (held) await held;
      ticks.push(structuredClone(tick));
      return ticks.length;
    },
    read: async (seq) => {
      calls.reads += 1;
      if (readsHeld) await readsHeld;
      return ticks[seq - 1] ?? null;
    },
    head: async () => ticks.length,
    counted: async () => ticks.length
  };
  return {
    stream,
    ticks,
    calls,
    /** Keeps every read waiting (answered as stored when released). */
    holdReads: () => {
      let release!: () => void;
      readsHeld = new Promise<void>((resolve) => (release = resolve));
      return () => {
        readsHeld = null;
        release();
      };
    },
    hold: () => {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    }
  };
}

interface FakeHub {
  pass: Mock<EventHub['pass']>;
  nudge: Mock<EventHub['nudge']>;
  listening: boolean;
  closed: boolean;
  noticed: boolean;
}

const hubs: FakeHub[] = [];

/** This instance's hub as the relay sees it; `listening`: a stream is open here. */
function fakeHub(listening: boolean): FakeHub {
  const hub = {
    pass: vi.fn<EventHub['pass']>(),
    nudge: vi.fn<EventHub['nudge']>(),
    listening,
    closed: false,
    noticed: false
  };
  hubs.push(hub);
  return hub;
}

const everywhere: Elsewhere = { interviewer: true, member: true };
const nowhere: Elsewhere = { interviewer: false, member: false };

/** An instance's relay over `stream`, with who is elsewhere for each room (`places`, by hex id; nobody by default). */
function instance(name: string, stream: TickStream, places: Record<string, Elsewhere> = {}, listening = true) {
  const hub = fakeHub(listening);
  const relay = createRelay({
    instance: name,
    stream,
    elsewhere: async (id) => places[id.toHexString()] ?? nowhere,
    hub
  });
  return { relay, hub };
}

const notes = (design: string): DraftBody => ({ notes: { design } });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  // Each reader stops at its next turn once its hub has closed.
  for (const hub of hubs.splice(0)) hub.closed = true;
  await vi.advanceTimersByTimeAsync(100);
  vi.useRealTimers();
});

describe('the relay writing', () => {
  it('writes one document a tick with the latest draft of each room watched elsewhere, merged', async () => {
    const { stream, ticks } = memoryStream();
    const [watched, other, local] = [new ObjectId(), new ObjectId(), new ObjectId()];
    const { relay, hub } = instance('a', stream, {
      [watched.toHexString()]: everywhere,
      [other.toHexString()]: everywhere
    });
    relay.draft(watched, notes('a'));
    await vi.advanceTimersByTimeAsync(0);
    // A quiet relay sends the first draft at once.
    expect(ticks).toEqual([
      { type: 'tick', from: 'a', passing: [{ sessionId: watched.toHexString(), draft: notes('a') }], written: [] }
    ]);
    // Within the next 50 ms: three drafts of one room (a field each), one of another, one of a room nobody
    // watches through another instance.
    relay.draft(watched, notes('ab'));
    relay.draft(watched, { notes: { functional: 'f' } });
    relay.draft(watched, { elements: [{ id: 'x', type: 'rectangle', version: 1 } as never] });
    relay.draft(other, notes('o'));
    relay.draft(local, notes('only here'));
    await vi.advanceTimersByTimeAsync(49);
    expect(ticks).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ticks).toHaveLength(2);
    expect(ticks[1]).toEqual({
      type: 'tick',
      from: 'a',
      passing: [
        {
          sessionId: watched.toHexString(),
          draft: { notes: { design: 'ab', functional: 'f' }, elements: [{ id: 'x', type: 'rectangle', version: 1 }] }
        },
        { sessionId: other.toHexString(), draft: notes('o') }
      ],
      written: []
    });
    // Nothing new: nothing written, however long.
    await vi.advanceTimersByTimeAsync(1000);
    expect(ticks).toHaveLength(2);
    expect(hub.pass).not.toHaveBeenCalled();
  });

  it('tells of a room written only when someone is in it elsewhere, and sends a draft only to an interviewer', async () => {
    const { stream, ticks } = memoryStream();
    const [candidateAway, interviewerAway, nobodyAway] = [new ObjectId(), new ObjectId(), new ObjectId()];
    const { relay } = instance('a', stream, {
      [candidateAway.toHexString()]: { interviewer: false, member: true },
      [interviewerAway.toHexString()]: everywhere
    });
    for (const room of [candidateAway, interviewerAway, nobodyAway]) {
      relay.draft(room, notes('typed'));
      relay.written(room);
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(ticks).toEqual([
      {
        type: 'tick',
        from: 'a',
        passing: [{ sessionId: interviewerAway.toHexString(), draft: notes('typed') }],
        written: [candidateAway.toHexString(), interviewerAway.toHexString()]
      }
    ]);
  });

  it("sends a room's saves of one tick as the last revision with every field saved, beside its draft", async () => {
    const { stream, ticks } = memoryStream();
    const room = new ObjectId();
    const { relay } = instance('a', stream, { [room.toHexString()]: everywhere });
    relay.written(new ObjectId());
    await vi.advanceTimersByTimeAsync(0);
    relay.saved(room, { revision: 4, notes: { design: 'd' } });
    relay.draft(room, notes('de'));
    relay.saved(room, { revision: 5, notes: { functional: 'f' } });
    await vi.advanceTimersByTimeAsync(50);
    expect(ticks.at(-1)?.passing).toEqual([
      {
        sessionId: room.toHexString(),
        saved: { revision: 5, notes: { design: 'd', functional: 'f' } },
        draft: notes('de')
      }
    ]);
  });

  it('keeps what nobody elsewhere was known to want until a look begun after it arrived says', async () => {
    const { stream, ticks } = memoryStream();
    const room = new ObjectId();
    const hub = fakeHub(false);
    // The last look began before the draft: no answer at first, then an interviewer who had just joined elsewhere.
    const answers: (Elsewhere | null)[] = [null, null, everywhere];
    const asked: number[] = [];
    createRelay({
      instance: 'a',
      stream,
      elsewhere: async (_id, since) => {
        asked.push(since);
        return answers.length > 0 ? answers.shift()! : nowhere;
      },
      hub
    }).draft(room, notes('a'));
    await vi.advanceTimersByTimeAsync(60);
    expect(ticks).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60);
    expect(ticks.map((t) => t?.passing)).toEqual([[{ sessionId: room.toHexString(), draft: notes('a') }]]);
    // Asked each time as of the draft's arrival.
    expect(new Set(asked)).toEqual(new Set([asked[0]]));
  });

  it('keeps one document in flight: what comes meanwhile goes in the next, right after it', async () => {
    const { stream, ticks, hold } = memoryStream();
    const room = new ObjectId();
    const { relay } = instance('a', stream, { [room.toHexString()]: everywhere });
    const release = hold();
    relay.draft(room, notes('a'));
    await vi.advanceTimersByTimeAsync(0);
    relay.draft(room, notes('ab'));
    await vi.advanceTimersByTimeAsync(200);
    relay.draft(room, notes('abc'));
    expect(ticks).toHaveLength(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(ticks.map((t) => t?.passing[0]?.draft)).toEqual([notes('a'), notes('abc')]);
  });
});

describe('the relay reading', () => {
  it("passes another instance's drafts to the streams here and has the rooms written looked at, in order", async () => {
    const { stream, calls } = memoryStream();
    const room = new ObjectId();
    const a = instance('a', stream, { [room.toHexString()]: everywhere });
    const b = instance('b', stream, { [room.toHexString()]: everywhere }, false);
    // b reads from the head once a stream is open there: the tick before is not its to read.
    a.relay.draft(room, notes('before'));
    await vi.advanceTimersByTimeAsync(100);
    b.hub.listening = true;
    await vi.advanceTimersByTimeAsync(100);
    expect(b.hub.noticed).toBe(true);
    expect(b.hub.pass).not.toHaveBeenCalled();
    // Opening from the head, b had every poller look once (the notices before it are unread).
    expect(b.hub.nudge).toHaveBeenCalledWith();
    a.relay.draft(room, notes('one'));
    a.relay.written(room);
    await vi.advanceTimersByTimeAsync(50);
    a.relay.draft(room, notes('two'));
    a.relay.saved(room, { revision: 2, notes: notes('two').notes! });
    await vi.advanceTimersByTimeAsync(100);
    expect(b.hub.pass.mock.calls).toEqual([
      [room, { audience: 'interviewers', event: { type: 'draft', notes: { design: 'one' } } }],
      [room, { audience: 'interviewers', event: { type: 'draft', notes: { design: 'two' } } }],
      [room, { audience: 'interviewers', event: { type: 'saved', revision: 2, notes: { design: 'two' } } }]
    ]);
    expect(b.hub.nudge).toHaveBeenCalledWith(room);
    // a reads past its own ticks without passing them back to its own streams (they had them at once).
    expect(a.hub.pass).not.toHaveBeenCalled();
    // Reading is a lookup a tick per instance, not one per room.
    expect(calls.reads).toBeLessThan(20);
    // b's own tick goes past the last of a's it read, where no other instance's is.
    b.relay.written(room);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.appendedAfter.at(-1)).toBe(3);
  });

  it('skips no tick when its own is stored while a read of that number is on its way', async () => {
    const { stream, ticks, holdReads } = memoryStream();
    const room = new ObjectId();
    const a = instance('a', stream, { [room.toHexString()]: everywhere });
    await vi.advanceTimersByTimeAsync(60);
    // a's reader asks for number 1 and waits; meanwhile a's own tick is stored as 1, then b's as 2.
    const release = holdReads();
    await vi.advanceTimersByTimeAsync(50);
    a.relay.written(room);
    await vi.advanceTimersByTimeAsync(0);
    expect(ticks).toHaveLength(1);
    ticks.push({ type: 'tick', from: 'b', passing: [], written: [room.toHexString()] });
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(a.hub.nudge).toHaveBeenCalledWith(room);
  });

  it('reads nothing while no stream is open here, and says when it cannot read', async () => {
    const { stream, calls } = memoryStream();
    const { hub } = instance('b', stream, {}, false);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.reads).toBe(0);
    hub.listening = true;
    await vi.advanceTimersByTimeAsync(60);
    expect(hub.noticed).toBe(true);
    stream.read = () => Promise.reject(new Error('database down'));
    await vi.advanceTimersByTimeAsync(60);
    // The pollers look on their own again.
    expect(hub.noticed).toBe(false);
  });

  it('skips a number taken and never stored, after waiting for it, and has every poller look', async () => {
    const { stream, ticks } = memoryStream();
    const room = new ObjectId();
    const { hub } = instance('b', stream);
    await vi.advanceTimersByTimeAsync(60);
    hub.nudge.mockClear();
    // Number 1 is counted but never stored; number 2 is another instance's draft.
    ticks.push(null, {
      type: 'tick',
      from: 'a',
      passing: [{ sessionId: room.toHexString(), draft: notes('x') }],
      written: []
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(hub.pass).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3000);
    expect(hub.nudge).toHaveBeenCalledWith();
    expect(hub.pass).toHaveBeenCalledWith(
      room,
      expect.objectContaining({ event: expect.objectContaining({ type: 'draft' }) })
    );
  });
});
