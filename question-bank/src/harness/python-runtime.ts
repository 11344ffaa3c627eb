/**
 * Runs Python on Pyodide: the code defines a top-level function or class, ListNode, TreeNode and (graph) Node are predefined,
 * arguments and results cross as JSON, and print output is captured per call. The Pyodide instance is injected:
 * Node tests load it from node_modules, the browser's worker from our own origin.
 */
import type { CallOptions, CallResult, PreparedSolution, Problem, Runtime } from './types.ts';
import { capOutput, GRAPH_NOT_COPIED, UserCodeError } from './types.ts';

/** The part of Pyodide the harness uses. */
export interface PyodideLike {
  runPython(code: string, options?: { globals?: unknown }): unknown;
  globals: { get(name: string): unknown };
  toPy(value: unknown): unknown;
}

const HARNESS = String.raw`
import json, sys, io, traceback
from typing import List, Optional, Dict, Tuple, Set

class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

class Node:
    def __init__(self, val=0, neighbors=None):
        self.val = val
        self.neighbors = neighbors if neighbors is not None else []

def _ml_graph_nodes(start):
    # Every node reachable from start, breadth first, whatever the user put in neighbors.
    if start is None or not hasattr(start, "neighbors"):
        return []
    seen = {id(start)}; order = [start]; head = 0
    while head < len(order):
        neighbors = getattr(order[head], "neighbors", None); head += 1
        for nxt in (neighbors if isinstance(neighbors, (list, tuple)) else []):
            if nxt is not None and id(nxt) not in seen:
                seen.add(id(nxt)); order.append(nxt)
    return order

def _ml_to(kind, value):
    if kind == "linkedList":
        head = None
        for v in reversed(value or []):
            head = ListNode(v, head)
        return head
    if kind == "binaryTree":
        if not value or value[0] is None:
            return None
        root = TreeNode(value[0]); queue = [root]; i = 1
        while queue and i < len(value):
            node = queue.pop(0)
            for side in ("left", "right"):
                if i < len(value) and value[i] is not None:
                    child = TreeNode(value[i]); setattr(node, side, child); queue.append(child)
                i += 1
        return root
    if kind == "graph":
        # Entry i lists the neighbours (1-based values) of the node with value i + 1.
        nodes = [Node(i + 1) for i in range(len(value or []))]
        for node, neighbors in zip(nodes, value or []):
            node.neighbors = [nodes[v - 1] for v in neighbors]
        return nodes[0] if nodes else None
    return value

def _ml_from(kind, value):
    if kind == "linkedList":
        out = []
        while value is not None:
            out.append(value.val); value = value.next
        return out
    if kind == "binaryTree":
        out = []; queue = [value]
        while queue:
            node = queue.pop(0)
            out.append(node.val if node else None)
            if node:
                queue.extend([node.left, node.right])
        while out and out[-1] is None:
            out.pop()
        return out
    if kind == "graph":
        nodes = sorted(_ml_graph_nodes(value), key=lambda n: getattr(n, "val", 0))
        vals = lambda ns: [getattr(n, "val", None) for n in (ns if isinstance(ns, (list, tuple)) else [])]
        return [vals(getattr(n, "neighbors", None)) for n in nodes]
    return value

def _ml_json_default(value):
    # What LeetCode's serializer takes for a list besides list and tuple: dict.values(), a generator, a map, a set.
    if isinstance(value, (bytes, bytearray)):
        return value.decode()
    try:
        return list(value)
    except TypeError:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable") from None

def _ml_user_line(tb):
    line = None
    for frame in traceback.extract_tb(tb):
        if frame.filename == "<solution>":
            line = frame.lineno
    return line

# What LeetCode runs before a Python solution: every name of these modules, the builtins again over any they
# shadowed (math's pow, re's compile), then the modules themselves over names they share with a function (bisect,
# copy, random). sortedcontainers is loaded with Pyodide (PYTHON_PACKAGES).
_ML_LEETCODE_MODULES = "string re datetime collections heapq bisect copy math random statistics itertools functools operator io sys json".split()
_ML_LEETCODE_IMPORTS = "".join(f"from {m} import *\n" for m in _ML_LEETCODE_MODULES) + """
from builtins import *
from typing import *
""" + "".join(f"import {m}\n" for m in _ML_LEETCODE_MODULES) + """
try:
    from sortedcontainers import SortedList, SortedDict, SortedSet
except ImportError:  # a Pyodide loaded without PYTHON_PACKAGES: everything else still runs
    pass
"""
# Imported once as the runtime loads, so the first Run does not wait for these modules.
exec(_ML_LEETCODE_IMPORTS, {})

def _ml_prepare(code):
    ns = {"ListNode": ListNode, "TreeNode": TreeNode, "Node": Node, "__name__": "__main__"}
    exec(_ML_LEETCODE_IMPORTS, ns)
    # What the prelude bound, to tell the candidate's definitions from it: heapq's merge is not their merge.
    ns["_ml_prelude"] = dict(ns)
    try:
        exec(compile(code, "<solution>", "exec"), ns)
    except SyntaxError as e:
        return None, json.dumps({"error": f"{type(e).__name__}: {e.msg}", "line": e.lineno, "column": e.offset})
    except BaseException as e:
        return None, json.dumps({"error": f"{type(e).__name__}: {e}", "line": _ml_user_line(e.__traceback__)})
    return ns, None

def _ml_own(ns, name):
    # A name the candidate's code defined (or rebound), never one only the prelude put there.
    value = ns.get(name)
    return value if value is not None and value is not ns["_ml_prelude"].get(name) else None

class _MlGraphNotCopied(Exception):
    pass

def _ml_entry(ns, spec):
    # LeetCode's shape first, a method of the candidate's class Solution spelled as LeetCode does, then the bank's
    # top-level function; only what the candidate defined counts.
    if spec["kind"] == "class":
        return _ml_own(ns, spec["name"])
    solution = _ml_own(ns, "Solution")
    if isinstance(solution, type):
        for name in (spec["name"], spec["pythonName"]):
            if callable(getattr(solution, name, None)):
                return getattr(solution(), name)
    return _ml_own(ns, spec["pythonName"]) or _ml_own(ns, spec["name"])

def _ml_has_entry(ns, spec_json):
    return _ml_entry(ns, json.loads(spec_json)) is not None

def _ml_call_once(ns, spec, data, repeat=1):
    if spec["kind"] == "class":
        instance = ns.get(spec["name"])(*data["args"][0])
        results = [None]
        void = set(spec.get("voidMethods") or [])
        # Like the JavaScript runtime: a call listed without arguments takes none.
        for i, op in enumerate(data["ops"][1:], start=1):
            args = data["args"][i] if i < len(data["args"]) else []
            returned = getattr(instance, spec["methods"].get(op, op))(*args)
            results.append(None if op in void else returned)
        return results
    fn = _ml_entry(ns, spec)
    args = [_ml_to(p.get("type", "json"), v) for p, v in zip(spec["params"], data)]
    # A graph in and a graph out means "copy it": remember the input's nodes to check the result's.
    copied = set()
    if spec.get("returns") == "graph":
        for p, a in zip(spec["params"], args):
            if p.get("type") == "graph":
                copied.update(id(n) for n in _ml_graph_nodes(a))
    returned = fn(*args)
    for _ in range(repeat - 1):
        returned = fn(*args)
    if copied and any(id(n) in copied for n in _ml_graph_nodes(returned)):
        raise _MlGraphNotCopied()
    m = spec.get("mutatesArg")
    return _ml_from(spec["params"][m].get("type", "json"), args[m]) if m is not None else _ml_from(spec.get("returns", "json"), returned)

def _ml_call(ns, spec_json, input_json, vary=None, repeat=1):
    spec = json.loads(spec_json); data = json.loads(input_json)
    out = io.StringIO(); old = sys.stdout; sys.stdout = out
    try:
        if vary is None:
            value = _ml_call_once(ns, spec, data, repeat)
        else:
            # One call per value of the varying argument, the others shared (CallOptions.vary).
            value = [_ml_call_once(ns, spec, data[:vary] + [v] + data[vary + 1:]) for v in data[vary]]
        return json.dumps({"value": value, "stdout": out.getvalue()}, default=_ml_json_default)
    except _MlGraphNotCopied:
        return json.dumps({"error": GRAPH_NOT_COPIED, "stdout": out.getvalue()})
    except BaseException as e:
        return json.dumps({"error": f"{type(e).__name__}: {e}", "line": _ml_user_line(e.__traceback__), "stdout": out.getvalue()})
    finally:
        sys.stdout = old
`;

