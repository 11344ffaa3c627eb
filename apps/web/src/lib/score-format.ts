/** One way to show a score everywhere: a whole number out of 100 ("72/100"), averages included. */
export function formatScore(score: number): string {
  return `${Math.round(score)}/100`;
}
