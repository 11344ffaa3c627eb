function medianSlidingWindow(nums: number[], k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + k <= nums.length; i++) {
    const w = nums.slice(i, i + k).sort((a, b) => a - b);
    out.push(k % 2 ? w[k >> 1] : (w[k / 2 - 1] + w[k / 2]) / 2);
  }
  return out;
}
