function findKthLargest(nums: number[], k: number): number {
  // A min-heap of the k largest values seen so far: its top is the answer.
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= heap[i]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l] < heap[m]) m = l;
      if (r < heap.length && heap[r] < heap[m]) m = r;
      if (m === i) return;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  };
  for (const x of nums) {
    if (heap.length < k) {
      heap.push(x);
      up(heap.length - 1);
    } else if (x > heap[0]) {
      heap[0] = x;
      down(0);
    }
  }
  return heap[0];
}
