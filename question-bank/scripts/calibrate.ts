/**
 * `npm run bank:calibrate [id…]`: times every coding problem's reference solutions (TypeScript and Python) on this
 * machine, in calibration loops (`harness/calibration-loop.ts`) timed in the same thread at the same moment, and
 * writes into problem.json each language's limit in loops (`limitLoops`: ten times the reference's slowest example,
 * hidden test or first rung of the performance ladder, at least the floor), the loop's time here
 * (`calibrationLoopMs`) and what that limit is worth here in ms (`timeLimitMs`, for display), and the performance
 * tests' expected results, computed by the TypeScript reference and checked against the Python one. Each ladder
 * is timed three times, each time in a fresh thread as Submit times it (the harness's own time measured first
 * with a do-nothing solution, then each rung after the loop), and each rung keeps the median of the three. Later
 * rungs are judged by growth against the problem's declared class (`performance/growth.ts`), not by a limit.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { matches } from '../src/harness/compare.ts';
import { median } from '../src/harness/calibration-loop.ts';
import { ladderWorker } from '../src/harness/node-judge.ts';
import { NodeRunner } from '../src/harness/node-runner.ts';
import { BANK_DIR, loadSolutions } from '../src/load.ts';
import { loopsOf } from '../src/performance/growth.ts';
import { HARNESS_RUNS } from '../src/performance/ladder.ts';
import { generate, generators, KEEP_EXPECTED_UP_TO, resultDigest } from '../src/performance/index.ts';
import { codingQuestionSchema, performanceSchema, type PerformanceTest } from '../src/schema.ts';
import { readProblem, writeProblem } from './problem-file.ts';

const FACTOR = 10;
/** The least limit, in loops: about a second on an idle core (the loop takes 20–40 ms). */
const FLOOR_LOOPS = 30;
const REPEATS = 3;
/** The calibration loop's time on an idle core, about (20–40 ms): what `timeLimitMs` shows a limit in loops as. */
const IDLE_LOOP_MS = 33;
const NO_LIMIT = 600_000;

const relaxed = codingQuestionSchema.extend({ performance: performanceSchema.partial().optional() });
type Relaxed = ReturnType<typeof relaxed.parse>;
const runners = { typescript: new NodeRunner('typescript'), python: new NodeRunner('python') };

async function timeAll(language: 'typescript' | 'python', code: string, problem: Relaxed, tests: PerformanceTest[]) {
  const inputs = tests.map((test) => generate(problem.id, test));
  const rungLoops: number[][] = tests.map(() => []);
  const rungMs: number[][] = tests.map(() => []);
  const values: unknown[] = [];
  let slowestLoops = 0;
  let slowestMs = 0;
  let loopMs = Infinity;
  const thread = runners[language];
  for (let r = 0; r < REPEATS; r++) {
    // A fresh thread each time, as Submit times the ladder (Python's loaded in the background meanwhile): the
    // harness alone on each input first (a do-nothing solution), then each rung after the loop.
    const worker = ladderWorker(thread, problem as Parameters<typeof ladderWorker>[1], code);
    {
      await worker.restart();
      const options = (i: number) => ({
        ...(inputs[i]!.vary === undefined ? {} : { vary: inputs[i]!.vary }),
        ...(tests[i]!.repeat ? { repeat: tests[i]!.repeat } : {})
      });
      const harness: number[] = [];
      for (const [i] of tests.entries()) {
        let best = Infinity;
        for (let run = 0; run < HARNESS_RUNS; run++) {
          const stub = await worker.call(inputs[i]!.input, { ...options(i), stub: true }, NO_LIMIT);
          best = Math.min(best, stub.kind === 'result' ? stub.ms : 0);
        }
        harness.push(best);
      }
      for (const [i, test] of tests.entries()) {
        const loop = await worker.loop();
        loopMs = Math.min(loopMs, loop);
        const reply = await worker.call(inputs[i]!.input, options(i), NO_LIMIT);
        if (reply.kind !== 'result')
          throw new Error(`${problem.id} ${language} seed ${test.seed}: ${JSON.stringify(reply).slice(0, 300)}`);
        rungLoops[i]!.push(loopsOf({ ms: reply.ms, harnessMs: harness[i]!, loopMs: loop }));
        rungMs[i]!.push(reply.ms);
        values[i] = reply.value;
      }
      if (r > 0) continue;
      // The examples and hidden tests once, in the first thread (the code is loaded there now).
      const failed = await thread.prepare(code, problem);
      if (failed) throw new Error(`${problem.id} ${language}: ${JSON.stringify(failed)}`);
      const loop = await thread.loop();
      loopMs = Math.min(loopMs, loop);
      for (const test of [...problem.examples, ...problem.hiddenTests]) {
        const outcome = await thread.run(test.input, NO_LIMIT);
        if (outcome.kind !== 'result') throw new Error(`${problem.id} ${language}: ${JSON.stringify(outcome)}`);
        slowestLoops = Math.max(slowestLoops, outcome.ms / loop);
        slowestMs = Math.max(slowestMs, outcome.ms);
      }
    }
    if (tests.length === 0) break;
  }
  const ladder = rungLoops.map((times) => median(times));
  return {
    limitBase: Math.max(slowestLoops, ladder[0] ?? 0),
    slowestMs: Math.max(slowestMs, ...rungMs.map((times) => median(times))),
    ladder,
    loopMs,
    values
  };
}

