/**
 * `Math.max(...nums)` on 100,000 numbers, as a browser worker allows it. A spread call pushes every element on
 * the machine stack, and Chromium gives a dedicated worker about half the stack of its main thread or of Node
 * (measured in Chromium 156: 63,585 spread arguments in a worker, 124,524 on the page's thread, 125,260 in Node,
 * 496,660 in a Node worker thread); no browser lets a page ask for a worker with a bigger one, and the code must
 * run in the sandbox's worker. So the few spread calls LeetCode solutions make on whole arrays are rewritten
 * to loops before the code runs: `Math.max(...x)`, `Math.min(...x)` and `a.push(...x)` with the spread as the
 * only argument. Each helper gives the built-in's result (NaN, -0 and the empty case included) and calls the
 * original on anything that is not a plain array's own push. Lines stay where they were, so errors point at the
 * candidate's line.
 */
import { parse, type Node } from 'acorn';

/** The helpers the rewritten calls use, defined before the candidate's code (names they will not clash with). */
export const SPREAD_HELPERS = [
  'const __mlMax = (xs) => { let m = -Infinity; for (const x of xs) m = Math.max(m, x); return m; };',
  'const __mlMin = (xs) => { let m = Infinity; for (const x of xs) m = Math.min(m, x); return m; };',
  'const __mlPush = (target, xs) => {',
  '  if (!Array.isArray(target) || target.push !== Array.prototype.push) return target.push(...xs);',
  '  for (const x of xs) target.push(x);',
  '  return target.length;',
  '};'
].join('\n');

type Edit = { start: number; end: number; text: string };

interface CallNode extends Node {
  callee: Node & { type: string; object?: Node & { name?: string }; property?: Node & { name?: string } };
  arguments: (Node & { argument?: Node })[];
  optional?: boolean;
}

/** The text between `start` and `end` replaced by `text`, keeping its line breaks so lines do not move. */
function keepLines(source: string, edit: Edit): string {
  const breaks = source.slice(edit.start, edit.end).split('\n').length - 1;
  return edit.text + '\n'.repeat(breaks);
}

function visit(node: unknown, found: (call: CallNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) visit(child, found);
    return;
  }
  const n = node as Node & Record<string, unknown>;
  if (n.type === 'CallExpression') found(n as unknown as CallNode);
  for (const key of Object.keys(n)) {
    if (key !== 'type' && key !== 'start' && key !== 'end') visit(n[key], found);
  }
}

/** The code with its whole-array spread calls as loops; the code unchanged when it does not parse. */
export function rewriteSpreadCalls(code: string): string {
  if (!code.includes('...')) return code;
  let program: Node;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
  } catch {
    return code; // `new Function` reports the syntax error where it is.
  }
  const edits: Edit[] = [];
  visit(program, (call) => {
    const [only] = call.arguments;
    const { callee } = call;
    if (call.arguments.length !== 1 || only?.type !== 'SpreadElement' || !only.argument) return;
    if (call.optional || callee.type !== 'MemberExpression' || (callee as { computed?: boolean }).computed) return;
    if ((callee as { optional?: boolean }).optional) return;
    const method = callee.property?.name;
    const object = callee.object!;
    if (object.type === 'Identifier' && object.name === 'Math' && (method === 'max' || method === 'min')) {
      // Math.max(...xs) → __mlMax(xs)
      edits.push({ start: call.start, end: only.argument.start, text: method === 'max' ? '__mlMax(' : '__mlMin(' });
    } else if (method === 'push' && object.type !== 'Super') {
      // a.push(...xs) → __mlPush(a, xs)
      edits.push({ start: call.start, end: call.start, text: '__mlPush(' });
      edits.push({ start: object.end, end: only.argument.start, text: ', ' });
    }
  });
  if (edits.length === 0) return code;
  // From the end, so earlier offsets stay valid; nested calls edit disjoint ranges.
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.start) + keepLines(code, edit) + out.slice(edit.end);
  return out;
}
