/** One way to show a score everywhere: a whole number out of 100 ("72/100"), averages included. */
export function formatScore(score: number): string {
  return `${Math.round(score)}/100`;
}

/** A score with its hire signal ("72/100 · Hire"), or a dash where there is no score. */
export function formatScoreWithSignal(score: number | null, hireSignal: string | null): string {
  if (score === null) return '—';
  return hireSignal ? `${formatScore(score)} · ${hireSignal}` : formatScore(score);
}
