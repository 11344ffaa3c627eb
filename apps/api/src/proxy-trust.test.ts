import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, Services } from './env.ts';
import { clientAddress, isHttps, publicOrigin, requestHost } from './proxy-trust.ts';

async function seen(trustProxy: boolean, headers: Record<string, string>) {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    c.set('services', { trustProxy } as Services);
    return c.json({ address: clientAddress(c), host: requestHost(c), https: isHttps(c), origin: publicOrigin(c) });
  });
  return (await app.request('http://app.test/', { headers })).json();
}

const forwarded = {
  'x-forwarded-for': '203.0.113.9, 198.51.100.7',
  'x-forwarded-host': 'mockloop.example',
  'x-forwarded-proto': 'https'
};

describe('proxy trust', () => {
  it('ignores every X-Forwarded-* header when no proxy is trusted', async () => {
    expect(await seen(false, forwarded)).toEqual({
      address: 'unknown',
      host: 'app.test',
      https: false,
      origin: 'http://app.test'
    });
  });

  it('behind a trusted proxy, believes what the proxy appended (the last address), its host and scheme', async () => {
    expect(await seen(true, forwarded)).toEqual({
      address: '198.51.100.7',
      host: 'mockloop.example',
      https: true,
      origin: 'https://mockloop.example'
    });
  });
});
