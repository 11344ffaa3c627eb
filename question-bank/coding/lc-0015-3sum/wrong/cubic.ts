function threeSum(nums: number[]): number[][] {
  const sorted = [...nums].sort((a, b) => a - b);
  const seen = new Set<string>();
  const result: number[][] = [];
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++)
      for (let k = j + 1; k < sorted.length; k++) {
        if (sorted[i] + sorted[j] + sorted[k] !== 0) continue;
        const key = `${sorted[i]},${sorted[j]},${sorted[k]}`;
        if (!seen.has(key)) {
          seen.add(key);
          result.push([sorted[i], sorted[j], sorted[k]]);
        }
      }
  return result;
}
