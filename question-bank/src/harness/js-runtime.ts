/**
 * Runs JavaScript (and TypeScript, once transpiled) the way LeetCode does: the code defines a top-level function
 * or class, ListNode, TreeNode and (graph) Node, also named _Node as LeetCode's templates do, are predefined, LeetCode's queues are globals, and console output
 * is captured per call.
 */
import { LEETCODE_GLOBALS } from './leetcode-globals.ts';
import { rewriteSpreadCalls, SPREAD_HELPERS } from './spread.ts';
import { locateSyntaxError, parsePosition } from './syntax.ts';
import type { CallOptions, CallResult, PreparedSolution, Problem, Runtime } from './types.ts';
import { capOutput, GRAPH_NOT_COPIED, UserCodeError } from './types.ts';

/**
 * The predefined classes, then the user's code in a scope of its own: a solution may declare its own `Node`
 * (a trie's, say) without clashing with the graph one, and the harness still builds with its own classes.
 */
const PRELUDE = [
  'class ListNode { constructor(val = 0, next = null) { this.val = val; this.next = next; } }',
  'class TreeNode { constructor(val = 0, left = null, right = null) { this.val = val; this.left = left; this.right = right; } }',
  'class Node { constructor(val = 0, neighbors = []) { this.val = val; this.neighbors = neighbors; } }',
  // LeetCode's JavaScript and TypeScript templates name the graph node _Node (Clone Graph's `new _Node(val)`).
  'const _Node = Node;',
  'const __mlStructures = { ListNode, TreeNode, Node };',
  SPREAD_HELPERS,
  'const __mlEntry = (function () {'
].join('\n');
/** Lines V8 puts before the body of `new Function(...)`, plus the prelude's. */
const LINES_BEFORE_USER_CODE = 2 + PRELUDE.split('\n').length;

interface Structures {
  ListNode: new (val?: unknown, next?: unknown) => { val: unknown; next: unknown };
  TreeNode: new (val?: unknown, left?: unknown, right?: unknown) => { val: unknown; left: unknown; right: unknown };
  Node: new (val?: unknown, neighbors?: unknown[]) => { val: unknown; neighbors: unknown[] };
}

type Node = {
  val: unknown;
  next?: Node | null;
  left?: Node | null;
  right?: Node | null;
  neighbors?: unknown;
};

/** Every graph node reachable from `start` (breadth first), whatever the user put in `neighbors`. */
function graphNodes(start: unknown): Node[] {
  if (!start || typeof start !== 'object' || !('neighbors' in start)) return [];
  const seen = new Set<unknown>([start]);
  const order = [start as Node];
  for (let head = 0; head < order.length; head++) {
    const neighbors = order[head]!.neighbors;
    for (const next of Array.isArray(neighbors) ? neighbors : []) {
      if (next && typeof next === 'object' && !seen.has(next)) {
        seen.add(next);
        order.push(next as Node);
      }
    }
  }
  return order;
}

function toStructure(type: string, value: unknown, s: Structures): unknown {
  if (type === 'linkedList') {
    let head: Node | null = null;
    for (const v of [...((value as unknown[]) ?? [])].reverse()) head = new s.ListNode(v, head) as Node;
    return head;
  }
  if (type === 'binaryTree') {
    const values = (value as unknown[]) ?? [];
    if (values.length === 0 || values[0] === null) return null;
    const root = new s.TreeNode(values[0]) as Node;
    const queue: Node[] = [root];
    let i = 1;
    while (queue.length && i < values.length) {
      const node = queue.shift()!;
      for (const side of ['left', 'right'] as const) {
        if (i < values.length && values[i] !== null) {
          node[side] = new s.TreeNode(values[i]) as Node;
          queue.push(node[side]!);
        }
        i++;
      }
    }
    return root;
  }
  if (type === 'graph') {
    // LeetCode's adjacency list: entry i lists the neighbours (1-based values) of the node with value i + 1.
    const lists = (value as number[][]) ?? [];
    const nodes = lists.map((_, i) => new s.Node(i + 1));
    lists.forEach((neighbors, i) => {
      nodes[i]!.neighbors = neighbors.map((v) => nodes[v - 1]);
    });
    return nodes[0] ?? null;
  }
  return value;
}

function fromStructure(type: string, value: unknown): unknown {
  if (value === undefined) return null;
  if (type === 'linkedList') {
    const out: unknown[] = [];
    for (let node = value as Node | null; node; node = node.next ?? null) out.push(node.val);
    return out;
  }
  if (type === 'binaryTree') {
    const out: unknown[] = [];
    const queue: (Node | null)[] = [value as Node | null];
    while (queue.length) {
      const node = queue.shift()!;
      out.push(node ? node.val : null);
      if (node) queue.push(node.left ?? null, node.right ?? null);
    }
    while (out.length && out.at(-1) === null) out.pop();
    return out;
  }
  if (type === 'graph') {
    // Back to an adjacency list: the nodes reachable from the returned one, ordered by value.
    const nodes = graphNodes(value).sort((a, b) => Number(a.val) - Number(b.val));
    const vals = (list: unknown) =>
      (Array.isArray(list) ? list : []).map((n) => (n && typeof n === 'object' ? (n as Node).val : null));
    return JSON.parse(JSON.stringify(nodes.map((node) => vals(node.neighbors))));
  }
  // A number, string or boolean as JSON has it, without a round trip through text: a class problem's 100,000
  // calls return one each, and the harness's own time is not the candidate's.
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // -0 as JSON writes it: 0
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return JSON.parse(JSON.stringify(value ?? null));
}

