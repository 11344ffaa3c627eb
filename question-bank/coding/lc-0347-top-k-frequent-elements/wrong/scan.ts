function topKFrequent(nums: number[], k: number): number[] {
  const distinct = [...new Set(nums)];
  const counted = distinct.map((v) => [v, nums.filter((x) => x === v).length]);
  return counted
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([v]) => v);
}
