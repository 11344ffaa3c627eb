function characterReplacement(s: string, k: number): number {
  let best = 0;
  for (let start = 0; start < s.length; start++) {
    const counts = new Array<number>(26).fill(0);
    let top = 0;
    for (let end = start; end < s.length; end++) {
      top = Math.max(top, ++counts[s.charCodeAt(end) - 65]);
      if (end - start + 1 - top <= k) best = Math.max(best, end - start + 1);
    }
  }
  return best;
}
