function productExceptSelf(nums: number[]): number[] {
  const total = nums.reduce((a, b) => a * b, 1);
  return nums.map((x) => (x === 0 ? 0 : total / x));
}
