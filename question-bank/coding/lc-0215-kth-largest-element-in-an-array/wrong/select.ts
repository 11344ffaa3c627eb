function findKthLargest(nums: number[], k: number): number {
  const rest = [...nums];
  let value = 0;
  for (let round = 0; round < k; round++) {
    let best = 0;
    for (let i = 1; i < rest.length; i++) if (rest[i] > rest[best]) best = i;
    value = rest[best];
    rest[best] = rest[rest.length - 1];
    rest.pop();
  }
  return value;
}
