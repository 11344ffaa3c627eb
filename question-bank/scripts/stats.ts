/** `npm run bank:stats`: how much content the bank holds, against the issue's targets. */
import { rubrics } from '@mockloop/rubrics';
import { loadQuestionBank } from '../src/load.ts';

const TARGETS = { rubrics: 28, design: 45, behavioral: 15, coding: 62 };

const questions = await loadQuestionBank();
const count = (kind: string) => questions.filter((q) => q.kind === kind).length;
const rows: [string, number, number][] = [
  ['rubrics', rubrics.length, TARGETS.rubrics],
  ['design prompts', count('design'), TARGETS.design],
  ['behavioral prompts', count('behavioral'), TARGETS.behavioral],
  ['coding problems', count('coding'), TARGETS.coding]
];
for (const [name, have, want] of rows) {
  console.log(`${name.padEnd(20)} ${String(have).padStart(4)}  (target ≥ ${want}${have >= want ? ', met' : ', not yet'})`);
}
const byLevel = Object.entries(
  questions.reduce<Record<string, number>>((acc, q) => {
    if (q.kind !== 'coding') acc[q.level] = (acc[q.level] ?? 0) + 1;
    return acc;
  }, {})
);
console.log(`levels               ${byLevel.map(([level, n]) => `${level} ${n}`).join(', ')}`);
