function reverseString(s: string[]): void {
  s = [...s].reverse();
}
