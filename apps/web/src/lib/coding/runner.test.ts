/**
 * The runner's timing rules, with a scripted sandbox in place of the iframe: the page's own clock decides a time-out
 * (never a time the worker sends), and a time-out is confirmed once in a fresh sandbox, then put down to the machine
 * when the page's calibration loop runs slow.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RuntimeProgress } from './runner.ts';

type Reply = { delayMs: number; response: unknown };
const script: { replies: Reply[]; created: number; destroyed: number; slowdown: number } = {
  replies: [],
  created: 0,
  destroyed: 0,
  slowdown: 1.1
};

vi.mock('./sandbox/assets.ts', () => ({ prefetchSandbox: () => {} }));
vi.mock('./machine.ts', () => ({
  MachineProbe: class {
    async baseline() {}
    async load() {
      return { slowdown: script.slowdown, busy: script.slowdown >= 2 };
    }
    dispose() {}
  }
}));
vi.mock('./sandbox/host.ts', () => ({
  Sandbox: class {
    alive = true;
    constructor() {
      script.created++;
    }
    request(message: { type: string }, limitMs: number): Promise<unknown> {
      if (!this.alive) return Promise.resolve('timeout');
      if (message.type === 'load') return Promise.resolve({ id: 1, type: 'loaded' });
      if (message.type === 'prepare') return Promise.resolve({ id: 1, type: 'prepared' });
      const next = script.replies.shift() ?? { delayMs: 0, response: { id: 1, type: 'called', ok: true, stdout: '' } };
      return new Promise((resolve) => {
        if (next.delayMs > limitMs) {
          setTimeout(() => {
            this.destroy();
            resolve('timeout');
          }, limitMs);
        } else setTimeout(() => resolve(next.response), next.delayMs);
      });
    }
    destroy() {
      if (this.alive) script.destroyed++;
      this.alive = false;
    }
  }
}));

const { CodeRunner, SPARE_DELAY_MS } = await import('./runner.ts');
const problem = { signature: {}, timeLimitMs: { javascript: 100, python: 100 } };
const called = (value: unknown, extra: object = {}) => ({
  id: 1,
  type: 'called',
  ok: true,
  value,
  stdout: '',
  ...extra
});

beforeEach(() => {
  Object.assign(script, { replies: [], created: 0, destroyed: 0, slowdown: 1.1 });
});

describe('CodeRunner timing', () => {
  it('times each call in the page: a reply that says 1 ms after 250 ms is over a 100 ms limit', async () => {
    script.replies = [
      { delayMs: 250, response: called(1, { ms: 1 }) },
      { delayMs: 250, response: called(1, { ms: 1 }) }
    ];
    const caller = new CodeRunner().caller('javascript', 'code', problem);
    const reply = await caller.call([1]);
    expect(reply.kind).toBe('timeout');
    expect(reply.ms).toBeGreaterThanOrEqual(100);
  });

  it('confirms a time-out once in a fresh sandbox: a slow moment that passes is not a time-out', async () => {
    script.replies = [
      { delayMs: 150, response: called(1) },
      { delayMs: 5, response: called(2) }
    ];
    const caller = new CodeRunner().caller('javascript', 'code', problem);
    const reply = await caller.call([1]);
    expect(reply).toMatchObject({ kind: 'result', value: 2 });
    expect(script.created).toBe(2);
    expect(script.destroyed).toBe(1);
  });

  it('a confirmed time-out on an idle machine is Time Limit Exceeded', async () => {
    script.replies = [
      { delayMs: 150, response: called(1) },
      { delayMs: 150, response: called(1) }
    ];
    expect((await new CodeRunner().caller('javascript', 'code', problem).call([1])).kind).toBe('timeout');
  });

  it('on a busy machine the confirming run has the limit scaled by the measured slowdown', async () => {
    script.slowdown = 2.5; // a 100 ms limit becomes 250 ms for the run in the fresh sandbox
    script.replies = [
      { delayMs: 150, response: called(1) },
      { delayMs: 200, response: called(3) }
    ];
    expect(await new CodeRunner().caller('javascript', 'code', problem).call([1])).toMatchObject({
      kind: 'result',
      value: 3
    });
    script.replies = [
      { delayMs: 150, response: called(1) },
      { delayMs: 300, response: called(3) }
    ];
    expect(await new CodeRunner().caller('javascript', 'code', problem).call([1])).toMatchObject({
      kind: 'timeout',
      allowedMs: 250
    });
  });

  it('a machine slower than the largest scale is not judged', async () => {
    script.replies = [{ delayMs: 150, response: called(1) }];
    script.slowdown = 7;
    expect(await new CodeRunner().caller('javascript', 'code', problem).call([1])).toMatchObject({
      kind: 'busy',
      slowdown: 7
    });
  });
});

describe('Python’s warm spare', () => {
  afterEach(() => vi.useRealTimers());
  const stages = (progress: RuntimeProgress[]) =>
    progress.map((p) => (p.stage === 'restarting' ? `restarting (${p.why})` : p.stage));

  it('loads in the background once Python is ready and takes over after a time-out with no wait', async () => {
    vi.useFakeTimers();
    const progress: RuntimeProgress[] = [];
    const runner = new CodeRunner((_, p) => progress.push(p));
    await runner.load('python');
    expect(script.created).toBe(1);
    await vi.advanceTimersByTimeAsync(SPARE_DELAY_MS);
    expect(script.created).toBe(2); // the spare, loaded
    script.replies = [
      { delayMs: 150, response: called(1) },
      { delayMs: 5, response: called(2) }
    ];
    const reply = runner.caller('python', 'code', problem).call([1]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await reply).toMatchObject({ kind: 'result', value: 2 });
    // The confirming run went to the warm spare: nothing said it was waiting; the next spare is loading.
    expect(stages(progress)).not.toContain('restarting (timeout)');
    expect(script.created).toBe(3);
    runner.dispose();
  });

  it('says what a run waits for when the spare is not ready yet', async () => {
    vi.useFakeTimers();
    const progress: RuntimeProgress[] = [];
    const runner = new CodeRunner((_, p) => progress.push(p));
    await runner.load('python');
    // A time-out before the spare was started: the fresh sandbox is loaded while the page says why.
    script.replies = [
      { delayMs: 150, response: called(1) },
      { delayMs: 150, response: called(1) }
    ];
    const reply = runner.caller('python', 'code', problem).call([1]);
    await vi.advanceTimersByTimeAsync(2000);
    expect((await reply).kind).toBe('timeout');
    expect(stages(progress)).toContain('restarting (timeout)');
    expect(stages(progress).at(-1)).toBe('ready');
    runner.dispose();
  });
});
