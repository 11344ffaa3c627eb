/**
 * TypeScript's type errors as warnings beside a run, as LeetCode shows them: Monaco's TypeScript worker already
 * checks the editor's code; this turns its diagnostics into lines of the results panel (errors and warnings only,
 * in the order of the code, each once, a few at most). The code still runs: TypeScript is transpiled, not checked,
 * before it does. The ambient declarations tell the checker what LeetCode predefines, so a ListNode or a
 * MinPriorityQueue is not an error.
 */

/** A diagnostic as TypeScript's language service gives it (`messageText` a string or a chain of them). */
export interface TsDiagnostic {
  start?: number;
  length?: number;
  messageText: string | TsMessageChain;
  /** TypeScript's DiagnosticCategory: 0 warning, 1 error, 2 suggestion, 3 message. */
  category: number;
  code: number;
}
interface TsMessageChain {
  messageText: string;
  next?: TsMessageChain[];
}

export interface TypeWarning {
  line: number;
  column: number;
  message: string;
}

/** How many warnings a run shows. */
export const MAX_TYPE_WARNINGS = 10;

function flatten(text: string | TsMessageChain, depth = 0): string {
  if (typeof text === 'string') return text;
  const rest = (text.next ?? []).map((next) => flatten(next, depth + 1));
  return [text.messageText, ...rest].join(' ');
}

/** The warnings to show, from the worker's syntactic and semantic diagnostics of one model. */
export function typeWarnings(
  diagnostics: TsDiagnostic[],
  positionAt: (offset: number) => { lineNumber: number; column: number }
): TypeWarning[] {
  const seen = new Set<string>();
  return diagnostics
    .filter((d) => d.category === 0 || d.category === 1)
    .map((d) => {
      const { lineNumber, column } = positionAt(d.start ?? 0);
      return { line: lineNumber, column, message: `TS${d.code}: ${flatten(d.messageText)}` };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((w) => {
      const key = `${w.line}:${w.column}:${w.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_TYPE_WARNINGS);
}

/** What LeetCode's TypeScript predefines (the harness's prelude and queues), declared for the checker. */
export const LEETCODE_DECLARATIONS = `
declare class ListNode {
  val: number;
  next: ListNode | null;
  constructor(val?: number, next?: ListNode | null);
}
declare class TreeNode {
  val: number;
  left: TreeNode | null;
  right: TreeNode | null;
  constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null);
}
declare class _Node {
  val: number;
  neighbors: _Node[];
  constructor(val?: number, neighbors?: _Node[]);
}
declare class PriorityQueue<T = any> {
  constructor(compare?: (a: T, b: T) => number, values?: T[]);
  [member: string]: any;
}
declare class MinPriorityQueue<T = any> {
  constructor(getPriority?: (value: T) => number, values?: T[]);
  [member: string]: any;
}
declare class MaxPriorityQueue<T = any> {
  constructor(getPriority?: (value: T) => number, values?: T[]);
  [member: string]: any;
}
declare class Queue<T = any> {
  constructor(values?: T[]);
  [member: string]: any;
}
`;
