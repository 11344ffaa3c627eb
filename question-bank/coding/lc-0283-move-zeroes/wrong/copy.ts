function moveZeroes(nums: number[]): void {
  nums = [...nums.filter((x) => x !== 0), ...nums.filter((x) => x === 0)];
}
