/**
 * The question bank's slow checks (every kept mutant judged, the performance limits, verdicts under load) run when
 * the bank or its harness changed since they last passed on this clone, and always on CI or a fresh clone. What
 * "changed" means: a fingerprint of every file under question-bank/ (its problems, solutions, mutants, harness).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The slow files, relative to question-bank/. */
export const SLOW_BANK_FILES = [
  'src/mutants-1.test.ts',
  'src/mutants-2.test.ts',
  'src/mutants-3.test.ts',
  'src/mutants-4.test.ts',
  'src/performance.test.ts',
  'src/busy.test.ts'
];

/**
 * @param {string} dir
 * @returns {string} sha-256 over each file's path and bytes, in path order
 */
export function fingerprint(dir) {
  const hash = createHash('sha256');
  /** @param {string} at */
  const walk = (at) => {
    const entries = readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(path.relative(dir, full)).update('\0').update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/**
 * Whether this run includes the slow checks, and the line that says why.
 *
 * @param {{ ci: boolean; forced: boolean; now: string; lastGreen: string | null }} state
 * @returns {{ run: boolean; why: string }}
 */
export function decideBankChecks({ ci, forced, now, lastGreen }) {
  if (forced) return { run: true, why: 'asked for (MOCKLOOP_BANK_CHECKS=all)' };
  if (ci) return { run: true, why: 'always on CI' };
  if (lastGreen === null) return { run: true, why: 'no green run of them on this clone yet' };
  if (lastGreen !== now) return { run: true, why: 'the question bank or its harness changed since they last passed' };
  return {
    run: false,
    why: 'left out: the question bank and its harness are unchanged since they last passed here (MOCKLOOP_BANK_CHECKS=all runs them)'
  };
}
