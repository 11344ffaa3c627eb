/** The one edit that turns an editor's text into a merged text, so what did not change (and the cursor) stays. */

/** The smallest replacement that turns `current` into `next` (null when they are equal): an editor applies only this. */
export function textEdit(current: string, next: string): { start: number; end: number; text: string } | null {
  if (current === next) return null;
  let start = 0;
  const shorter = Math.min(current.length, next.length);
  while (start < shorter && current[start] === next[start]) start++;
  let tail = 0;
  while (tail < shorter - start && current[current.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return { start, end: current.length - tail, text: next.slice(start, next.length - tail) };
}
