/**
 * `npm run bank:calibrate [id…]`: times every coding problem's reference solutions (TypeScript and Python) on its
 * examples, hidden and performance tests on this machine (each performance test the median of three runs, each
 * in a fresh thread), and writes into problem.json each language's time limit (ten times the slowest test, at
 * least 1 s), the machine's calibration loop timed beside them, and the performance tests' expected results,
 * computed by the TypeScript reference and checked against the Python one. A problem with a generator and no performance test gets
 * one at the generator's sizes (the statement's largest).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { matches } from '../src/harness/compare.ts';
import { median, timeCalibrationLoop } from '../src/harness/calibration-loop.ts';
import { NodeRunner } from '../src/harness/node-runner.ts';
import { BANK_DIR, loadSolutions } from '../src/load.ts';
import { generate, generators, KEEP_EXPECTED_UP_TO, resultDigest } from '../src/performance/index.ts';
import { codingQuestionSchema, performanceSchema, type PerformanceTest } from '../src/schema.ts';
import { readProblem, writeProblem } from './problem-file.ts';

const FACTOR = 10;
const FLOOR_MS = 1000;
/**
 * Each performance test runs three times, each time in a fresh thread as Submit runs it (no warm JIT, a new heap,
 * no other test run before it), timed from the parent thread as the page times the sandbox: the median of the
 * three sets the limit, so one slow moment of a shared machine does not.
 */
const REPEATS = 3;
const NO_LIMIT = 600_000;

const relaxed = codingQuestionSchema.extend({ performance: performanceSchema.partial().optional() });
const runners = { typescript: new NodeRunner('typescript'), python: new NodeRunner('python') };

async function timeAll(
  language: 'typescript' | 'python',
  code: string,
  problem: ReturnType<typeof relaxed.parse>,
  tests: PerformanceTest[]
) {
  const runner = runners[language];
  const failed = await runner.prepare(code, problem);
  if (failed) throw new Error(`${problem.id} ${language}: ${JSON.stringify(failed)}`);
  let slowest = 0;
  for (const test of [...problem.examples, ...problem.hiddenTests]) {
    const outcome = await runner.run(test.input, NO_LIMIT);
    if (outcome.kind !== 'result') throw new Error(`${problem.id} ${language}: ${JSON.stringify(outcome)}`);
    slowest = Math.max(slowest, outcome.ms);
  }
  const values: unknown[] = [];
  for (const test of tests) {
    const { input, vary } = generate(problem.id, test);
    const times: number[] = [];
    let value: unknown;
    for (let i = 0; i < REPEATS; i++) {
      // A fresh thread for each run: the one that ran the examples (or the last run) is ended first.
      const fresh = new NodeRunner(language);
      try {
        const failed = await fresh.prepare(code, problem);
        if (failed) throw new Error(`${problem.id} ${language}: ${JSON.stringify(failed)}`);
        const outcome = await fresh.run(input, NO_LIMIT, vary === undefined ? {} : { vary });
        if (outcome.kind !== 'result')
          throw new Error(`${problem.id} ${language} seed ${test.seed}: ${JSON.stringify(outcome).slice(0, 300)}`);
        times.push(outcome.ms);
        value = outcome.value;
      } finally {
        await fresh.dispose();
      }
    }
    slowest = Math.max(slowest, median(times));
    values.push(value);
  }
  return { slowest, values };
}

const wanted = process.argv.slice(2);
const ids = (await readdir(path.join(BANK_DIR, 'coding')))
  .filter((id) => wanted.length === 0 || wanted.includes(id))
  .sort();
for (const id of ids) {
  const raw = await readProblem(id);
  const problem = relaxed.parse(raw);
  const kept = problem.performance?.tests ?? [];
  const tests: PerformanceTest[] =
    kept.length > 0 || !generators[id]
      ? kept
      : [{ seed: 1, params: {}, note: 'the largest input the constraints allow' }];
  const solutions = await loadSolutions(id);
  const loopBefore = timeCalibrationLoop();
  const ts = await timeAll('typescript', solutions.typescript, problem, tests);
  const py = await timeAll('python', solutions.python, problem, tests);
  // The machine's loop beside the references' times: before and after, the slower of the two medians.
  const calibrationLoopMs = Math.round(Math.max(loopBefore, timeCalibrationLoop()) * 10) / 10;
  const calibrated: PerformanceTest[] = [];
  for (const [i, test] of tests.entries()) {
    const value = ts.values[i];
    if (!matches(problem.comparator, py.values[i], value))
      throw new Error(`${id} seed ${test.seed}: Python and TypeScript disagree`);
    const { expected: _e, expectedSha256: _d, ...rest } = test;
    const text = JSON.stringify(value);
    const keep = text.length <= KEEP_EXPECTED_UP_TO || (problem.comparator === 'float' && text.length <= 20_000);
    calibrated.push(
      keep ? { ...rest, expected: value } : { ...rest, expectedSha256: await resultDigest(problem.comparator, value) }
    );
  }
  const limit = (ms: number) => Math.max(FLOOR_MS, Math.ceil((FACTOR * ms) / 100) * 100);
  raw.performance = {
    timeLimitMs: { javascript: limit(ts.slowest), python: limit(py.slowest) },
    referenceMs: { javascript: Math.round(ts.slowest), python: Math.round(py.slowest) },
    calibrationLoopMs,
    tests: calibrated
  };
  await writeProblem(id, raw);
  console.log(
    `${id.padEnd(48)} ts ${String(Math.round(ts.slowest)).padStart(6)} ms   py ${String(Math.round(py.slowest)).padStart(6)} ms   loop ${calibrationLoopMs} ms   ${tests.length} performance test(s)`
  );
}
await Promise.all(Object.values(runners).map((r) => r.dispose()));
