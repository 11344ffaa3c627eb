function permute(nums: number[]): number[][] {
  const result: number[][] = [];
  const used = new Array<boolean>(nums.length).fill(false);
  const path: number[] = [];
  const backtrack = (): void => {
    if (path.length === nums.length) {
      result.push([...path]);
      return;
    }
    nums.forEach((x, i) => {
      if (used[i]) return;
      used[i] = true;
      path.push(x);
      backtrack();
      path.pop();
      used[i] = false;
    });
  };
  backtrack();
  return result;
}
