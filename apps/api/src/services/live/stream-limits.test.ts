import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import { createStreamLimits } from './stream-limits.ts';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiError ? `${error.status} ${error.code}` : String(error);
  }
  return 'admitted';
};

describe('stream limits', () => {
  it('admits up to the per-session limit, refuses the next with 429, and admits again once one closes', () => {
    const streams = createStreamLimits({ perSession: 2, perUser: 10 });
    const first = streams.acquire('u1', 's1');
    streams.acquire('u1', 's1');
    expect(refusal(() => streams.acquire('u1', 's1'))).toBe('429 TOO_MANY_STREAMS');
    // Another person on the same session, and the same person on another session, are not held back.
    expect(refusal(() => streams.acquire('u2', 's1'))).toBe('admitted');
    expect(refusal(() => streams.acquire('u1', 's2'))).toBe('admitted');
    first();
    first(); // a second release gives nothing back twice
    expect(streams.count('u1')).toBe(2);
    expect(refusal(() => streams.acquire('u1', 's1'))).toBe('admitted');
    expect(refusal(() => streams.acquire('u1', 's1'))).toBe('429 TOO_MANY_STREAMS');
  });

  it('holds one user to the limit across sessions', () => {
    const streams = createStreamLimits({ perSession: 4, perUser: 3 });
    const releases = ['a', 'b', 'c'].map((s) => streams.acquire('u1', s));
    expect(refusal(() => streams.acquire('u1', 'd'))).toBe('429 TOO_MANY_STREAMS');
    for (const release of releases) release();
    expect(streams.count('u1')).toBe(0);
    expect(refusal(() => streams.acquire('u1', 'd'))).toBe('admitted');
  });
});