/** Pyodide packages LeetCode's Python has beyond the standard library: load them with Pyodide (`packages`). */
export const PYTHON_PACKAGES = ['sortedcontainers'];

export function createPythonRuntime(pyodide: PyodideLike): Runtime {
  pyodide.runPython(`GRAPH_NOT_COPIED = ${JSON.stringify(GRAPH_NOT_COPIED)}\n${HARNESS}`);
  const prepare = pyodide.globals.get('_ml_prepare') as (
    code: string
  ) => { toJs(): [unknown, string | null] } & unknown[];
  const call = pyodide.globals.get('_ml_call') as (
    ns: unknown,
    spec: string,
    input: string,
    vary?: number,
    repeat?: number
  ) => string;
  const hasEntry = pyodide.globals.get('_ml_has_entry') as (ns: unknown, spec: string) => boolean;
  return {
    language: 'python',
    async prepare(code: string, problem: Problem): Promise<PreparedSolution> {
      const result = prepare(code) as unknown as { get(i: number): unknown; destroy?(): void };
      const ns = result.get(0);
      const failure = result.get(1) as string | undefined;
      if (failure) {
        const { error, line, column } = JSON.parse(failure) as { error: string; line?: number; column?: number };
        throw new UserCodeError(error, line ?? undefined, column ?? undefined);
      }
      const signature = problem.signature;
      const spec = JSON.stringify(signature);
      if (!hasEntry(ns, spec)) {
        throw new UserCodeError(
          signature.kind === 'class'
            ? `Define a class named ${signature.name}.`
            : `Define class Solution with a method ${signature.name} (or a function named ${signature.pythonName}).`
        );
      }
      return {
        async call(input: unknown, options: CallOptions = {}): Promise<CallResult> {
          const outcome = JSON.parse(call(ns, spec, JSON.stringify(input), options.vary, options.repeat ?? 1)) as {
            value?: unknown;
            stdout?: string;
            error?: string;
            line?: number | null;
          };
          if (outcome.error) throw new UserCodeError(outcome.error, outcome.line ?? undefined);
          return { value: outcome.value ?? null, stdout: capOutput(outcome.stdout ?? '') };
        }
      };
    }
  };
}
