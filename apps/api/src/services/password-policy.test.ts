import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-policy.ts';

describe('passwordWeakness', () => {
  it.each([
    { password: '12345678', why: /heavily used password/ },
    { password: 'password', why: /heavily used password/ },
    { password: '        ', why: /Repeated characters/ },
    { password: 'Password1', why: /commonly used password/ },
    { password: 'qwertyuiop', why: /too easy to guess/ },
    { password: 'abcdefgh1', why: /sequences like "abc"/ }
  ])('refuses $password, saying why', async ({ password, why }) => {
    const weakness = await passwordWeakness(password);
    expect(weakness).toMatch(/^This password is too easy to guess\./);
    expect(weakness).toMatch(why);
  });

  it.each(['correct horse battery', 'coder-password-1', 'Tr0ub4dour&3 lamp'])('accepts %s', async (password) => {
    expect(await passwordWeakness(password)).toBeNull();
  });

  it('refuses a password made of the person’s own e-mail and name', async () => {
    const password = 'zelindaquor1';
    expect(await passwordWeakness(password)).toBeNull();
    expect(await passwordWeakness(password, ['zelinda.quor@example.com', 'Zelinda Quor'])).toMatch(/personal/);
  });
});
