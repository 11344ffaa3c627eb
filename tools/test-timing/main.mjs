/**
 * `npm test`: builds the web app (the end-to-end tests load it), then runs the whole vitest suite, and prints each
 * step's time and the wall time at the end. Arguments go to vitest (`npm test -- tests/api/live.test.ts`). The
 * question bank's slow checks run when the bank changed since they last passed here, and always on CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decideBankChecks, fingerprint } from './bank-checks.mjs';
import { summary } from './format.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const greenFile = path.join(root, '.cache', 'bank-checks-green');
const vitestArgs = process.argv.slice(2);
const bankNow = fingerprint(path.join(root, 'question-bank'));
const bank = decideBankChecks({
  ci: Boolean(process.env.CI),
  forced: process.env.MOCKLOOP_BANK_CHECKS === 'all',
  now: bankNow,
  lastGreen: existsSync(greenFile) ? readFileSync(greenFile, 'utf8').trim() : null
});
console.log(`question bank's slow checks: ${bank.run ? 'run' : 'not run'}, ${bank.why}`);

const steps = [
  { name: 'build', command: 'npm', args: ['run', 'build'] },
  {
    name: 'vitest',
    command: 'npx',
    args: ['vitest', 'run', ...vitestArgs],
    env: bank.run ? {} : { MOCKLOOP_BANK_CHECKS: 'skip' }
  }
];

const started = performance.now();
const timed = [];
let exitCode = 0;
for (const step of steps) {
  const from = performance.now();
  const run = spawnSync(step.command, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  timed.push({ name: step.name, ms: performance.now() - from });
  exitCode = run.status ?? 1;
  if (exitCode !== 0) break;
}
// The whole suite passed with the slow checks in it: the bank as it is now is checked.
if (exitCode === 0 && bank.run && vitestArgs.length === 0) {
  mkdirSync(path.dirname(greenFile), { recursive: true });
  writeFileSync(greenFile, `${bankNow}\n`);
}
console.log(`\n${summary(timed, performance.now() - started, exitCode)}`);
process.exit(exitCode);
