/** Ratings and score-submission schemas, generic and per rubric. */
import { describe, expect, it } from 'vitest';
import { getRubric } from './rubrics/index.ts';
import { ratingSchema, ratingsSchemaFor, scoreSubmissionSchema, scoreSubmissionSchemaFor } from './submission.ts';

const coding = getRubric('coding-mock')!;
const complete = Object.fromEntries(coding.criteria.map((c) => [c.id, 3]));

describe('ratingSchema', () => {
  it.each<[unknown, boolean]>([
    [1, true],
    [4, true],
    [0, false],
    [5, false],
    [2.5, false],
    ['3', false]
  ])('%s → valid: %s', (input, valid) => {
    expect(ratingSchema.safeParse(input).success).toBe(valid);
  });
});

describe('scoreSubmissionSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['ratings and notes', { ratings: { a: 3 }, notes: { a: 'Missed the empty array.' } }, true],
    ['ratings without notes (notes default to none)', { ratings: { a: 3 } }, true],
    ['a rating out of range', { ratings: { a: 7 } }, false],
    ['a note that is too long', { ratings: { a: 3 }, notes: { a: 'x'.repeat(4001) } }, false],
    ['no ratings', { notes: {} }, false]
  ])('%s → valid: %s', (_name, input, valid) => {
    expect(scoreSubmissionSchema.safeParse(input).success).toBe(valid);
  });

  it('fills in empty notes', () => {
    expect(scoreSubmissionSchema.parse({ ratings: { a: 3 } })).toEqual({ ratings: { a: 3 }, notes: {} });
  });
});

describe('ratingsSchemaFor / scoreSubmissionSchemaFor', () => {
  const { correctness: _dropped, ...missingOne } = complete;

  it.each<[string, unknown, boolean]>([
    ['every criterion rated', complete, true],
    ['a criterion missing', missingOne, false],
    ['an unknown criterion', { ...complete, charm: 4 }, false],
    ['a rating out of range', { ...complete, correctness: 0 }, false]
  ])('ratings with %s → valid: %s', (_name, input, valid) => {
    expect(ratingsSchemaFor(coding).safeParse(input).success).toBe(valid);
  });

  it('names the missing criterion in the error path, for field errors', () => {
    const result = ratingsSchemaFor(coding).safeParse(missingOne);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(['correctness']);
  });

  it.each<[string, unknown, boolean]>([
    ['complete ratings and a note', { ratings: complete, notes: { correctness: 'Off by one.' } }, true],
    ['complete ratings, no notes', { ratings: complete }, true],
    ['a note on an unknown criterion', { ratings: complete, notes: { charm: 'Lovely.' } }, false],
    ['incomplete ratings', { ratings: missingOne }, false]
  ])('a submission with %s → valid: %s', (_name, input, valid) => {
    expect(scoreSubmissionSchemaFor(coding).safeParse(input).success).toBe(valid);
  });
});
