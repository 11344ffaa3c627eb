/**
 * `npm test`: builds the web app (the end-to-end tests load it), then runs the whole vitest suite, and prints each
 * step's time and the wall time at the end. Arguments go to vitest (`npm test -- tests/api/live.test.ts`).
 */
import { spawnSync } from 'node:child_process';
import { summary } from './format.mjs';

const steps = [
  { name: 'build', command: 'npm', args: ['run', 'build'] },
  { name: 'vitest', command: 'npx', args: ['vitest', 'run', ...process.argv.slice(2)] }
];

const started = performance.now();
const timed = [];
let exitCode = 0;
for (const step of steps) {
  const from = performance.now();
  const run = spawnSync(step.command, step.args, { stdio: 'inherit' });
  timed.push({ name: step.name, ms: performance.now() - from });
  exitCode = run.status ?? 1;
  if (exitCode !== 0) break;
}
console.log(`\n${summary(timed, performance.now() - started, exitCode)}`);
process.exit(exitCode);
