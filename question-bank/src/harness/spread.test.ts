import { describe, expect, it } from 'vitest';
import { rewriteSpreadCalls, SPREAD_HELPERS } from './spread.ts';

/** Runs the rewritten code with the helpers, as the JavaScript runtime does. */
const run = (code: string) => new Function(`${SPREAD_HELPERS}\n${rewriteSpreadCalls(code)}`)() as unknown;

describe('rewriteSpreadCalls', () => {
  it('rewrites Math.max, Math.min and push with one spread argument, and nothing else', () => {
    expect(rewriteSpreadCalls('return Math.max(...nums) + Math.min( ... nums.map((x) => x * 2));')).toBe(
      'return __mlMax(nums) + __mlMin(nums.map((x) => x * 2));'
    );
    expect(rewriteSpreadCalls('out.push(...row);')).toBe('__mlPush(out, row);');
    for (const untouched of [
      'Math.max(a, ...b);',
      'Math.max(...a, b);',
      'f(...a);',
      'o?.push(...a);',
      'Math["max"](...a);',
      "const s = 'Math.max(...a)';",
      'Math.max(...a'
    ])
      expect(rewriteSpreadCalls(untouched)).toBe(untouched);
  });

  it('keeps every line where it was', () => {
    const code = 'const a = [1];\nconst b = a\n  // more\n  .push(\n ...[2]);\nthrow new Error(String(b));';
    const rewritten = rewriteSpreadCalls(code);
    expect(rewritten.split('\n')).toHaveLength(code.split('\n').length);
    expect(rewritten.split('\n')[5]).toBe('throw new Error(String(b));');
  });

  it('gives the built-ins’ results: empty, NaN, -0, iterables, nested calls, a push that is not an array’s', () => {
    expect(run('return [Math.max(...[]), Math.min(...[])];')).toEqual([-Infinity, Infinity]);
    expect(run('return Math.max(...[1, NaN, 3]);')).toBeNaN();
    expect(Object.is(run('return Math.max(...[-0]);'), -0)).toBe(true);
    expect(run("return [Math.max(...new Set([3, 9, 2])), Math.min(...'5371')];")).toEqual([9, 1]);
    expect(run('const a = [[1], [2]]; a[Math.max(...[0, 1])].push(...[Math.min(...[7, 5])]); return a;')).toEqual([
      [1],
      [2, 5]
    ]);
    expect(
      run(
        'const s = { items: [], push(...xs) { this.items.push(...xs); return 99; } }; return [s.push(...[1, 2]), s.items];'
      )
    ).toEqual([99, [1, 2]]);
  });

  it('handles 300,000 elements, more than any stack takes as arguments', () => {
    const code =
      'const nums = Array.from({ length: 300000 }, (_, i) => i % 1000); const out = []; out.push(...nums);' +
      'return [Math.max(...nums), Math.min(...nums), out.length];';
    expect(run(code)).toEqual([999, 0, 300_000]);
  });
});
