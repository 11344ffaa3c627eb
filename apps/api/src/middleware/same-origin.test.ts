import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, Services } from '../env.ts';
import type { ApiError } from '../errors.ts';
import { sameOrigin } from './same-origin.ts';

function appBehind(trustProxy: boolean) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('services', { trustProxy } as Services);
    await next();
  });
  app.use('*', sameOrigin());
  app.all('/thing', (c) => c.text('ok'));
  app.onError((error, c) => c.text((error as ApiError).code, (error as ApiError).status));
  return app;
}

describe('sameOrigin', () => {
  it.each<{ method: string; headers: Record<string, string>; status: number; why: string }>([
    { method: 'GET', headers: { origin: 'https://evil.example' }, status: 200, why: 'reads are not state-changing' },
    { method: 'POST', headers: {}, status: 200, why: 'no Origin: not a browser form post' },
    { method: 'POST', headers: { origin: 'http://app.test' }, status: 200, why: 'our own origin' },
    { method: 'POST', headers: { origin: 'https://evil.example' }, status: 403, why: 'another origin' },
    {
      method: 'DELETE',
      headers: { origin: 'http://app.test:8080' },
      status: 403,
      why: 'another port is another origin'
    },
    { method: 'PUT', headers: { origin: 'null' }, status: 403, why: 'an opaque origin' },
    { method: 'PATCH', headers: { 'sec-fetch-site': 'cross-site' }, status: 403, why: 'the browser says cross-site' },
    { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' }, status: 200, why: 'the browser says same-origin' },
    {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
      status: 403,
      why: 'X-Forwarded-Host from an untrusted caller is ignored'
    }
  ])('$method with $headers → $status ($why)', async ({ method, headers, status }) => {
    const res = await appBehind(false).request('http://app.test/thing', { method, headers });
    expect(res.status).toBe(status);
    if (status === 403) expect(await res.text()).toBe('CROSS_ORIGIN_REQUEST');
  });

  it('behind a trusted proxy, compares the Origin with the host the proxy was asked for', async () => {
    const app = appBehind(true);
    const headers = { origin: 'https://mockloop.example', 'x-forwarded-host': 'mockloop.example' };
    expect((await app.request('http://127.0.0.1:3000/thing', { method: 'POST', headers })).status).toBe(200);
    const other = { origin: 'https://evil.example', 'x-forwarded-host': 'mockloop.example' };
    expect((await app.request('http://127.0.0.1:3000/thing', { method: 'POST', headers: other })).status).toBe(403);
  });
});
