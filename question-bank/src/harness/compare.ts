/** Whether a result matches the expected one, under the problem's comparator. One implementation for every language. */

export type Comparator = 'exact' | 'unordered' | 'unorderedNested' | 'float';

const key = (value: unknown) => JSON.stringify(value);
const sortByKey = (values: unknown[]) => [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function floatEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-5;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => floatEqual(v, b[i]));
  return key(a) === key(b);
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
      throw new Error(`unknown comparator "${comparator}"`);
  }
}
