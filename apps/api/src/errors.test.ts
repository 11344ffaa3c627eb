import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, validationError } from './errors.ts';

describe('fieldErrors', () => {
  const schema = z.object({
    email: z.string().email('bad e-mail'),
    ratings: z.object({ scope: z.number().min(1, 'at least 1') }),
    tags: z.array(z.string()).max(1, 'one tag at most')
  });

  it('names every failing field by its dotted path, first message only', () => {
    const result = schema.safeParse({ email: 'x', ratings: { scope: 0 }, tags: ['a', 'b'] });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      email: 'bad e-mail',
      'ratings.scope': 'at least 1',
      tags: 'one tag at most'
    });
  });

  it('names a wrong root type "(body)"', () => {
    const result = schema.safeParse([]);
    expect(Object.keys(fieldErrors(result.error!))).toEqual(['(body)']);
  });

  it('builds a 400 VALIDATION_FAILED whose message lists the fields', () => {
    const error = validationError(schema.safeParse({}).error!, 'body');
    expect(error.status).toBe(400);
    expect(error.toBody().error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('email, ratings, tags');
  });
});
