/**
 * `npm run bench`: runs every benchmark script in this folder, one after another, then repeats each line that
 * states a goal (with its measured figure and baseline) as one summary.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * Not benchmarks: this runner, shared fixtures, the autosave benchmark's load process, the naive Monaco page, the
 * rooms benchmark's instance.
 */
const helpers = [
  'run-all.ts',
  'fixtures.ts',
  'scored-sessions.ts',
  'autosave-client.ts',
  'monaco-baseline.ts',
  'room-server.ts'
];
const scripts = readdirSync(here).filter((file) => file.endsWith('.ts') && !helpers.includes(file));
const goals: string[] = [];
const load = () => os.loadavg()[0]!.toFixed(1);

for (const script of scripts) {
  console.log(`\n## ${script} (load ${load()})`);
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn('npx', ['tsx', path.join(here, script)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (/goal/i.test(line)) goals.push(`${script}: ${line.trim()}`);
    });
    child.on('close', resolve);
  });
  if (status !== 0) {
    process.exitCode = 1;
    goals.push(`${script}: failed (exit ${status}), no figures`);
  }
}
console.log(`\n## Goals (${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} cores, load ${load()})`);
for (const line of goals) console.log(`  ${line}`);
