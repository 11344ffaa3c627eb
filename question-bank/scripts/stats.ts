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

// The same check as the test suite: every reference solution, in both languages, on every test.
const { nodeRuntimes } = await import('../src/harness/node.ts');
const { runCase } = await import('../src/harness/index.ts');
const { loadSolutions } = await import('../src/load.ts');
const runtimes = await nodeRuntimes();
let green = 0;
const coding = questions.filter((q) => q.kind === 'coding');
for (const problem of coding) {
  let ok = true;
  for (const language of ['typescript', 'python'] as const) {
    const solution = await runtimes[language].prepare((await loadSolutions(problem.id))[language], problem);
    for (const test of [...problem.examples, ...problem.hiddenTests]) {
      if ((await runCase(solution, problem, test)).verdict !== 'pass') ok = false;
    }
  }
  if (ok) green++;
  else console.log(`  not green: ${problem.id}`);
}
console.log(`coding problems green in both languages: ${green}/${coding.length}`);
