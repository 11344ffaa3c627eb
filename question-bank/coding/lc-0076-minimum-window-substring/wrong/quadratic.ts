function minWindow(s: string, t: string): string {
  const need = new Map<string, number>();
  for (const ch of t) need.set(ch, (need.get(ch) ?? 0) + 1);
  let best = '';
  for (let start = 0; start < s.length; start++) {
    const left = new Map(need);
    let missing = t.length;
    for (let end = start; end < s.length; end++) {
      const n = left.get(s[end]) ?? 0;
      if (n > 0) missing--;
      left.set(s[end], n - 1);
      if (missing === 0) {
        if (best === '' || end - start + 1 < best.length) best = s.slice(start, end + 1);
        break;
      }
    }
  }
  return best;
}
