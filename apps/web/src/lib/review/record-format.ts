/** How the interviewer's record shows its numbers. */

/** A mean rating to one decimal ("4.5"), or a dash when there is none. */
export function ratingMean(mean: number | null): string {
  return mean === null ? '—' : mean.toFixed(1);
}

/** Mine − others, said in words a person can act on (a dash while there is nothing to compare). */
export function deltaLine(delta: number | null): string {
  if (delta === null) return '—';
  if (Math.abs(delta) < 0.25) return `${signed(delta)} · in line with others`;
  return delta > 0 ? `${signed(delta)} · more generous` : `${signed(delta)} · stricter`;
}

const signed = (value: number) => (value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2));
