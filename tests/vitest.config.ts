/** Tests that cross apps: the API against a real embedded FerretDB, and end to end in Chromium. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'integration',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['./setup/database.ts'],
    testTimeout: 30_000,
    // An end-to-end file's setup may first wait for the web build `npm test` runs beside the suite (tests/support/server.ts).
    // The build took 4 min 25 s beside the tests in a clean-clone run on Vite 7 (1 min 26 s on Vite 8), and a file the
    // order starts first waits for all of it (a new end-to-end file's setup timed out at its own 120 s): a setup gets
    // 16 minutes, a minute more than the build's wait (tests/support/server.ts), so a build that never ends is named as
    // such.
    hookTimeout: 16 * 60_000
  }
});
