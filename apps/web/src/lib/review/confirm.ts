/** Whether a re-run of a submission agrees with the result its candidate reported, test by test. */

export interface Confirmation {
  confirmed: boolean;
  /** Tests passed by the re-run. */
  passed: number;
  total: number;
  /** Indexes of the tests whose pass/fail differs from the report. */
  differs: number[];
}

export function confirmResult(reported: { verdict: string }[], rerun: { verdict: string }[]): Confirmation {
  const total = Math.max(reported.length, rerun.length);
  const differs: number[] = [];
  for (let i = 0; i < total; i++) {
    if ((reported[i]?.verdict === 'pass') !== (rerun[i]?.verdict === 'pass')) differs.push(i);
  }
  const passed = rerun.filter((r) => r.verdict === 'pass').length;
  return { confirmed: differs.length === 0 && reported.length === rerun.length, passed, total: rerun.length, differs };
}
