function kClosest(points: number[][], k: number): number[][] {
  // A max-heap of size k on squared distance would be O(n log k); sorting is O(n log n) and clearer.
  const dist = (p: number[]) => p[0] * p[0] + p[1] * p[1];
  return [...points].sort((a, b) => dist(a) - dist(b)).slice(0, k);
}
