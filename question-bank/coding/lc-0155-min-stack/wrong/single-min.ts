class MinStack {
  private values: number[] = [];
  private min = Infinity;
  push(val: number): void {
    this.values.push(val);
    this.min = Math.min(this.min, val);
  }
  pop(): void {
    this.values.pop();
  }
  top(): number {
    return this.values[this.values.length - 1];
  }
  getMin(): number {
    return this.min;
  }
}
