import { describe, expect, it } from 'vitest';
import { CallMemory, type CallStore } from './call-memory.ts';

/** sessionStorage in memory: one tab. */
function tab(): CallStore & { keys: () => string[] } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    keys: () => [...items.keys()]
  };
}

const BOOKING = 'b'.repeat(24);
/** A page's memory of session `sessionId`, once its call's state has arrived. */
function page(store: CallStore, sessionId: string, half: 0 | 1 | null) {
  const memory = new CallMemory(store, sessionId);
  memory.pair = half === null ? null : { bookingId: BOOKING, half };
  return memory;
}

describe('an ordinary session', () => {
  it('joins again after a reload, not after the page went away or the person left', () => {
    const store = tab();
    page(store, 's1', null).joined(false);
    expect(page(store, 's1', null).rejoin).toEqual({ muted: false });
    page(store, 's1', null).ended();
    expect(page(store, 's1', null).rejoin).toBeNull();
    page(store, 's1', null).joined(false);
    page(store, 's1', null).left();
    expect(page(store, 's1', null).rejoin).toBeNull();
    expect(store.keys()).toEqual([]);
  });

  it('comes back muted after a reload while muted', () => {
    const store = tab();
    page(store, 's1', null).joined(true);
    expect(page(store, 's1', null).rejoin).toEqual({ muted: true });
  });

  it('carries nothing to another session', () => {
    const store = tab();
    page(store, 's1', null).joined(false);
    expect(page(store, 's2', null).rejoin).toBeNull();
  });
});

describe('a practice pair', () => {
  it.each([
    { name: 'in the first half’s call when its page went away', then: 'ended', muted: false, second: { muted: false } },
    { name: 'muted in the first half’s call', then: 'ended', muted: true, second: { muted: true } },
    {
      name: 'in the first half’s call at a reload, then the swap',
      then: 'nothing',
      muted: false,
      second: { muted: false }
    },
    { name: 'left the first half’s call', then: 'left', muted: false, second: null }
  ] as const)('$name → the second half’s call: $second', ({ then, muted, second }) => {
    const store = tab();
    const first = page(store, 'half-1', 0);
    first.joined(muted);
    if (then === 'ended') first.ended();
    if (then === 'left') first.left();
    expect(page(store, 'half-2', 1).rejoin).toEqual(second);
  });

  it('never joins a half’s call the person was not in before', () => {
    expect(page(tab(), 'half-2', 1).rejoin).toBeNull();
  });

  it('carries forward only: back on the first half’s page after the second half’s call, nothing is joined', () => {
    const store = tab();
    page(store, 'half-1', 0).joined(false);
    page(store, 'half-1', 0).ended();
    const second = page(store, 'half-2', 1);
    second.joined(false);
    second.ended();
    expect(page(store, 'half-1', 0).rejoin).toBeNull();
    expect(page(store, 'half-2', 1).rejoin).toBeNull();
  });

  it('a reload in the second half joins its call again', () => {
    const store = tab();
    page(store, 'half-2', 1).joined(false);
    expect(page(store, 'half-2', 1).rejoin).toEqual({ muted: false });
  });
});
