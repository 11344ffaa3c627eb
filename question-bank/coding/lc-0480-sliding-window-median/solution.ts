function medianSlidingWindow(nums: number[], k: number): number[] {
  // The window kept sorted: binary-search insert and remove. O(n·k) moves in the worst case, fast in practice.
  const window = nums.slice(0, k).sort((a, b) => a - b);
  const position = (x: number) => {
    let lo = 0;
    let hi = window.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (window[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const median = () => (k % 2 === 1 ? window[k >> 1] : (window[k / 2 - 1] + window[k / 2]) / 2);
  const out = [median()];
  for (let i = k; i < nums.length; i++) {
    window.splice(position(nums[i - k]), 1);
    window.splice(position(nums[i]), 0, nums[i]);
    out.push(median());
  }
  return out;
}
