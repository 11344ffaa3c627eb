function maxArea(height: number[]): number {
  let left = 0;
  let right = height.length - 1;
  let best = 0;
  while (left < right) {
    best = Math.max(best, Math.min(height[left], height[right]) * (right - left));
    // The shorter line cannot do better with any closer partner: drop it.
    if (height[left] < height[right]) left++;
    else right--;
  }
  return best;
}
