import { describe, expect, it } from 'vitest';
import { confirmResult } from './confirm.ts';

const v = (...verdicts: string[]) => verdicts.map((verdict) => ({ verdict }));

describe('confirmResult', () => {
  it.each([
    {
      name: 'every verdict agrees',
      reported: v('pass', 'fail'),
      rerun: v('pass', 'fail'),
      confirmed: true,
      differs: []
    },
    {
      name: 'an error or timeout counts as the failure it reported',
      reported: v('fail', 'pass'),
      rerun: v('timeout', 'pass'),
      confirmed: true,
      differs: []
    },
    {
      name: 'a reported pass that fails here',
      reported: v('pass', 'pass', 'pass'),
      rerun: v('pass', 'fail', 'error'),
      confirmed: false,
      differs: [1, 2]
    },
    {
      name: 'a different number of tests',
      reported: v('pass'),
      rerun: v('pass', 'pass'),
      confirmed: false,
      differs: [1]
    }
  ])('$name', ({ reported, rerun, confirmed, differs }) => {
    const result = confirmResult(reported, rerun);
    expect(result).toMatchObject({ confirmed, differs, total: rerun.length });
    expect(result.passed).toBe(rerun.filter((r) => r.verdict === 'pass').length);
  });
});
