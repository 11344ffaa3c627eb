/**
 * Writes `durations.json` from a vitest JSON report of a whole run (`npm test -- --reporter=default
 * --reporter=json --outputFile=report.json`): each file's time, which `longest-first.mjs` orders the next run by.
 * A report from another clone (a clean-clone run) names that clone's folder as the second argument.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const [reportPath, runRoot = root] = process.argv.slice(2);
if (!reportPath) {
  console.error('usage: node tools/test-timing/record-durations.mjs <vitest-json-report> [the clone it ran in]');
  process.exit(2);
}
/** @type {{ testResults: { name: string; startTime: number; endTime: number }[] }} */
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
/** @type {Record<string, number>} */
const seconds = {};
for (const file of [...report.testResults].sort((a, b) => b.endTime - b.startTime - (a.endTime - a.startTime))) {
  seconds[path.relative(runRoot, file.name)] = Math.round((file.endTime - file.startTime) / 100) / 10;
}
const out = path.join(import.meta.dirname, 'durations.json');
const measured = new Date().toISOString().slice(0, 10);
writeFileSync(out, `${JSON.stringify({ measured, seconds }, null, 2)}\n`);
console.log(`${Object.keys(seconds).length} files' times written to ${path.relative(root, out)}`);
