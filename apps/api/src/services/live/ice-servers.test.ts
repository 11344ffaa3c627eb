import { describe, expect, it } from 'vitest';
import { iceServersFrom } from './ice-servers.ts';

describe('iceServersFrom', () => {
  it('is empty when unset or blank: browsers on one machine connect directly', () => {
    expect(iceServersFrom(undefined)).toEqual([]);
    expect(iceServersFrom('  ')).toEqual([]);
  });

  it('reads STUN and TURN servers', () => {
    const value = '[{"urls":"stun:stun.example.org"},{"urls":["turn:t.example.org"],"username":"u","credential":"c"}]';
    expect(iceServersFrom(value)).toEqual([
      { urls: 'stun:stun.example.org' },
      { urls: ['turn:t.example.org'], username: 'u', credential: 'c' }
    ]);
  });

  it.each(['not json', '{"urls":"stun:x"}', '[{"url":"stun:x"}]'])('refuses %s loudly', (value) => {
    expect(() => iceServersFrom(value)).toThrow(/MOCKLOOP_ICE_SERVERS/);
  });
});
