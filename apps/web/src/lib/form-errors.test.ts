import { describe, expect, it } from 'vitest';
import { formErrors } from './form-errors.ts';

const labels = { name: 'Name', email: 'E-mail', password: 'Password' };

describe('formErrors', () => {
  it('says what is wrong with one field in words, not wire names', () => {
    const error = {
      code: 'VALIDATION_FAILED',
      message: 'Some body fields are invalid: password.',
      fields: { password: 'Use at least 8 characters' }
    };
    expect(formErrors(error, labels)).toEqual({
      message: 'Password: use at least 8 characters.',
      fields: { password: 'Use at least 8 characters' }
    });
  });

  it('keeps a rule’s own sentence (a weak-password hint) whole', () => {
    const error = {
      code: 'VALIDATION_FAILED',
      message: 'Some body fields are invalid: password.',
      fields: { password: 'This is a very common password. Add another word or two.' }
    };
    expect(formErrors(error, labels).message).toBe(
      'Password: this is a very common password. Add another word or two.'
    );
  });

  it('names every failing field when there are several', () => {
    const error = {
      code: 'VALIDATION_FAILED',
      message: 'Some body fields are invalid: email, password.',
      fields: { email: 'Enter a valid e-mail address', password: 'Use at least 8 characters' }
    };
    expect(formErrors(error, labels).message).toBe('Check e-mail and password.');
  });

  it.each([
    ['another code', { code: 'INVALID_CREDENTIALS', message: 'Wrong e-mail or password.', fields: {} }],
    [
      'a field the form does not have',
      {
        code: 'VALIDATION_FAILED',
        message: 'Some body fields are invalid: (body).',
        fields: { '(body)': 'Expected object' }
      }
    ]
  ])('keeps the server’s message for %s', (_name, error) => {
    expect(formErrors(error, labels).message).toBe(error.message);
  });
});
