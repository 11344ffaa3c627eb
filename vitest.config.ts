/** The whole suite: unit tests beside the code in each workspace, and the cross-app tests in tests/. */
import { defineConfig } from 'vitest/config';
import { SLOW_BANK_FILES } from './tools/test-timing/bank-checks.mjs';
import { LongestFirstSequencer } from './tools/test-timing/longest-first.mjs';

// `npm test` leaves the question bank's slow checks out when the bank is unchanged since they last passed here.
const bankExclude = process.env.MOCKLOOP_BANK_CHECKS === 'skip' ? SLOW_BANK_FILES : [];

export default defineConfig({
  test: {
    // Files run three at a time: most of an end-to-end or API file's time is spent waiting on Chromium, the API or
    // the database, so on a 2-core machine three files in flight halve the wall time (vitest's default there is
    // one). Verdicts that could move with the load are judged against a calibration measured at the same moment.
    maxWorkers: 3,
    // The longest files start first, across projects (the bank's mutation checks used to start last).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      { test: { name: 'rubrics', root: 'packages/rubrics', include: ['src/**/*.test.ts'] } },
      { test: { name: 'contracts', root: 'packages/contracts', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'question-bank',
          root: 'question-bank',
          include: ['src/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...bankExclude],
          // A slower-complexity mutant runs its top rung to an allowance counted in calibration loops, twice, so its
          // time grows with the machine's load by design: car fleet's took 56 s in one clean-clone run and over 120 s
          // in the next, and the timed-out judging then held the runner the following test needed.
          testTimeout: 480_000,
          hookTimeout: 120_000
        }
      },
      { test: { name: 'api', root: 'apps/api', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'web',
          root: 'apps/web',
          include: ['src/**/*.test.ts', 'vite-plugins/**/*.test.ts', 'scripts/**/*.test.ts']
        }
      },
      { test: { name: 'tools', root: 'tools', include: ['**/*.test.ts'] } },
      'tests/vitest.config.ts'
    ]
  }
});
