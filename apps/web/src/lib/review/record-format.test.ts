import { describe, expect, it } from 'vitest';
import { deltaLine, ratingMean } from './record-format.ts';

describe('record format', () => {
  it.each([
    [null, '—'],
    [0, '0.00 · in line with others'],
    [0.2, '+0.20 · in line with others'],
    [0.5, '+0.50 · more generous'],
    [-1.17, '-1.17 · stricter']
  ])('delta %s reads "%s"', (delta, line) => {
    expect(deltaLine(delta)).toBe(line);
  });
  it.each([
    [null, '—'],
    [4.5, '4.5'],
    [3, '3.0']
  ])('mean %s reads "%s"', (mean, text) => {
    expect(ratingMean(mean)).toBe(text);
  });
});
