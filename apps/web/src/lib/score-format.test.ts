import { expect, it } from 'vitest';
import { formatScore, formatScoreWithSignal } from './score-format.ts';

it.each([
  [50, '50/100'],
  [21.7, '22/100'],
  [0, '0/100'],
  [99.5, '100/100']
])('%d shows as %s', (score, shown) => {
  expect(formatScore(score)).toBe(shown);
});

it.each([
  [72.4, 'Hire', '72/100 · Hire'],
  [40, null, '40/100'],
  [null, 'Hire', '—']
])('%s with the signal %s shows as %s', (score, signal, shown) => {
  expect(formatScoreWithSignal(score, signal)).toBe(shown);
});
