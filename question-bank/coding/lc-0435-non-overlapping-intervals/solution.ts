function eraseOverlapIntervals(intervals: number[][]): number {
  // Keep the interval that ends first each time: it leaves the most room for the rest.
  const sorted = [...intervals].sort((a, b) => a[1] - b[1]);
  let end = -Infinity;
  let kept = 0;
  for (const [start, finish] of sorted) {
    if (start >= end) {
      kept++;
      end = finish;
    }
  }
  return intervals.length - kept;
}
