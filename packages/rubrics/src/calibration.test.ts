/** calibration: self − peer per criterion rated by both, and the mean gaps over those criteria. */
import { describe, expect, it } from 'vitest';
import type { Calibration } from './calibration.ts';
import { calibration } from './calibration.ts';
import type { Ratings } from './submission.ts';

describe('calibration', () => {
  it.each<[string, Ratings, Ratings, Calibration]>([
    [
      'identical ratings',
      { a: 3, b: 2 },
      { a: 3, b: 2 },
      {
        gaps: [
          { criterionId: 'a', self: 3, peer: 3, gap: 0 },
          { criterionId: 'b', self: 2, peer: 2, gap: 0 }
        ],
        meanGap: 0,
        meanAbsoluteGap: 0
      }
    ],
    [
      'self rates higher everywhere',
      { a: 4, b: 3 },
      { a: 2, b: 2 },
      {
        gaps: [
          { criterionId: 'a', self: 4, peer: 2, gap: 2 },
          { criterionId: 'b', self: 3, peer: 2, gap: 1 }
        ],
        meanGap: 1.5,
        meanAbsoluteGap: 1.5
      }
    ],
    [
      'opposite gaps cancel in the mean but not in the absolute mean',
      { a: 4, b: 1 },
      { a: 1, b: 4 },
      {
        gaps: [
          { criterionId: 'a', self: 4, peer: 1, gap: 3 },
          { criterionId: 'b', self: 1, peer: 4, gap: -3 }
        ],
        meanGap: 0,
        meanAbsoluteGap: 3
      }
    ],
    [
      'partial overlap: only criteria rated by both count',
      { a: 4, b: 3, c: 2 },
      { b: 2, c: 3, d: 4 },
      {
        gaps: [
          { criterionId: 'b', self: 3, peer: 2, gap: 1 },
          { criterionId: 'c', self: 2, peer: 3, gap: -1 }
        ],
        meanGap: 0,
        meanAbsoluteGap: 1
      }
    ],
    [
      'a mean that needs rounding (1/3)',
      { a: 2, b: 2, c: 3 },
      { a: 2, b: 2, c: 2 },
      {
        gaps: [
          { criterionId: 'a', self: 2, peer: 2, gap: 0 },
          { criterionId: 'b', self: 2, peer: 2, gap: 0 },
          { criterionId: 'c', self: 3, peer: 2, gap: 1 }
        ],
        meanGap: 0.33,
        meanAbsoluteGap: 0.33
      }
    ],
    ['no overlap', { a: 4 }, { b: 1 }, { gaps: [], meanGap: null, meanAbsoluteGap: null }],
    ['no peer ratings yet', { a: 4, b: 2 }, {}, { gaps: [], meanGap: null, meanAbsoluteGap: null }],
    ['nothing rated', {}, {}, { gaps: [], meanGap: null, meanAbsoluteGap: null }]
  ])('%s', (_name, self, peer, expected) => {
    expect(calibration(self, peer)).toEqual(expected);
  });
});
