/** Run and Submit's rules, with a scripted sandbox: one compile error, a stop at the first TLE, what a failure shows. */
import { describe, expect, it } from 'vitest';
import { customCase, performanceCases, testCases } from './cases.ts';
import { judgeCases, preview, timeLimitMessage, type CallReply, type Caller, type CaseResult } from './judge.ts';

/** A sandbox whose replies are scripted per input; it records what it was asked. */
function scripted(
  reply: (input: unknown) => CallReply,
  prepared: Caller extends { prepare(): Promise<infer P> } ? P : never = null
) {
  const calls: unknown[] = [];
  const caller: Caller = {
    limitMs: 1000,
    prepare: async () => prepared,
    call: async (input) => {
      calls.push(input);
      return reply(input);
    }
  };
  return { caller, calls };
}

const sum = (input: unknown) => (input as number[][])[0]!.reduce((a, b) => a + b, 0);
const tests = [
  { input: [[1, 2]], expected: 3 },
  { input: [[5]], expected: 5 },
  { input: [[2, 2]], expected: 4 }
];
const cases = testCases('exact', tests, (i) => `Hidden test ${i + 1}`);

describe('judging cases in the page', () => {
  it('passes right outputs and shows input, expected and actual output for a wrong one', async () => {
    const { caller } = scripted((input) => ({
      kind: 'result',
      value: sum(input) === 5 ? 6 : sum(input),
      stdout: '',
      ms: 1
    }));
    const seen: CaseResult[] = [];
    const { compileError, results } = await judgeCases(caller, cases, (_, r) => seen.push(r));
    expect(compileError).toBeNull();
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'fail', 'pass']);
    expect(results[1]!.shown).toEqual({ input: '[[5]]', expected: '5', actual: '6' });
    expect(results[0]!.shown).toBeUndefined();
    expect(seen).toEqual(results);
  });

  it('stops at the first Time Limit Exceeded: the cases after it are not run', async () => {
    const { caller, calls } = scripted((input) =>
      sum(input) === 5 ? { kind: 'timeout', ms: 1500 } : { kind: 'result', value: sum(input), stdout: '', ms: 1 }
    );
    const { results } = await judgeCases(caller, cases);
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'timeout', 'notRun']);
    expect(results[1]!.error?.message).toBe('Time Limit Exceeded (1 s)');
    expect(timeLimitMessage(1000, 2400)).toBe('Time Limit Exceeded (1 s; 2.4 s allowed while the machine was busy)');
    expect(calls).toHaveLength(2);
  });

  it('on Submit, a failing example stops the run: the hidden and performance tests after it are not run', async () => {
    const examples = testCases('exact', tests.slice(0, 2), (i) => `Example ${i + 1}`);
    const wrongOnFive = () =>
      scripted((input) => ({ kind: 'result', value: sum(input) === 5 ? 6 : sum(input), stdout: '', ms: 1 }));
    const gated = wrongOnFive();
    const { results } = await judgeCases(gated.caller, [...examples, ...cases], undefined, { gate: 2 });
    expect(results.map((r) => `${r.label}: ${r.verdict}`)).toEqual([
      'Example 1: pass',
      'Example 2: fail',
      'Hidden test 1: notRun',
      'Hidden test 2: notRun',
      'Hidden test 3: notRun'
    ]);
    expect(gated.calls).toHaveLength(2);
    // Past the gate a wrong answer does not stop the run.
    const open = wrongOnFive();
    const past = await judgeCases(open.caller, [...examples.slice(0, 1), ...cases], undefined, { gate: 1 });
    expect(past.results.map((r) => r.verdict)).toEqual(['pass', 'pass', 'fail', 'pass']);
  });

  it('a time-out on a busy machine is not the code’s: said so, not judged, and the run stops there', async () => {
    const { caller, calls } = scripted((input) =>
      sum(input) === 5
        ? { kind: 'busy', ms: 1600, slowdown: 2.7 }
        : { kind: 'result', value: sum(input), stdout: '', ms: 1 }
    );
    const { results } = await judgeCases(caller, cases);
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'busy', 'notRun']);
    expect(results[1]!.error?.message).toMatch(
      /^Not judged: over 1 s twice, but the machine was too busy to allow for \(.*×2\.7/
    );
    expect(calls).toHaveLength(2);
  });

  it('reports a compile error once, with its position, and runs nothing', async () => {
    const error = { message: 'SyntaxError: Unexpected token', line: 3, column: 24 };
    const { caller, calls } = scripted(() => ({ kind: 'result', value: 0, stdout: '', ms: 1 }), error);
    const { compileError, results } = await judgeCases(caller, cases);
    expect(compileError).toEqual(error);
    expect(results.map((r) => r.verdict)).toEqual(['error', 'error', 'error']);
    expect(results.every((r) => r.error === undefined)).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it('top-level code that never ends is one Time Limit Exceeded', async () => {
    const { caller, calls } = scripted(() => ({ kind: 'result', value: 0, stdout: '', ms: 1 }), 'timeout');
    const { results } = await judgeCases(caller, cases);
    expect(results.map((r) => r.verdict)).toEqual(['timeout', 'notRun', 'notRun']);
    expect(calls).toHaveLength(0);
  });

  it('shows custom input’s output only: it has no expected output to be wrong against', async () => {
    const { caller } = scripted(() => ({ kind: 'result', value: [0, 1], stdout: 'hi\n', ms: 1 }));
    const { results } = await judgeCases(caller, [customCase([[2, 7], 9])]);
    expect(results[0]).toMatchObject({
      verdict: 'output',
      stdout: 'hi\n',
      shown: { input: '[[2,7],9]', actual: '[0,1]' }
    });
    expect(results[0]!.shown!.expected).toBeUndefined();
  });

  it('generates a performance test’s input from its seed and judges it against the digest', async () => {
    const spec = { seed: 7, params: { n: 1000 }, note: 'n = 1000' };
    // Contains Duplicate's generator makes distinct values: the right answer is false.
    const { resultDigest } = await import('@mockloop/question-bank/performance');
    const expectedSha256 = await resultDigest('exact', false);
    const [test] = performanceCases('lc-0217-contains-duplicate', 'exact', [{ ...spec, expectedSha256 }]);
    const right = scripted((input) => ({
      kind: 'result',
      value: new Set((input as number[][])[0]).size !== (input as number[][])[0]!.length,
      stdout: '',
      ms: 1
    }));
    const judged = await judgeCases(right.caller, [test!]);
    expect((right.calls[0] as number[][])[0]).toHaveLength(1000);
    expect(judged.results[0]!.verdict).toBe('pass');
    const wrong = scripted(() => ({ kind: 'result', value: true, stdout: '', ms: 1 }));
    const failed = (await judgeCases(wrong.caller, [test!])).results[0]!;
    expect(failed.verdict).toBe('fail');
    expect(failed.shown!.input).toMatch(/… \([\d,]+ characters\)$/);
  });

  it('cuts long JSON for the panel', () => {
    expect(preview([1, 2])).toBe('[1,2]');
    expect(preview(undefined)).toBe('undefined');
    expect(preview('x'.repeat(400), 10)).toBe('"xxxxxxxxx… (402 characters)');
  });
});
