/**
 * Exporting the board as SVG on the result page: no Content-Security-Policy violation (Excalidraw subsets its font
 * with WebAssembly and `new Function`, which the page's policy refuses on the main thread), and the font is not
 * embedded whole: only the glyphs the board uses.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signUpThroughApi } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
let sessionId: string;
const violations: string[] = [];

/** A text element as Excalidraw stores one (Excalifont), typed on the board. */
const label = {
  id: 'label-1',
  type: 'text',
  x: 100,
  y: 100,
  width: 160,
  height: 25,
  angle: 0,
  strokeColor: '#1e1e1e',
  backgroundColor: 'transparent',
  fillStyle: 'solid',
  strokeWidth: 2,
  strokeStyle: 'solid',
  roughness: 1,
  opacity: 100,
  groupIds: [],
  frameId: null,
  roundness: null,
  seed: 1,
  version: 2,
  versionNonce: 1,
  isDeleted: false,
  boundElements: null,
  updated: 1,
  link: null,
  locked: false,
  text: 'Load balancer',
  fontSize: 20,
  fontFamily: 5,
  textAlign: 'left',
  verticalAlign: 'top',
  containerId: null,
  originalText: 'Load balancer',
  autoResize: true,
  lineHeight: 1.25
};

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`
      )
    );
  });
  await page.goto(server.url);
  await signUpThroughApi(page, server.url, { email: 'svg@export.example', password: 'svg-password-1', name: 'Svg' });
  const created = await page.request.post(`${server.url}/api/sessions`, { data: { questionId: designFixture.id } });
  sessionId = (await created.json()).session.id;
  const saved = await page.request.patch(`${server.url}/api/sessions/${sessionId}/work`, {
    data: { revision: 0, scene: { elements: [label] } }
  });
  expect(saved.status()).toBe(200);
  await page.request.post(`${server.url}/api/sessions/${sessionId}/submit`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('exports the board as SVG with its text, no policy violation, and only the glyphs it uses', async () => {
  await page.goto(`${server.url}/sessions/${sessionId}/result`);
  await page.locator('.excalidraw canvas').first().waitFor();
  // Only what the export causes: zod's one-time probe for eval (caught by zod, reported by the browser) may have
  // fired as an earlier page loaded.
  violations.length = 0;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click()
  ]);
  const svg = await readFile((await download.path())!, 'utf8');
  expect(svg).toContain('Load balancer');
  // Give a late violation (a worker failing, say) the time to be reported.
  await page.waitForTimeout(1000);
  // The embedded fonts: Excalifont's faces together are about 65 KB of WOFF2; its 13 glyphs are a few KB.
  const embedded = [...svg.matchAll(/url\(data:font\/[^;]+;base64,([^)]+)\)/g)].map((m) => m[1]!.length * 0.75);
  console.log(`svg export: ${svg.length} bytes, fonts embedded ${embedded.map((b) => Math.round(b)).join(', ')} bytes`);
  console.log(`violations: ${JSON.stringify(violations)}`);
  expect(violations).toEqual([]);
  expect(embedded.reduce((a, b) => a + b, 0)).toBeLessThan(12_000);
});
