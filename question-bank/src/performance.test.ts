/**
 * Performance tests: every problem with a generator has at least one, the generators are deterministic, and the
 * reference solutions in TypeScript and Python pass every test (examples, hidden, performance) within the
 * calibrated limit and the growth their declared class allows, run the way Submit runs them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeInNode } from './harness/node-judge.ts';
import { NodeRunner } from './harness/node-runner.ts';
import { BANK_DIR, loadQuestionBank, loadSolutions } from './load.ts';
import { generate, generators, WITHOUT_GENERATOR } from './performance/index.ts';
import type { CodingQuestion } from './schema.ts';

const coding = (await loadQuestionBank()).filter((q): q is CodingQuestion & { version: string } => q.kind === 'coding');
const runners = { typescript: new NodeRunner('typescript'), python: new NodeRunner('python') };
afterAll(() => Promise.all(Object.values(runners).map((r) => r.dispose())));

describe('performance-test generators', () => {
  it('cover every problem but the ones listed with a reason', () => {
    for (const problem of coding) {
      const has = problem.id in generators;
      expect(has || problem.id in WITHOUT_GENERATOR, `${problem.id} has no generator and no reason`).toBe(true);
      expect(has && problem.id in WITHOUT_GENERATOR, `${problem.id} is listed as without a generator`).toBe(false);
      expect(problem.performance.tests.length > 0, `${problem.id}: performance tests`).toBe(has);
    }
  });

  it('are calibrated in every problem file (npm run bank:calibrate)', () => {
    for (const problem of coding) {
      const raw = JSON.parse(readFileSync(path.join(BANK_DIR, 'coding', problem.id, 'problem.json'), 'utf8'));
      expect(raw.performance?.referenceMs, `${problem.id} has no calibrated performance block`).toBeDefined();
    }
  });

  it('declare every problem’s complexity class, and grow each problem’s ladder from one seed, sizes rising', () => {
    for (const problem of coding) {
      expect(problem.complexity, `${problem.id} declares no complexity class`).toBeDefined();
      const tests = problem.performance.tests;
      if (tests.length < 2) continue;
      expect(new Set(tests.map((t) => t.seed)).size, `${problem.id}: one seed`).toBe(1);
      const sizes = tests.map((t) => t.n ?? 0);
      expect(
        sizes.every((n, i) => n > 0 && (i === 0 || n > sizes[i - 1]!)),
        `${problem.id}: sizes ${sizes}`
      ).toBe(true);
      expect(problem.performance.limitLoops, `${problem.id}: limits in calibration loops`).toBeDefined();
    }
  });

  it('make the same input from the same seed, and another from another seed', () => {
    const problem = coding.find((q) => q.id === 'lc-0011-container-with-most-water')!;
    const test = problem.performance.tests[0]!;
    expect(generate(problem.id, test)).toEqual(generate(problem.id, test));
    expect(generate(problem.id, { ...test, seed: test.seed + 1 })).not.toEqual(generate(problem.id, test));
  });
});

describe.each(coding.map((q) => [q.id, q] as const))('%s', (_id, problem) => {
  it.each(['typescript', 'python'] as const)(
    'the %s reference passes every test within the time limit',
    async (language) => {
      const source = (await loadSolutions(problem.id))[language];
      const verdict = await judgeInNode(runners[language], problem, source, { retryTimeouts: true });
      expect(verdict.failure).toBeUndefined();
      expect(verdict.passed).toBe(verdict.total);
    }
  );
});
