function characterReplacement(s: string, k: number): number {
  const counts = new Map<string, number>();
  let start = 0;
  let top = 0; // the highest count of one letter seen in any window so far
  for (let end = 0; end < s.length; end++) {
    const count = (counts.get(s[end]) ?? 0) + 1;
    counts.set(s[end], count);
    top = Math.max(top, count);
    // Too many letters to replace: slide the window (it never shrinks below the best length).
    if (end - start + 1 - top > k) {
      counts.set(s[start], counts.get(s[start])! - 1);
      start++;
    }
  }
  return s.length - start;
}
