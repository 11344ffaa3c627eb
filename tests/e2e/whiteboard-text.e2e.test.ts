/**
 * Text typed on the whiteboard the moment it opens renders whole, then and after a reload, even when the fonts
 * arrive late; and every font comes from our own origin (no CSP error, no request elsewhere).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signUpThroughApi } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { canvas, typeLabel } from '../support/whiteboard.ts';

const LABEL = 'API gateway (p99 50 ms)';
/**
 * The board page's fonts are held back until the first key of the label goes in, or for FONT_HOLD_MS, whichever
 * comes first. A board that opened for input before its text font arrived therefore always gets the label typed
 * with no font at all (it would be clipped), however fast or slow the machine; the board as built waits for the
 * font (up to 4 s, longer than the hold), so the fonts are in by the time the first key can go in.
 */
const FONT_HOLD_MS = 1500;
let releaseFonts: () => void = () => {};
const firstKey = new Promise<void>((resolve) => (releaseFonts = resolve));
let fontsServed = 0;
/** Only the board's page is held: the sign-up page before it gets its fonts at once. */
let holdFonts = false;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route('**/*.woff2', async (route) => {
    const held = holdFonts;
    if (held) await Promise.race([firstKey, new Promise((resolve) => setTimeout(resolve, FONT_HOLD_MS))]);
    await route.continue();
    if (held) fontsServed += 1;
  });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('request', (r) => !r.url().startsWith(server.url) && foreignRequests.push(r.url()));
  await page.goto(server.url);
  const res = await signUpThroughApi(page, server.url, {
    email: 'label@e2e.example',
    password: 'label-password-1',
    name: 'Label'
  });
  expect(res.status()).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type TextElement = { type: string; text: string; width: number; fontSize: number };

/** The width the label needs in Excalifont, measured in the page once the font is there. */
const neededWidth = (text: string, fontSize: number) =>
  page.evaluate(
    async ([t, size]) => {
      await document.fonts.load(`${size}px Excalifont`, t as string);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${size}px Excalifont`;
      return ctx.measureText(t as string).width;
    },
    [text, fontSize] as const
  );

it('a label typed the moment the board opens, with its fonts late, is saved whole, and still whole after a reload', async () => {
  const { session } = await (
    await page.request.post(`${server.url}/api/sessions`, { data: { questionId: designFixture.id } })
  ).json();
  holdFonts = true;
  await page.goto(`${server.url}/sessions/${session.id}`, { waitUntil: 'domcontentloaded' });
  // As early as a person could: the moment the board can be clicked.
  await canvas(page).waitFor({ timeout: 30_000 });
  let fontsServedAtFirstKey = -1;
  await typeLabel(page, LABEL, 300, 200, () => {
    fontsServedAtFirstKey = fontsServed;
    releaseFonts();
  });
  // The board did not take input before its text font had arrived.
  expect(fontsServedAtFirstKey).toBeGreaterThan(0);

  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
  const saved = async () =>
    (
      (await (await page.request.get(`${server.url}/api/sessions/${session.id}`)).json()).session.work.scene
        .elements as TextElement[]
    ).find((e) => e.type === 'text')!;
  const label = await saved();
  expect(label.text).toBe(LABEL);
  expect(label.width).toBeGreaterThanOrEqual((await neededWidth(LABEL, label.fontSize)) - 1);

  await page.reload();
  await canvas(page).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  // Whatever the reloaded board did with it (it saves again if it re-measures), the label still fits every character.
  const after = await saved();
  expect(after.text).toBe(LABEL);
  expect(after.width).toBeGreaterThanOrEqual((await neededWidth(LABEL, after.fontSize)) - 1);
  await page.screenshot({ path: 'test-results/whiteboard-label.png' });
});

it('loads every font from our own origin: no CSP error and no request to another host', () => {
  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
});
