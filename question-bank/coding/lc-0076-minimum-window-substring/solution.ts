function minWindow(s: string, t: string): string {
  const need = new Map<string, number>();
  for (const ch of t) need.set(ch, (need.get(ch) ?? 0) + 1);
  let missing = t.length; // characters of t not yet covered by the window
  let bestStart = 0;
  let bestLen = Infinity;
  let start = 0;
  for (let end = 0; end < s.length; end++) {
    const ch = s[end];
    const n = need.get(ch) ?? 0;
    if (n > 0) missing--;
    need.set(ch, n - 1);
    if (missing === 0) {
      // Drop characters from the left while the window still covers t.
      while ((need.get(s[start]) ?? 0) < 0) {
        need.set(s[start], need.get(s[start])! + 1);
        start++;
      }
      if (end - start + 1 < bestLen) {
        bestStart = start;
        bestLen = end - start + 1;
      }
      need.set(s[start], need.get(s[start])! + 1);
      missing++;
      start++;
    }
  }
  return bestLen === Infinity ? '' : s.slice(bestStart, bestStart + bestLen);
}
