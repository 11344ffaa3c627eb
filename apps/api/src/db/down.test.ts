import { MongoNetworkTimeoutError, MongoServerError, MongoTopologyClosedError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { isDatabaseDown } from './down.ts';

describe('isDatabaseDown', () => {
  it('knows a database that stopped answering, by the driver’s classes and through a wrapper', () => {
    // A timed-out socket was named MongoNetworkTimeoutError, which the former name match missed (a 500).
    expect(isDatabaseDown(new MongoNetworkTimeoutError('connection timed out'))).toBe(true);
    expect(isDatabaseDown(new MongoTopologyClosedError())).toBe(true);
    expect(isDatabaseDown(new Error('save failed', { cause: new MongoNetworkTimeoutError('reset') }))).toBe(true);
  });

  it('leaves every other error a bug to report', () => {
    expect(isDatabaseDown(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 }))).toBe(false);
    expect(isDatabaseDown(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseDown('a string')).toBe(false);
  });
});

it('counts a write to a socket the killed server closed (EPIPE from Node, not the driver) as down', () => {
  const epipe = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });
  expect(isDatabaseDown(epipe)).toBe(true);
  expect(isDatabaseDown(Object.assign(new Error('duplicate key'), { code: 11000 }))).toBe(false);
});
