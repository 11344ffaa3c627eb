import { expect, it } from 'vitest';
import { formatScore } from './score-format.ts';

it.each([
  [50, '50/100'],
  [21.7, '22/100'],
  [0, '0/100'],
  [99.5, '100/100']
])('%d shows as %s', (score, shown) => {
  expect(formatScore(score)).toBe(shown);
});
