function kMeans(points: number[][], centroids: number[][], iterations: number): number[][] {
  let current = centroids.map((c) => [...c]);
  const distance = (a: number[], b: number[]) => a.reduce((sum, x, d) => sum + (x - b[d]) ** 2, 0);
  for (let it = 0; it < iterations; it++) {
    const sums = current.map((c) => c.map(() => 0));
    const counts = current.map(() => 0);
    for (const p of points) {
      let best = 0;
      for (let j = 1; j < current.length; j++) if (distance(p, current[j]) < distance(p, current[best])) best = j;
      counts[best]++;
      p.forEach((x, d) => (sums[best][d] += x));
    }
    current = current.map((c, j) => (counts[j] === 0 ? c : sums[j].map((s) => s / counts[j])));
  }
  return current;
}
