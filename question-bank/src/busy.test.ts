/**
 * Verdicts do not depend on how busy the machine is: the reference solutions and the kept one-class-slower
 * solutions of a few problems, judged on an idle machine and again with other threads spinning on the cores,
 * get the same verdicts (the references pass, the slow ones time out by growth: their ladder's time grows more
 * than the declared class allows, in calibration loops timed beside it), a failing ladder confirmed once in a
 * fresh thread as the browser confirms it. No time is asserted: only verdicts.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeInNode } from './harness/node-judge.ts';
import { NodeRunner } from './harness/node-runner.ts';
import { loadQuestionBank, loadSolutions } from './load.ts';
import { loadMutants } from './mutants.ts';
import type { CodingQuestion } from './schema.ts';

const IDS = ['lc-0001-two-sum', 'lc-0217-contains-duplicate', 'lc-0303-range-sum-query-immutable'];
const bank = (await loadQuestionBank()).filter((q): q is CodingQuestion & { version: string } => q.kind === 'coding');
const runners = { typescript: new NodeRunner('typescript'), python: new NodeRunner('python') };
afterAll(() => Promise.all(Object.values(runners).map((r) => r.dispose())));

type Entry = { name: string; language: 'typescript' | 'python'; problem: CodingQuestion; code: string };

async function entries(): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const id of IDS) {
    const problem = bank.find((q) => q.id === id)!;
    const solutions = await loadSolutions(id);
    for (const language of ['typescript', 'python'] as const)
      out.push({ name: `${id} ${language} reference`, language, problem, code: solutions[language] });
    for (const mutant of await loadMutants(id)) {
      if (mutant.kind === 'slower-complexity')
        out.push({
          name: `${id} ${mutant.language} slow: ${mutant.why}`,
          language: mutant.language,
          problem,
          code: mutant.code
        });
    }
  }
  return out;
}

async function verdicts(list: Entry[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of list) {
    const verdict = await judgeInNode(runners[entry.language], entry.problem, entry.code, { retryTimeouts: true });
    const growth = verdict.growth && !verdict.growth.ok ? ` (${verdict.growth.reason})` : '';
    out[entry.name] = verdict.failure ? `${verdict.failure.verdict}${growth}` : 'accepted';
  }
  return out;
}

/** A thread that keeps one core busy until it is ended. */
function spin(): Worker {
  return new Worker('for (;;) {}', { eval: true });
}

describe('a busy machine', () => {
  it('gives the same verdicts as an idle one', { timeout: 600_000 }, async () => {
    const list = await entries();
    expect(list.filter((e) => e.name.includes(' slow: ')).map((e) => e.language)).toEqual(
      expect.arrayContaining(['typescript', 'python'])
    );
    const idle = await verdicts(list);
    for (const entry of list)
      expect(idle[entry.name], entry.name).toBe(
        entry.name.endsWith('reference') ? 'accepted' : 'time limit exceeded (growth)'
      );
    // A spinning thread per core: the judge's thread gets a share of one.
    const spinners = [spin(), spin()];
    try {
      expect(await verdicts(list)).toEqual(idle);
    } finally {
      await Promise.all(spinners.map((s) => s.terminate()));
    }
  });
});
