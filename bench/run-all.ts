/** `npm run bench`: runs every benchmark script in this folder, one after another. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Not benchmarks: this runner, shared fixtures, and the autosave benchmark's load process. */
const helpers = ['run-all.ts', 'fixtures.ts', 'autosave-client.ts'];
const scripts = readdirSync(here).filter((file) => file.endsWith('.ts') && !helpers.includes(file));
for (const script of scripts) {
  console.log(`\n## ${script}`);
  const result = spawnSync('npx', ['tsx', path.join(here, script)], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = 1;
}
