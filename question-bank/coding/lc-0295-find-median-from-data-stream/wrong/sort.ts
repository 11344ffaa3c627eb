class MedianFinder {
  private values: number[] = [];
  addNum(num: number): void {
    this.values.push(num);
  }
  findMedian(): number {
    const sorted = [...this.values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
