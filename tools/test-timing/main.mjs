/**
 * `npm test`: builds the web app and runs the whole vitest suite beside it, then prints each step's time and the
 * wall time at the end. The build's output goes to .cache/web-build.log (its last lines are printed if it fails);
 * the tests that load the built app (`startTestServer({ web: true })`) wait for it through a state file named in
 * MOCKLOOP_WEB_BUILD_STATE ("building", then "done" or "failed"), while the rest, the question bank's long checks
 * first, run at once. Arguments go to vitest (`npm test -- tests/api/live.test.ts`). The question bank's slow checks
 * run when the bank changed since they last passed here, and always on CI.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decideBankChecks, fingerprint } from './bank-checks.mjs';
import { formatDuration, summary } from './format.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const cache = path.join(root, '.cache');
const greenFile = path.join(cache, 'bank-checks-green');
const buildState = path.join(cache, 'web-build-state');
const buildLog = path.join(cache, 'web-build.log');
const vitestArgs = process.argv.slice(2);
const bankNow = fingerprint(path.join(root, 'question-bank'));
const bank = decideBankChecks({
  ci: Boolean(process.env.CI),
  forced: process.env.MOCKLOOP_BANK_CHECKS === 'all',
  now: bankNow,
  lastGreen: existsSync(greenFile) ? readFileSync(greenFile, 'utf8').trim() : null
});
console.log(`question bank's slow checks: ${bank.run ? 'run' : 'not run'}, ${bank.why}`);

/** @param {string} command @param {string[]} args @param {import('node:child_process').SpawnOptions} options */
function run(command, args, options) {
  const from = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    child.on('error', () => resolve({ code: 1, ms: performance.now() - from }));
    child.on('exit', (code) => resolve({ code: code ?? 1, ms: performance.now() - from }));
  });
}

const started = performance.now();
// The web project's unit tests read apps/web/tsconfig.json, which extends the one `svelte-kit sync` writes (the
// build writes it too, but the tests start beside the build): written first, in a second.
const synced = spawnSync('npx', ['svelte-kit', 'sync'], { cwd: path.join(root, 'apps/web'), stdio: 'inherit' });
if (synced.status !== 0) process.exit(synced.status ?? 1);
mkdirSync(cache, { recursive: true });
writeFileSync(buildState, 'building\n');
const log = openSync(buildLog, 'w');
console.log(`web build: started beside the tests (its output in ${path.relative(root, buildLog)})`);
const building = run('npm', ['run', 'build'], { stdio: ['ignore', log, log] }).then((/** @type {any} */ built) => {
  writeFileSync(buildState, built.code === 0 ? 'done\n' : 'failed\n');
  if (built.code === 0) console.log(`web build: done in ${formatDuration(built.ms)}`);
  else {
    const tail = readFileSync(buildLog, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
    console.log(`web build FAILED (exit ${built.code}); the end of ${path.relative(root, buildLog)}:\n${tail}`);
  }
  return built;
});
const testing = run('npx', ['vitest', 'run', ...vitestArgs], {
  stdio: 'inherit',
  env: {
    ...process.env,
    MOCKLOOP_WEB_BUILD_STATE: buildState,
    ...(bank.run ? {} : { MOCKLOOP_BANK_CHECKS: 'skip' })
  }
});
const [built, tested] = /** @type {{ code: number; ms: number }[]} */ (await Promise.all([building, testing]));
const exitCode = built.code !== 0 ? built.code : tested.code;
// The whole suite passed with the slow checks in it: the bank as it is now is checked.
if (exitCode === 0 && bank.run && vitestArgs.length === 0) writeFileSync(greenFile, `${bankNow}\n`);
const steps = [
  { name: 'build (beside the tests)', ms: built.ms },
  { name: 'vitest', ms: tested.ms }
];
console.log(`\n${summary(steps, performance.now() - started, exitCode)}`);
process.exit(exitCode);
