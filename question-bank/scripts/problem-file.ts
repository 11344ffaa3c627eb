/** Writes a coding problem's problem.json the way the bank keeps it: fields indented, one test case a line. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BANK_DIR } from '../src/load.ts';

/** One line, with Python's `json.dumps` spacing (`, ` and `: `), as the files were first written. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** Arrays of test cases (and key points): one a line. */
const CASE_LISTS = new Set(['examples', 'hiddenTests', 'tests', 'keyPoints']);

function block(value: unknown, indent: string, key?: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => (key && CASE_LISTS.has(key) ? inline(v) : block(v, inner)));
    return `[\n${items.map((item) => inner + item).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${block(v, inner, k)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function formatProblem(data: unknown): string {
  return `${block(data, '')}\n`;
}

export function problemPath(id: string): string {
  return path.join(BANK_DIR, 'coding', id, 'problem.json');
}

export async function readProblem(id: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(problemPath(id), 'utf8')) as Record<string, unknown>;
}

export async function writeProblem(id: string, data: unknown): Promise<void> {
  await writeFile(problemPath(id), formatProblem(data));
}
