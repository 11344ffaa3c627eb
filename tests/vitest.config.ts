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
    hookTimeout: 300_000
  }
});
