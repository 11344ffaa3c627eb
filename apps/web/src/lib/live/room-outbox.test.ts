import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFLINE_MESSAGE, outcomeOf, RoomOutbox, type RoomWrite } from './room-outbox.ts';

const chat = (n: number): RoomWrite => ({ clientId: `client-${n}`, kind: 'chat', text: `message ${n}` });
const reveal: RoomWrite = { clientId: 'client-r', kind: 'reveal', reveal: { kind: 'followUp', index: 1 } };

describe('outcomeOf', () => {
  it.each([
    { name: 'the network', write: chat(1), status: 0, code: 'NETWORK', outcome: 'retry' },
    { name: 'a server restarting', write: chat(1), status: 503, code: 'DATABASE_UNAVAILABLE', outcome: 'retry' },
    { name: 'a limit for now', write: chat(1), status: 429, code: 'RATE_LIMITED', outcome: 'retry' },
    { name: 'a reveal already shown', write: reveal, status: 409, code: 'CONFLICT', outcome: 'delivered' },
    { name: 'a session that ended', write: chat(1), status: 409, code: 'SESSION_LOCKED', outcome: 'refused' },
    { name: 'bad input', write: chat(1), status: 400, code: 'VALIDATION_FAILED', outcome: 'refused' },
    { name: 'no longer in the room', write: chat(1), status: 404, code: 'NOT_FOUND', outcome: 'refused' }
  ] as const)('$name → $outcome', ({ write, status, code, outcome }) => {
    expect(outcomeOf(write, { status, code })).toBe(outcome);
  });
});

/** An outbox over a server that is unreachable while `online` is false, and a store in memory. */
function harness(kept: RoomWrite[] = []) {
  const state = { online: true, stored: kept, received: [] as string[], waiting: '', refused: [] as string[] };
  const outbox = new RoomOutbox({
    store: { read: async () => state.stored, write: async (writes) => void (state.stored = writes) },
    send: async (write) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (!state.online) throw { status: 0, code: 'NETWORK', message: 'offline' };
      if (write.kind !== 'reveal' && write.text === 'refused')
        throw { status: 409, code: 'SESSION_LOCKED', message: 'ended' };
      state.received.push(write.clientId);
    },
    failureOf: (error) => error as { status: number; code: string; message: string },
    onChange: (_pending, waiting) => (state.waiting = waiting),
    onRefused: (write, message) => state.refused.push(`${write.clientId}: ${message}`)
  });
  return { outbox, state };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('RoomOutbox', () => {
  it('sends writes made offline once each, in order, when the network is back, and clears the message', async () => {
    const { outbox, state } = harness();
    state.online = false;
    await outbox.add(chat(1));
    await outbox.add(chat(2));
    await vi.advanceTimersByTimeAsync(100);
    expect(state.waiting).toBe(OFFLINE_MESSAGE);
    await outbox.add(chat(3));
    // Fifteen seconds offline: the retries find nothing, and keep everything.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(state.received).toEqual([]);
    expect(state.stored.map((w) => w.clientId)).toEqual(['client-1', 'client-2', 'client-3']);
    state.online = true;
    void outbox.drain();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.received).toEqual(['client-1', 'client-2', 'client-3']);
    expect(state.stored).toEqual([]);
    expect(state.waiting).toBe('');
    // Later retry timers find nothing more to send.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.received).toHaveLength(3);
  });

  it('retries by itself with a growing wait when nobody says the network is back', async () => {
    const { outbox, state } = harness();
    state.online = false;
    await outbox.add(chat(1));
    await vi.advanceTimersByTimeAsync(3_000);
    state.online = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.received).toEqual(['client-1']);
  });

  it('sends what a previous page kept before anything new', async () => {
    const { outbox, state } = harness([chat(1)]);
    void outbox.load();
    await outbox.add(chat(2));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.received).toEqual(['client-1', 'client-2']);
  });

  it('drops a write the server refuses for good, says why, and goes on with the next', async () => {
    const { outbox, state } = harness();
    await outbox.add({ clientId: 'client-x', kind: 'chat', text: 'refused' });
    await outbox.add(chat(2));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.refused).toEqual(['client-x: ended']);
    expect(state.received).toEqual(['client-2']);
    expect(state.stored).toEqual([]);
  });
});
