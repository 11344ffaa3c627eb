/**
 * A fresh Python thread's start, as the judge's Node runner makes one (`question-bank/src/harness/node-runner.ts`):
 * Pyodide restored from the process's memory snapshot against the same thread booting Pyodide (the baseline), in
 * the same run, taking turns, until each answers its first request. The browser's sandbox does the same restore
 * (`bench/coding-runtimes.ts` measures it there). Goal: the restore ≤ ×0.5 of the boot.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { makePyodideSnapshot } from '../question-bank/src/harness/node.ts';
import { workerBundle } from '../question-bank/src/harness/worker-bundle.ts';

const rounds = Number(process.env.BENCH_RUNS ?? 5);
const GOAL = 0.5;

/** Milliseconds from a thread's creation to its answer saying how its runtime started. */
async function start(snapshot: SharedArrayBuffer | undefined): Promise<{ ms: number; from: string }> {
  const started = performance.now();
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerBundle(), {
    workerData: { language: 'python', interrupt, ...(snapshot ? { snapshot } : {}) }
  });
  const reply = await new Promise<{ ok: boolean; value?: unknown }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ type: 'started' });
  });
  const ms = performance.now() - started;
  await worker.terminate();
  return { ms, from: String(reply.value) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const bytes = await makePyodideSnapshot();
const snapshot = new SharedArrayBuffer(bytes.byteLength);
new Uint8Array(snapshot).set(bytes);
await start(undefined); // the process's first compilation of Pyodide's WebAssembly is neither side's
const boot: number[] = [];
const restore: number[] = [];
for (let round = 0; round < rounds; round++) {
  const booted = await start(undefined);
  const restored = await start(snapshot);
  if (booted.from !== 'boot' || restored.from !== 'snapshot')
    throw new Error(`expected a boot and a restore, got ${booted.from} and ${restored.from}`);
  boot.push(booted.ms);
  restore.push(restored.ms);
}
const ratio = median(restore) / median(boot);
console.log(
  `load ${os.loadavg()[0]!.toFixed(1)}; ${rounds} rounds, medians; snapshot ${(bytes.byteLength / 2 ** 20).toFixed(0)} MiB`
);
console.log(`  Python thread booting Pyodide (baseline): ${median(boot).toFixed(0)} ms`);
console.log(`  Python thread restoring the snapshot: ${median(restore).toFixed(0)} ms`);
console.log(`  restore ×${ratio.toFixed(2)} of the boot (goal ≤ ×${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'})`);
