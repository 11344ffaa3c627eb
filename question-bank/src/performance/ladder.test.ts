/**
 * The ladder driver with a scripted worker (times given, no clock): the harness's time is measured before the
 * candidate's code and subtracted, each rung is stopped at what the class allows it, and a failing ladder is timed
 * once more in a fresh worker, each rung keeping its faster time.
 */
import { describe, expect, it } from 'vitest';
import type { Complexity } from './growth.ts';
import { runLadder, type LadderCallOptions, type LadderReply, type LadderWorker, type Rung } from './ladder.ts';

const linear: Complexity = { time: 'O(n)', per: 'call' };
const rungs: Rung[] = [6250, 100_000].map((n) => ({ n, input: () => ({ input: [n] }), judge: (v) => v === n }));

/** A worker whose calls take `ms(n, attempt)`; the harness alone takes `harness(n)`; the loop 20 ms. */
function scripted(ms: (n: number, attempt: number) => number, harness = (_n: number) => 0) {
  const log: string[] = [];
  let attempt = 0;
  const worker: LadderWorker = {
    async restart() {
      attempt++;
      log.push('restart');
    },
    async loop() {
      return 20;
    },
    async call(input, options: LadderCallOptions, limitMs): Promise<LadderReply> {
      const n = (input as number[])[0]!;
      if (options.stub) {
        log.push(`stub ${n}`);
        return { kind: 'result', value: null, ms: harness(n) };
      }
      const took = ms(n, attempt) + harness(n);
      log.push(`call ${n}`);
      return took > limitMs ? { kind: 'timeout', ms: limitMs } : { kind: 'result', value: n, ms: took };
    }
  };
  return { worker, log };
}

describe('the performance ladder', () => {
  it('times the harness alone first, in a fresh worker, then each rung', async () => {
    const { worker, log } = scripted((n) => n / 1000);
    const outcome = await runLadder(worker, linear, 30, rungs);
    // The first rung is short: timed three times, its fastest counting as the base of the next.
    expect(log).toEqual([
      'restart',
      ...['stub 6250', 'stub 100000'].flatMap((s) => [s, s, s]),
      ...['call 6250', 'call 6250', 'call 6250'],
      'call 100000'
    ]);
    expect(outcome.results.map((r) => r.verdict)).toEqual(['pass', 'pass']);
    expect(outcome.growth?.ok).toBe(true);
  });

  it('subtracts the harness: a search whose input costs the harness linear time is not linear', async () => {
    const search: Complexity = { time: 'O(log n)', per: 'call' };
    const { worker } = scripted(
      (n) => 2 * Math.log2(n),
      (n) => n / 100
    );
    expect((await runLadder(worker, search, 30, rungs)).growth?.ok).toBe(true);
  });

  it('stops a quadratic rung at its allowance and confirms it in a fresh worker: Time Limit Exceeded by growth', async () => {
    const { worker, log } = scripted((n) => (n * n) / 1e6);
    const outcome = await runLadder(worker, linear, 30, rungs);
    expect(outcome.results.map((r) => r.verdict)).toEqual(['pass', 'timeout']);
    expect(outcome.growth).toMatchObject({ ok: false, reason: 'growth', index: 1 });
    expect(log.filter((l) => l === 'restart')).toHaveLength(2);
  });

  it('ends the ladder at a rung that finished over its allowance: the rungs above it are not run', async () => {
    const three: Rung[] = [694, 4166, 50_000].map((n) => ({ n, input: () => ({ input: [n] }), judge: (v) => v === n }));
    // Quadratic: the middle rung takes 347 ms against an allowance of 147 ms (7.35 loops) and a kill at 447 ms, so
    // it finishes, over what O(n) allows; the last would have been allowed 51 s.
    const { worker, log } = scripted((n) => (n * n) / 5e4);
    const outcome = await runLadder(worker, linear, 30, three);
    expect(outcome.growth).toMatchObject({ ok: false, reason: 'growth', index: 1 });
    expect(outcome.results.map((r) => r.verdict)).toEqual(['pass', 'timeout', 'notRun']);
    // Twice in each of the two timings (a rung below the last is timed again), the last rung never.
    expect(log.filter((l) => l === 'call 4166')).toHaveLength(4);
    expect(log).not.toContain('call 50000');
  });

  it('a slow moment in the first timing is not a verdict: the faster of two timings counts', async () => {
    const { worker } = scripted((n, attempt) => (attempt === 1 && n === 100_000 ? 5000 : n / 1000));
    const outcome = await runLadder(worker, linear, 30, rungs);
    expect(outcome.results.map((r) => r.verdict)).toEqual(['pass', 'pass']);
  });

  it('a wrong answer stops the ladder without a second timing', async () => {
    const { worker, log } = scripted((n) => n / 1000);
    const wrong = rungs.map((r) => ({ ...r, judge: () => false }));
    const outcome = await runLadder(worker, linear, 30, wrong);
    expect(outcome.results.map((r) => r.verdict)).toEqual(['fail', 'notRun']);
    expect(log.filter((l) => l === 'restart')).toHaveLength(1);
  });
});
