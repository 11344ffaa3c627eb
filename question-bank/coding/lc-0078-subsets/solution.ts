function subsets(nums: number[]): number[][] {
  const result: number[][] = [[]];
  for (const x of nums) {
    const count = result.length;
    for (let i = 0; i < count; i++) result.push([...result[i], x]);
  }
  return result;
}
