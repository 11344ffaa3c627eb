/** Whether a result matches the expected one, under the problem's comparator. One implementation for every language. */

export type Comparator = 'exact' | 'unordered' | 'unorderedNested' | 'float' | keyof typeof checkers;

const key = (value: unknown) => JSON.stringify(value);
const sortByKey = (values: unknown[]) => [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function floatEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-5;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => floatEqual(v, b[i]));
  return key(a) === key(b);
}

interface PlainTree {
  val: unknown;
  left: PlainTree | null;
  right: PlainTree | null;
}

/** A LeetCode level-order array (null for a missing child) as nested objects; undefined when it is not one. */
function treeFromLevelOrder(values: unknown): PlainTree | null | undefined {
  if (!Array.isArray(values)) return undefined;
  if (values.length === 0) return null;
  if (values[0] === null) return values.every((v) => v === null) ? null : undefined;
  const root: PlainTree = { val: values[0], left: null, right: null };
  const queue: PlainTree[] = [root];
  let i = 1;
  for (let head = 0; head < queue.length && i < values.length; head++) {
    const node = queue[head]!;
    for (const side of ['left', 'right'] as const) {
      if (i < values.length && values[i] !== null) {
        node[side] = { val: values[i], left: null, right: null };
        queue.push(node[side]);
      }
      i++;
    }
  }
  // Values past the last node that could hold children belong nowhere: not a tree.
  return values.slice(i).every((v) => v === null) ? root : undefined;
}

/** The tree's height, or -1 when some node's subtrees differ in height by more than one. */
function balancedHeight(node: PlainTree | null): number {
  if (!node) return 0;
  const left = balancedHeight(node.left);
  const right = balancedHeight(node.right);
  if (left < 0 || right < 0 || Math.abs(left - right) > 1) return -1;
  return 1 + Math.max(left, right);
}

function inOrder(node: PlainTree | null, out: unknown[]): unknown[] {
  // Iterative, so a degenerate (list-shaped) tree of any size cannot overflow the stack.
  const stack: PlainTree[] = [];
  for (let current = node; current || stack.length;) {
    while (current) {
      stack.push(current);
      current = current.left;
    }
    const top = stack.pop()!;
    out.push(top.val);
    current = top.right;
  }
  return out;
}

/**
 * Checkers for problems with more than one right answer, named by a problem's `comparator`.
 * Each gets the actual result (plain JSON) and the test's `expected`, which a checker may define as it needs.
 */
export const checkers = {
  /** LC 108: `expected` is the sorted input; the result is a height-balanced BST (level order) holding exactly it. */
  balancedBst(actual: unknown, expected: unknown): boolean {
    const root = treeFromLevelOrder(actual);
    if (root === undefined || !Array.isArray(expected)) return false;
    return key(inOrder(root, [])) === key(expected) && balancedHeight(root) >= 0;
  }
} satisfies Record<string, (actual: unknown, expected: unknown) => boolean>;

/**
 * A result as canonical JSON text under the comparator: two results the comparator accepts as equal give the same
 * text (order-free comparators sort first). The digest of a large expected result is taken of this text.
 */
export function normalForm(comparator: string, value: unknown): string {
  if (comparator === 'unordered' && Array.isArray(value)) return key(sortByKey(value));
  if (comparator === 'unorderedNested' && Array.isArray(value)) {
    return key(sortByKey(value.map((row) => (Array.isArray(row) ? sortByKey(row) : row))));
  }
  return key(value);
}

export function matches(comparator: string, actual: unknown, expected: unknown): boolean {
  switch (comparator) {
    case 'exact':
      return key(actual) === key(expected);
    case 'unordered':
      return Array.isArray(actual) && Array.isArray(expected) && key(sortByKey(actual)) === key(sortByKey(expected));
    case 'unorderedNested': {
      if (!Array.isArray(actual) || !Array.isArray(expected)) return false;
      const norm = (rows: unknown[]) => sortByKey(rows.map((row) => (Array.isArray(row) ? sortByKey(row) : row)));
      return key(norm(actual)) === key(norm(expected));
    }
    case 'float':
      return floatEqual(actual, expected);
    default:
      if (Object.hasOwn(checkers, comparator)) return checkers[comparator as keyof typeof checkers](actual, expected);
      throw new Error(`unknown comparator "${comparator}"`);
  }
}