const wanted = process.argv.slice(2);
const ids = (await readdir(path.join(BANK_DIR, 'coding')))
  .filter((id) => wanted.length === 0 || wanted.includes(id))
  .sort();
for (const id of ids) {
  const raw = await readProblem(id);
  // The expected results are what this computes: the tests are read without them.
  const problem = relaxed.parse({ ...raw, performance: undefined });
  const kept = ((raw.performance as { tests?: PerformanceTest[] } | undefined)?.tests ?? []).map(
    ({ expected: _e, expectedSha256: _d, ...test }) => test as PerformanceTest
  );
  const tests: PerformanceTest[] =
    kept.length > 0 || !generators[id]
      ? kept
      : [{ seed: 1, params: {}, note: 'the largest input the constraints allow' }];
  const solutions = await loadSolutions(id);
  // Both languages at once: each is timed in loops of its own thread at the same moment, so they may share the cores.
  const [ts, py] = await Promise.all([
    timeAll('typescript', solutions.typescript, problem, tests),
    timeAll('python', solutions.python, problem, tests)
  ]);
  // The machine's loop beside the references' times: the best of every timing of it in this problem's threads.
  const calibrationLoopMs = Math.round(Math.min(ts.loopMs, py.loopMs) * 10) / 10;
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
  const loops = (base: number) => Math.max(FLOOR_LOOPS, Math.ceil(FACTOR * base));
  const limitLoops = { javascript: loops(ts.limitBase), python: loops(py.limitBase) };
  // In ms for display, as on an idle core: a loop timed slower than an idle core's was the machine's load.
  const ms = (limit: number) =>
    Math.max(1000, Math.ceil((limit * Math.min(calibrationLoopMs, IDLE_LOOP_MS)) / 100) * 100);
  raw.performance = {
    timeLimitMs: { javascript: ms(limitLoops.javascript), python: ms(limitLoops.python) },
    referenceMs: { javascript: Math.round(ts.slowestMs), python: Math.round(py.slowestMs) },
    calibrationLoopMs,
    limitLoops,
    tests: calibrated
  };
  await writeProblem(id, raw);
  const rungs = (l: number[]) => l.map((x) => x.toFixed(2)).join(' → ');
  console.log(
    `${id.padEnd(48)} loop ${calibrationLoopMs} ms  limit ts ${limitLoops.javascript} py ${limitLoops.python} loops   ladder ts ${rungs(ts.ladder)}  py ${rungs(py.ladder)}`
  );
}
await Promise.all(Object.values(runners).map((r) => r.dispose()));
