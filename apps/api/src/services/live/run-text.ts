/** A Run's results as one text the interviewer reads: the language and tally, then a line per case. */
import type { RunBody } from '@mockloop/contracts';

const VERDICTS = { pass: 'Passed', fail: 'Wrong answer', error: 'Error', timeout: 'Time Limit Exceeded' } as const;

export function runText({ language, cases }: RunBody): string {
  const passed = cases.filter((c) => c.verdict === 'pass').length;
  const lines = cases.map((c) => {
    const detail = c.detail.trim() ? `: ${c.detail.trim()}` : '';
    return `${c.label}: ${VERDICTS[c.verdict]} (${Math.round(c.ms)} ms)${detail}`;
  });
  return [`Run in ${language}: ${passed} of ${cases.length} passed`, ...lines].join('\n');
}
