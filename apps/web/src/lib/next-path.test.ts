import { describe, expect, it } from 'vitest';
import { safeNext, withNext } from './next-path.ts';

const at = (search: string) => new URL(`http://localhost/signin${search}`);

describe('safeNext', () => {
  it.each([
    ['?next=%2Finvite%2Fabc', '/invite/abc'],
    ['?next=%2Fsessions%2F1%3Fx%3D1', '/sessions/1?x=1'],
    ['', '/dashboard'],
    ['?next=https%3A%2F%2Fevil.example', '/dashboard'],
    ['?next=%2F%2Fevil.example', '/dashboard'],
    ['?next=%2F%5Cevil.example', '/dashboard']
  ])('%s → %s', (search, expected) => {
    expect(safeNext(at(search))).toBe(expected);
  });
});

describe('withNext', () => {
  it('carries a safe next to the other form, and drops an unsafe one', () => {
    expect(withNext('/signup', at('?next=%2Finvite%2Fabc'))).toBe('/signup?next=%2Finvite%2Fabc');
    expect(withNext('/signup', at('?next=%2F%2Fevil.example'))).toBe('/signup');
    expect(withNext('/signin', at(''))).toBe('/signin');
  });
});
