/** `npm run bank:stats`: how much content the bank holds, against the issue's targets. */
import { rubrics } from '@mockloop/rubrics';
import { loadQuestionBank } from '../src/load.ts';

const TARGETS = { rubrics: 28, design: 80, behavioral: 21, coding: 62 };

const questions = await loadQuestionBank();
const count = (kind: string) => questions.filter((q) => q.kind === kind).length;
const rows: [string, number, number][] = [
  ['rubrics', rubrics.length, TARGETS.rubrics],
  ['design prompts', count('design'), TARGETS.design],
  ['behavioral prompts', count('behavioral'), TARGETS.behavioral],
  ['coding problems', count('coding'), TARGETS.coding]
];
for (const [name, have, want] of rows) {
  console.log(
    `${name.padEnd(20)} ${String(have).padStart(4)}  (target ≥ ${want}${have >= want ? ', met' : ', not yet'})`
  );
}
const byLevel = Object.entries(
  questions.reduce<Record<string, number>>((acc, q) => {
    if (q.kind !== 'coding') acc[q.level] = (acc[q.level] ?? 0) + 1;
    return acc;
  }, {})
);
console.log(`levels               ${byLevel.map(([level, n]) => `${level} ${n}`).join(', ')}`);

// The same checks as the suite, judged the way Submit judges (time limits included), per language: every
// reference solution passes every test, and with what margin under its limit (the limit over its slowest test);
// every kept wrong solution fails a test, on Submit's tests (examples, the hidden tests sent to the browser,
// performance tests) where they catch it; every kept one-class-slower solution is Time Limit Exceeded, by growth.
const { NodeRunner } = await import('../src/harness/node-runner.ts');
const { judgeInNode } = await import('../src/harness/node-judge.ts');
const { loadSolutions } = await import('../src/load.ts');
const { loadMutants } = await import('../src/mutants.ts');
const runners = { typescript: new NodeRunner('typescript'), python: new NodeRunner('python') };
// `npm run bank:stats -- id…` judges only those problems (the counts above are the whole bank's).
const only = process.argv.slice(2);
const coding = questions.filter((q) => q.kind === 'coding').filter((q) => only.length === 0 || only.includes(q.id));
const MARGIN_GOAL = 3;
type Tally = {
  refs: number;
  refsGreen: number;
  refsWithMargin: number;
  wrong: number;
  killed: number;
  bySubmit: number;
  slow: number;
  slowTle: number;
  slowByGrowth: number;
};
const emptyTally = (): Tally => ({
  refs: 0,
  refsGreen: 0,
  refsWithMargin: 0,
  wrong: 0,
  killed: 0,
  bySubmit: 0,
  slow: 0,
  slowTle: 0,
  slowByGrowth: 0
});
const tally: Record<'typescript' | 'python', Tally> = { typescript: emptyTally(), python: emptyTally() };
const margin = (x: number) => (Number.isFinite(x) ? `×${x.toFixed(x < 10 ? 1 : 0)}` : '×∞');
console.log(`\n${'problem'.padEnd(48)} perf  margin ts/py   wrong killed (by Submit)  slow TLE`);
for (const problem of coding) {
  const solutions = await loadSolutions(problem.id);
  const margins: string[] = [];
  for (const language of ['typescript', 'python'] as const) {
    const t = tally[language];
    t.refs++;
    const verdict = await judgeInNode(runners[language], problem, solutions[language], { retryTimeouts: true });
    if (verdict.failure) {
      console.log(`  ${problem.id} ${language} reference fails ${verdict.failure.test}: ${verdict.failure.verdict}`);
      margins.push('fails');
      continue;
    }
    t.refsGreen++;
    // The margin under the limit of the examples and hidden tests, and under the ladder's allowances.
    const m = Math.min(
      verdict.limitMs / Math.max(verdict.slowestMs, 0.001),
      verdict.growth?.ok ? verdict.growth.margin : Infinity
    );
    if (m >= MARGIN_GOAL) t.refsWithMargin++;
    else
      console.log(
        `  ${problem.id} ${language} reference: margin ${margin(m)} (slowest ${verdict.slowestMs.toFixed(0)} ms)`
      );
    margins.push(margin(m));
  }
  let dead = 0;
  let deadBySubmit = 0;
  let slow = 0;
  let slowTle = 0;
  let slowByGrowth = 0;
  const mutants = await loadMutants(problem.id);
  for (const mutant of mutants) {
    const t = tally[mutant.language];
    const runner = runners[mutant.language];
    // Submit's tests are a part of all of them: only what Submit lets through is judged on the held-back ones too.
    let verdict = await judgeInNode(runner, problem, mutant.code, { submit: true, retryTimeouts: true });
    const bySubmit = verdict.failure !== undefined;
    if (!bySubmit) verdict = await judgeInNode(runner, problem, mutant.code, { retryTimeouts: true });
    t.wrong++;
    if (verdict.failure) {
      dead++;
      t.killed++;
    } else console.log(`  ${problem.id}: survives (${mutant.language}, ${mutant.kind}): ${mutant.why}`);
    if (bySubmit) {
      deadBySubmit++;
      t.bySubmit++;
    } else if (verdict.failure)
      console.log(`  ${problem.id}: only held-back tests catch (${mutant.language}): ${mutant.why}`);
    if (mutant.kind === 'slower-complexity') {
      slow++;
      t.slow++;
      if (verdict.failure?.verdict === 'time limit exceeded') {
        slowTle++;
        t.slowTle++;
        if (verdict.growth && !verdict.growth.ok && verdict.growth.reason === 'growth') {
          slowByGrowth++;
          t.slowByGrowth++;
        } else
          console.log(
            `  ${problem.id}: slow ${mutant.language} solution TLE, not by growth: ${verdict.failure.detail}`
          );
      } else
        console.log(
          `  ${problem.id}: slow ${mutant.language} solution not TLE (${verdict.failure?.verdict ?? 'accepted'}): ${mutant.why}`
        );
    }
  }
  console.log(
    `${problem.id.padEnd(48)} ${String(problem.performance.tests.length).padStart(4)}  ${margins.join('/').padStart(13)}   ${`${dead}/${mutants.length} (${deadBySubmit})`.padStart(22)}  ${slow ? `${slowTle}/${slow} (${slowByGrowth} by growth)` : '-'}`
  );
}
await Promise.all(Object.values(runners).map((r) => r.dispose()));
const perfTests = coding.reduce((n, q) => n + q.performance.tests.length, 0);
console.log(
  `\nperformance tests: ${perfTests} (${coding.filter((q) => q.performance.tests.length > 0).length} problems)`
);
for (const language of ['typescript', 'python'] as const) {
  const t = tally[language];
  const pct = (a: number, b: number) => `${a}/${b} (${((100 * a) / Math.max(1, b)).toFixed(1)}%)`;
  console.log(`\n${language}:`);
  console.log(
    `  references accepted: ${pct(t.refsGreen, t.refs)}; with at least ×${MARGIN_GOAL} margin: ${pct(t.refsWithMargin, t.refs)}`
  );
  console.log(
    `  kept wrong solutions killed: ${pct(t.killed, t.wrong)}, by Submit: ${pct(t.bySubmit, t.wrong)} (goal: all)`
  );
  console.log(
    `  kept slow solutions judged TLE: ${pct(t.slowTle, t.slow)}, by growth: ${pct(t.slowByGrowth, t.slow)} (the ladder timed in one thread against the declared class, in calibration loops, confirmed once in a fresh thread)`
  );
}
