import { describe, expect, it } from 'vitest';
import { calibrationStatement, predictionStatement, predictionSummary, predictionTotals } from './calibration-trend.ts';

describe('predictionTotals: one comparison per peer, predicted minus given in levels', () => {
  it.each([
    { predicted: 'Hire', actual: ['Hire'], totals: { compared: 1, matched: 1, gapSum: 0 } },
    { predicted: 'No Hire', actual: ['Hire'], totals: { compared: 1, matched: 0, gapSum: -1 } },
    { predicted: 'Strong No Hire', actual: ['Hire', 'Strong Hire'], totals: { compared: 2, matched: 0, gapSum: -5 } },
    { predicted: 'Strong Hire', actual: ['No Hire', 'Strong Hire'], totals: { compared: 2, matched: 1, gapSum: 2 } }
  ] as const)('$predicted against $actual', ({ predicted, actual, totals }) => {
    expect(predictionTotals({ predicted, actual: [...actual] })).toEqual(totals);
  });
});

describe('the sentences', () => {
  it.each([
    { gap: -1, compared: 3, said: 'You expect a lower hire signal than your peers give you, by about one level.' },
    { gap: 0.5, compared: 2, said: 'You expect a higher hire signal than your peers give you, by about half a level.' },
    // One comparison is not a pattern; a small gap is not worth saying.
    { gap: -2, compared: 1, said: null },
    { gap: 0.25, compared: 9, said: null }
  ])('prediction gap $gap over $compared', ({ gap, compared, said }) => {
    expect(predictionStatement(gap, compared)).toBe(said);
  });

  it('self minus peer: "you under-rate your system design by about one level"', () => {
    expect(calibrationStatement('system design', -1.1, 3)).toBe(
      'You under-rate your system design by about one level.'
    );
  });
});

describe('predictionSummary', () => {
  it('rounds the mean gap and says it where it holds', () => {
    const points = [
      { sessionId: 'a', at: '2026-01-01', predicted: 'No Hire' as const, actual: ['Hire' as const] },
      { sessionId: 'b', at: '2026-01-02', predicted: 'Hire' as const, actual: ['Strong Hire' as const] },
      { sessionId: 'c', at: '2026-01-03', predicted: 'Hire' as const, actual: ['Hire' as const] }
    ];
    const totals = points.map(predictionTotals).reduce((a, b) => ({
      compared: a.compared + b.compared,
      matched: a.matched + b.matched,
      gapSum: a.gapSum + b.gapSum
    }));
    expect(predictionSummary(points, totals)).toEqual({
      points,
      compared: 3,
      matched: 1,
      meanGap: -0.67,
      statement: 'You expect a lower hire signal than your peers give you, by about half a level.'
    });
  });

  it('is empty before any comparison', () => {
    expect(predictionSummary([], { compared: 0, matched: 0, gapSum: 0 })).toEqual({
      points: [],
      compared: 0,
      matched: 0,
      meanGap: null,
      statement: null
    });
  });
});
