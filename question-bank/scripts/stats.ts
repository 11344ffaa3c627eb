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

// The same checks as the suite, judged the way Submit judges (time limits included): every reference solution
// in both languages passes every test, and every kept wrong solution fails one (the kill rate).
const { NodeRunner } = await import('../src/harness/node-runner.ts');
const { judgeInNode } = await import('../src/harness/node-judge.ts');
const { loadSolutions } = await import('../src/load.ts');
const { loadMutants } = await import('../src/mutants.ts');
const runners = { typescript: new NodeRunner('typescript'), python: new NodeRunner('python') };
const coding = questions.filter((q) => q.kind === 'coding');
let green = 0;
let killed = 0;
let mutantCount = 0;
console.log(`\n${'problem'.padEnd(48)} perf tests  limit js/py (ms)  wrong solutions killed`);
for (const problem of coding) {
  const solutions = await loadSolutions(problem.id);
  let ok = true;
  for (const language of ['typescript', 'python'] as const) {
    const verdict = await judgeInNode(runners[language], problem, solutions[language], { retryTimeouts: true });
    if (verdict.failure) {
      ok = false;
      console.log(`  ${problem.id} ${language} reference fails ${verdict.failure.test}: ${verdict.failure.verdict}`);
    }
  }
  if (ok) green++;
  const mutants = await loadMutants(problem.id);
  let dead = 0;
  for (const mutant of mutants) {
    const verdict = await judgeInNode(runners[mutant.language], problem, mutant.code);
    if (verdict.failure) dead++;
    else console.log(`  ${problem.id}: survives (${mutant.language}, ${mutant.kind}): ${mutant.why}`);
  }
  killed += dead;
  mutantCount += mutants.length;
  const { javascript, python } = problem.performance.timeLimitMs;
  console.log(
    `${problem.id.padEnd(48)} ${String(problem.performance.tests.length).padStart(10)}  ${`${javascript}/${python}`.padStart(16)}  ${dead}/${mutants.length}`
  );
}
await Promise.all(Object.values(runners).map((r) => r.dispose()));
const perfTests = coding.reduce((n, q) => n + q.performance.tests.length, 0);
console.log(`\ncoding problems green in both languages: ${green}/${coding.length}`);
console.log(
  `performance tests: ${perfTests} (${coding.filter((q) => q.performance.tests.length > 0).length} problems)`
);
console.log(
  `kill rate: ${killed}/${mutantCount} wrong solutions rejected (${((100 * killed) / Math.max(1, mutantCount)).toFixed(1)}%, goal 100%)`
);