/** The line of the user's code an error points at, from a V8 stack trace of `new Function` code. */
export function userLine(error: unknown): number | undefined {
  const match = /<anonymous>:(\d+):\d+/.exec(String((error as Error)?.stack ?? ''));
  if (!match) return undefined;
  const line = Number(match[1]) - LINES_BEFORE_USER_CODE;
  return line > 0 ? line : undefined;
}

function asUserError(error: unknown): UserCodeError {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // A TypeScript parse error (sucrase) names its position; an exception's stack names its line.
  const position = parsePosition(error);
  return position
    ? new UserCodeError(message, position.line, position.column)
    : new UserCodeError(message, userLine(error));
}

export function createJsRuntime(
  transpile: (code: string) => string = (code) => code,
  language: 'javascript' | 'typescript' = 'javascript'
): Runtime {
  return {
    language,
    async prepare(code: string, problem: Problem): Promise<PreparedSolution> {
      let output = '';
      const log = (...args: unknown[]) => {
        output += `${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`;
      };
      const fakeConsole = { log, info: log, warn: log, error: log, debug: log };
      let entry: unknown;
      let structures: Structures;
      try {
        const js = rewriteSpreadCalls(transpile(code));
        const name = problem.signature.name;
        const factory = new Function(
          'console',
          ...Object.keys(LEETCODE_GLOBALS),
          `${PRELUDE}\n${js}\n;return typeof ${name} === 'undefined' ? undefined : ${name};\n})();\nreturn [__mlEntry, __mlStructures];`
        );
        [entry, structures] = factory(fakeConsole, ...Object.values(LEETCODE_GLOBALS)) as [unknown, Structures];
      } catch (error) {
        // V8 does not say where a syntax error is: parse again to find it.
        const position = error instanceof SyntaxError ? locateSyntaxError(code, language) : undefined;
        if (position)
          throw new UserCodeError(`SyntaxError: ${(error as Error).message}`, position.line, position.column);
        throw asUserError(error);
      }
      if (typeof entry !== 'function') {
        throw new UserCodeError(`Define a ${problem.signature.kind} named ${problem.signature.name}.`);
      }
      const signature = problem.signature;
      // Snapshots taken before void methods were listed have none.
      const voidMethods = new Set<string>(signature.kind === 'class' ? (signature.voidMethods ?? []) : []);

      const callOnce = async (input: unknown, options: CallOptions = {}): Promise<unknown> => {
        if (signature.kind === 'class') {
          const { ops, args } = input as { ops: string[]; args: unknown[][] };
          const Cls = entry as new (...a: unknown[]) => Record<string, (...a: unknown[]) => unknown>;
          const instance = new Cls(...(args[0] ?? []));
          const results: unknown[] = [null];
          for (let i = 1; i < ops.length; i++) {
            const method = instance[ops[i]!];
            if (typeof method !== 'function') throw new TypeError(`${signature.name}.${ops[i]} is not a method`);
            const returned = method.apply(instance, args[i] ?? []);
            results.push(voidMethods.has(ops[i]!) ? null : fromStructure('json', returned));
          }
          return results;
        }
        const args = (input as unknown[]).map((value, i) =>
          toStructure(signature.params[i]?.type ?? 'json', value, structures)
        );
        // A graph in and a graph out means "copy it": remember the input's nodes to check the result's.
        const inputNodes = new Set<unknown>(
          signature.returns === 'graph'
            ? signature.params.flatMap((p, i) => (p.type === 'graph' ? graphNodes(args[i]) : []))
            : []
        );
        const fn = entry as (...a: unknown[]) => unknown;
        let returned = await fn(...args);
        for (let i = 1; i < (options.repeat ?? 1); i++) returned = await fn(...args);
        if (inputNodes.size > 0 && graphNodes(returned).some((n) => inputNodes.has(n))) {
          throw new UserCodeError(GRAPH_NOT_COPIED);
        }
        return signature.mutatesArg !== undefined
          ? fromStructure(signature.params[signature.mutatesArg]?.type ?? 'json', args[signature.mutatesArg])
          : fromStructure(signature.returns, returned);
      };

      return {
        async call(input: unknown, options: CallOptions = {}): Promise<CallResult> {
          output = '';
          try {
            if (options.vary !== undefined) {
              // One call per value of the varying argument, the others shared: many queries on one large input.
              const values: unknown[] = [];
              const at = options.vary;
              for (const value of (input as unknown[])[at] as unknown[]) {
                const args = [...(input as unknown[])];
                args[at] = value;
                values.push(await callOnce(args, options));
              }
              return { value: values, stdout: capOutput(output) };
            }
            return { value: await callOnce(input, options), stdout: capOutput(output) };
          } catch (error) {
            throw error instanceof UserCodeError ? error : asUserError(error);
          }
        }
      };
    }
  };
}
