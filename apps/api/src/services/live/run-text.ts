/** A Run's results as one text the interviewer reads: the language and tally, then a line per case. */
import type { RunBody } from '@mockloop/contracts';

const VERDICTS = {
  pass: 'Passed',
  fail: 'Wrong answer',
  error: 'Error',
  timeout: 'Time Limit Exceeded',
  output: 'Ran (custom input, no expected output)',
  notRun: 'Not run (stopped after a time-out)'
} as const;

/** The tally counts the cases that can pass: custom input has nothing to pass against. */
export function runText({ language, cases }: RunBody): string {
  const judged = cases.filter((c) => c.verdict !== 'output');
  const passed = judged.filter((c) => c.verdict === 'pass').length;
  const custom = cases.length - judged.length;
  const tally = `${passed} of ${judged.length} passed${custom ? `, ${custom} custom ${custom === 1 ? 'input' : 'inputs'}` : ''}`;
  const lines = cases.map((c) => {
    const detail = c.detail.trim() ? `: ${c.detail.trim()}` : '';
    return `${c.label}: ${VERDICTS[c.verdict]} (${Math.round(c.ms)} ms)${detail}`;
  });
  return [`Run in ${language}: ${tally}`, ...lines].join('\n');
}
