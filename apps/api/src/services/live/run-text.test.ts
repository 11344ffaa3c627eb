import { describe, expect, it } from 'vitest';
import { runText } from './run-text.ts';

describe('a Run as the interviewer reads it', () => {
  it('tallies only the cases that can pass, and says what custom input and stopped cases were', () => {
    const text = runText({
      language: 'python',
      cases: [
        { label: 'Example 1', verdict: 'pass', ms: 3, detail: 'returned [0,1]' },
        { label: 'Example 2', verdict: 'timeout', ms: 2000, detail: '' },
        { label: 'Example 3', verdict: 'notRun', ms: 0, detail: '' },
        { label: 'Your input', verdict: 'output', ms: 2, detail: 'returned [1,2]' }
      ]
    });
    expect(text.split('\n')).toEqual([
      'Run in python: 1 of 3 passed, 1 custom input',
      'Example 1: Passed (3 ms): returned [0,1]',
      'Example 2: Time Limit Exceeded (2000 ms)',
      'Example 3: Not run (stopped after a time-out) (0 ms)',
      'Your input: Ran (custom input, no expected output) (2 ms): returned [1,2]'
    ]);
  });

  it('keeps the plain tally when every case was judged', () => {
    const text = runText({
      language: 'javascript',
      cases: [{ label: 'Example 1', verdict: 'fail', ms: 1, detail: '' }]
    });
    expect(text).toBe('Run in javascript: 0 of 1 passed\nExample 1: Wrong answer (1 ms)');
  });
});
