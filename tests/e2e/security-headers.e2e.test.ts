/** Security headers on pages and API responses, and a page that still works under its Content-Security-Policy. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer({ web: true });
});
afterAll(() => server?.close());

it.each(['/', '/signin', '/api/health', '/api/no-such-route'])(
  '%s sends nosniff, a referrer policy and refuses framing',
  async (path) => {
    const res = await fetch(server.url + path);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  }
);

it('pages get a CSP that allows only our origin, with hashes for SvelteKit’s inline script', async () => {
  const csp = (await fetch(`${server.url}/signin`)).headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  expect(csp).not.toMatch(/ 'unsafe-eval'|https?:/);
});

it('the sign-in page renders and runs under that policy with no CSP violation', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.url}/signin`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(violations).toEqual([]);
  } finally {
    await browser.close();
  }
});
