import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveLoop } from './save-loop.ts';

/** A loop over a fake server: each send takes `latencyMs` and records how many saves were out at once. */
function harness(latencyMs = 300) {
  let edits = 0;
  let saved = 0;
  let out = 0;
  const sends: { at: number; edits: number; outAtOnce: number }[] = [];
  const loop = new SaveLoop({
    hasChanges: () => edits > saved,
    send: async () => {
      out++;
      const upTo = edits;
      sends.push({ at: Date.now(), edits: upTo, outAtOnce: out });
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      saved = upTo;
      out--;
    }
  });
  return {
    loop,
    sends,
    edit: () => edits++,
    get saved() {
      return saved;
    }
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

describe('SaveLoop', () => {
  it('two flushes asked together send once, one after the other never together', async () => {
    const h = harness();
    h.edit();
    const first = h.loop.flush();
    const second = h.loop.flush();
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all([first, second]);
    expect(h.sends).toEqual([{ at: 0, edits: 1, outAtOnce: 1 }]);
  });

  it('edits made while a save is out wait for it and go out together in one save', async () => {
    const h = harness(300);
    h.edit();
    void h.loop.flush();
    for (let i = 0; i < 11; i++) {
      await vi.advanceTimersByTimeAsync(25);
      h.edit();
      void h.loop.flush();
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.sends.map((s) => s.outAtOnce)).toEqual([1, 1]);
    expect(h.sends.map((s) => s.at)).toEqual([0, 300]);
    expect(h.saved).toBe(12);
  });

  it.each([
    { name: 'a scheduled save fires after its delay', delay: 1000, advance: 999, sentBefore: 0, sentAfter: 1 },
    { name: 'a later schedule replaces the earlier one', delay: 500, advance: 499, sentBefore: 0, sentAfter: 1 }
  ])('$name', async ({ delay, advance, sentBefore, sentAfter }) => {
    const h = harness(10);
    h.edit();
    h.loop.schedule(5000);
    h.loop.schedule(delay);
    await vi.advanceTimersByTimeAsync(advance);
    expect(h.sends).toHaveLength(sentBefore);
    await vi.advanceTimersByTimeAsync(1 + 10);
    expect(h.sends).toHaveLength(sentAfter);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.sends).toHaveLength(sentAfter);
  });

  it('a timer that fires while a save is out waits for it', async () => {
    const h = harness(300);
    h.edit();
    void h.loop.flush();
    await vi.advanceTimersByTimeAsync(50);
    h.edit();
    h.loop.schedule(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(h.sends).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sends.map((s) => [s.at, s.outAtOnce])).toEqual([
      [0, 1],
      [300, 1]
    ]);
  });

  it('sends nothing when nothing changed, and nothing after stop', async () => {
    const h = harness();
    await h.loop.flush();
    h.edit();
    h.loop.stop();
    await h.loop.flush();
    h.loop.schedule(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sends).toEqual([]);
  });

  it('a send that throws does not leave the loop stuck', async () => {
    let calls = 0;
    const loop = new SaveLoop({
      hasChanges: () => calls < 2,
      send: async () => {
        calls++;
        throw new Error('network');
      }
    });
    await loop.flush();
    await loop.flush();
    expect(calls).toBe(2);
    expect(loop.busy).toBe(false);
  });
});
