/**
 * Counts an instance's database calls for the rooms bench (BENCH_DB_STATS=1): by collection and method, how many a
 * second and how long each took (p50 / p99 / the sum of their times, which is how much waiting they cost), so a
 * run says where the database's time goes rather than leaving it to be guessed from latencies.
 */
import { Collection, FindCursor } from 'mongodb';

const calls = new Map<string, number[]>();
let since = performance.now();

function timed<T extends object>(proto: T, method: string, name: (self: unknown) => string): void {
  const original = (proto as Record<string, unknown>)[method] as (...args: unknown[]) => Promise<unknown>;
  (proto as Record<string, unknown>)[method] = async function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      const key = `${name(this)}.${method}`;
      let times = calls.get(key);
      if (!times) calls.set(key, (times = []));
      times.push(performance.now() - started);
    }
  };
}

/** Starts counting (patches the driver's collection methods in this process). */
export function countDatabaseCalls(): void {
  const ofCollection = (self: unknown) => (self as Collection).collectionName;
  for (const method of [
    'findOne',
    'insertOne',
    'insertMany',
    'updateOne',
    'updateMany',
    'replaceOne',
    'deleteOne',
    'deleteMany',
    'findOneAndUpdate',
    'countDocuments'
  ]) {
    timed(Collection.prototype, method, ofCollection);
  }
  timed(FindCursor.prototype, 'toArray', (self) => `${(self as FindCursor).namespace.collection ?? '?'}.find`);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

/** The calls since the last report, busiest first; then starts counting afresh. */
export function reportDatabaseCalls(name: string): string {
  const seconds = (performance.now() - since) / 1000;
  const rows = [...calls]
    .map(([key, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return {
        key,
        n: times.length,
        sum: times.reduce((s, t) => s + t, 0),
        p50: percentile(sorted, 0.5),
        p99: percentile(sorted, 0.99)
      };
    })
    .sort((a, b) => b.sum - a.sum)
    .slice(0, 14)
    .map(
      (r) =>
        `    ${r.key.padEnd(36)} ${(r.n / seconds).toFixed(1).padStart(7)}/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  waited ${(r.sum / 1000 / seconds).toFixed(2)} s/s`
    );
  calls.clear();
  since = performance.now();
  return [`  database calls of instance ${name} over ${seconds.toFixed(0)} s:`, ...rows].join('\n');
}
