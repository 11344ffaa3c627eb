/** What the harness runs and what it reports, the same in Node tests and in the browser's worker. */
import type { CodingQuestion, Language } from '../schema.ts';

export type Problem = Pick<CodingQuestion, 'signature' | 'comparator'>;

export interface CallResult {
  /** The result as plain JSON (lists and trees turned back into arrays). */
  value: unknown;
  stdout: string;
}

export interface CallOptions {
  /**
   * Call once per element of the argument at this index, the other arguments shared, and return the list of
   * results: many queries on one large input (a performance test of an O(log n) search).
   */
  vary?: number;
  /** Call this many times on the same input (converted once), returning the last result: a call too fast to time alone. */
  repeat?: number;
}

export interface PreparedSolution {
  call(input: unknown, options?: CallOptions): Promise<CallResult>;
}

export interface Runtime {
  language: Language;
  /** Loads the user's code once; throws a UserCodeError if it does not compile or define the entry point. */
  prepare(code: string, problem: Problem): Promise<PreparedSolution>;
}

/** What one call of the candidate's code produced: its output, or the error it raised. */
export type CallOutcome =
  | { ok: true; value: unknown; stdout: string }
  | { ok: false; stdout: string; error: { message: string; line?: number; column?: number } };

export interface TestOutcome {
  verdict: 'pass' | 'fail' | 'error';
  actual?: unknown;
  stdout: string;
  error?: { message: string; line?: number; column?: number };
  ms: number;
}

/** An error in the candidate's code, with the line in *their* code when it can be found. */
export class UserCodeError extends Error {
  override name = 'UserCodeError';
  constructor(
    message: string,
    readonly line?: number,
    /** From 1, when known (syntax errors). */
    readonly column?: number
  ) {
    super(message);
  }
}

/** Output kept per test: enough to debug, not enough to flood the page. */
export const STDOUT_LIMIT = 10_000;

export function capOutput(text: string): string {
  return text.length > STDOUT_LIMIT ? `${text.slice(0, STDOUT_LIMIT)}\n… output truncated` : text;
}

/**
 * A function that takes a graph and returns one must return a copy (Clone Graph): when the result shares a node
 * with the input, the test is an error with this message, in every language.
 */
export const GRAPH_NOT_COPIED =
  'Returned the input graph instead of a copy: every node of the result must be a new Node.';
