function eraseOverlapIntervals(intervals: number[][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const chain = new Array<number>(sorted.length).fill(1);
  let best = 0;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = 0; j < i; j++) if (sorted[j][1] <= sorted[i][0]) chain[i] = Math.max(chain[i], chain[j] + 1);
    best = Math.max(best, chain[i]);
  }
  return intervals.length - best;
}
