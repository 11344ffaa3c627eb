/**
 * The live design room's layout, measured in Chromium: at 1440×900 the candidate sees at least five chat messages
 * and the whole notes box, and the mock bar stays one row while recording and offline; on a phone (390×844) the
 * clock and the phase stay in view as the page scrolls, for the candidate and the interviewer; a revealed
 * follow-up is scrolled into view and announced to screen readers.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results/live-layout');
mkdirSync(shots, { recursive: true });
const followUps = designFixture.kind === 'design' ? designFixture.followUps : [];

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let candidate: { context: BrowserContext; page: Page };
let interviewer: { context: BrowserContext; page: Page };
let sessionId: string;

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator} has no box`);
  return found;
};
/** Whether `inner` lies wholly inside `outer` (1 px of rounding allowed). */
const inside = (
  inner: { x: number; y: number; width: number; height: number },
  outer: { x: number; y: number; width: number; height: number }
) =>
  inner.y >= outer.y - 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1 &&
  inner.x >= outer.x - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1;

/**
 * Scrolls the page so that the first `target` is at its top, as an anchor or `scrollIntoView` does, and says whether
 * it landed below the sticky `bar` (not hidden beneath it) and was actually moved to the top.
 */
const landsUnderTheBar = (page: Page, bar: string, target: string) =>
  page.evaluate(
    ([barSelector, targetSelector]) => {
      const element = document.querySelector(targetSelector!)!;
      window.scrollTo(0, 0);
      element.scrollIntoView({ block: 'start' });
      const barBottom = document.querySelector(barSelector!)!.getBoundingClientRect().bottom;
      const top = element.getBoundingClientRect().top;
      return window.scrollY > 0 && top >= barBottom - 1 && top <= barBottom + 40;
    },
    [bar, target]
  );

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium({ fakeMedia: true });
  candidate = await signedInPerson(browser, server.url, 'Cleo', { domain: 'layout.example' });
  interviewer = await signedInPerson(browser, server.url, 'Iris', { domain: 'layout.example' });
  const started = await candidate.page.request.post(`${server.url}/api/sessions`, {
    data: { questionId: designFixture.id }
  });
  sessionId = (await started.json()).session.id;
  const invite = await (await candidate.page.request.post(`${server.url}/api/sessions/${sessionId}/invites`)).json();
  const token = String(invite.url).split('/').pop();
  const accepted = await interviewer.page.request.post(`${server.url}/api/invites/accept`, { data: { token } });
  expect(accepted.ok(), await accepted.text()).toBe(true);
  await interviewer.page.goto(`${server.url}/review/${sessionId}`);
  // beforeAll cannot poll with expect: the locator waits for the text instead.
  await interviewer.page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 15_000 });
  // Eight messages, four each, as a conversation in the first minutes would have.
  for (let i = 0; i < 8; i++) {
    const who = i % 2 === 0 ? candidate : interviewer;
    const res = await who.page.request.post(`${server.url}/api/sessions/${sessionId}/chat`, {
      data: { text: `Message ${i + 1}: ${i % 2 === 0 ? 'a question about the scale' : 'an answer with numbers'}` }
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
  await candidate.page.goto(`${server.url}/sessions/${sessionId}`);
  await candidate.page.locator('.excalidraw canvas.interactive').first().waitFor({ timeout: 30_000 });
  await candidate.page.getByTestId('presence').filter({ hasText: 'Iris' }).waitFor({ timeout: 15_000 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('at 1440×900, the candidate’s live design page', () => {
  it('shows at least five chat messages and the whole notes box', async () => {
    const { page } = candidate;
    const list = page.getByTestId('room-chat').locator('ol.messages');
    await expect.poll(() => list.locator('li').count(), { timeout: 10_000 }).toBe(8);
    const listBox = await box(list);
    const viewport = page.viewportSize()!;
    const whole = { x: 0, y: 0, width: viewport.width, height: viewport.height };
    let shown = 0;
    for (const item of await list.locator('li').all()) {
      const itemBox = await item.boundingBox();
      if (itemBox && inside(itemBox, listBox) && inside(itemBox, whole)) shown += 1;
    }
    expect(shown).toBeGreaterThanOrEqual(5);

    const notes = page.getByTestId('note-functional');
    const notesBox = await box(notes);
    const card = await box(page.locator('section.notes'));
    expect(inside(notesBox, card)).toBe(true);
    expect(inside(card, whole)).toBe(true);
    expect(notesBox.height).toBeGreaterThanOrEqual(120);
    // The board keeps a usable size beside them.
    expect((await box(page.getByTestId('whiteboard'))).width).toBeGreaterThanOrEqual(560);
    await page.screenshot({ path: path.join(shots, 'candidate-live-1440.png') });
  });

  it('keeps the mock bar on one row while recording and while offline', async () => {
    const { page, context } = candidate;
    const oneRow = async () => {
      const finish = await box(page.getByRole('button', { name: 'Finish', exact: true }));
      const clock = await box(page.getByTestId('remaining'));
      const title = await box(page.locator('.mock-bar .title'));
      return {
        // On the same row as the clock, and on the screen (a bar too full would push it off to the right).
        sameRow:
          Math.abs(finish.y + finish.height / 2 - (clock.y + clock.height / 2)) < 8 &&
          finish.x + finish.width <= page.viewportSize()!.width,
        titleRow: Math.abs(title.y + title.height / 2 - (clock.y + clock.height / 2)) < 16,
        barHeight: (await box(page.locator('.mock-bar'))).height
      };
    };
    await page.getByRole('button', { name: 'Record yourself' }).click();
    await expect
      .poll(() => page.getByTestId('recorder').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('recording');
    expect(await oneRow()).toEqual({ sameRow: true, titleRow: true, barHeight: expect.any(Number) });
    expect((await oneRow()).barHeight).toBeLessThan(100);
    // The recorder in the bar leaves the notes box whole too.
    expect(inside(await box(page.getByTestId('note-functional')), await box(page.locator('section.notes')))).toBe(true);
    await page.screenshot({ path: path.join(shots, 'candidate-recording-1440.png') });

    await context.setOffline(true);
    await page.getByTestId('note-functional').fill('Shorten links; redirect; count clicks');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toMatch(/Offline/);
    const offline = await oneRow();
    expect(offline.sameRow && offline.titleRow).toBe(true);
    expect(offline.barHeight).toBeLessThan(100);
    await page.screenshot({ path: path.join(shots, 'candidate-offline-1440.png') });
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('Saved');
    await page.getByRole('button', { name: 'Stop recording' }).click();
  });

  it('scrolls a revealed follow-up into view and announces it', async () => {
    const { page } = candidate;
    const res = await interviewer.page.request.post(`${server.url}/api/sessions/${sessionId}/reveals`, {
      data: { kind: 'followUp', index: 0 }
    });
    expect(res.ok(), await res.text()).toBe(true);
    const revealed = page.getByTestId('revealed').locator('li').last();
    await expect.poll(() => revealed.textContent(), { timeout: 10_000 }).toContain(followUps[0]);
    // In view inside the prompt card that scrolls, and on the page.
    const prompt = await box(page.locator('details.prompt'));
    await expect.poll(async () => inside(await box(revealed), prompt), { timeout: 10_000 }).toBe(true);
    const announcer = page.getByTestId('reveal-announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('assertive');
    await expect
      .poll(() => announcer.textContent(), { timeout: 10_000 })
      .toContain(`Your interviewer asks: ${followUps[0]}`);
    await page.screenshot({ path: path.join(shots, 'candidate-revealed-1440.png') });
  });
});

describe('on a phone (390×844)', () => {
  it('keeps the candidate’s clock and phase in view while the page scrolls', async () => {
    const { page } = candidate;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(800);
    const whole = { x: 0, y: 0, width: 390, height: 844 };
    await expect
      .poll(async () => inside(await box(page.getByTestId('remaining')), whole), { timeout: 10_000 })
      .toBe(true);
    expect(inside(await box(page.getByTestId('phase')), whole)).toBe(true);
    // The part that stays is a strip, not half the screen.
    expect((await box(page.locator('.mock-bar'))).height).toBeLessThan(200);
    await page.screenshot({ path: path.join(shots, 'candidate-scrolled-390.png') });
    // A heading scrolled to the top of the page lands under the strip, not beneath it.
    await expect.poll(() => landsUnderTheBar(page, '.mock-bar', 'details.prompt'), { timeout: 10_000 }).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('keeps the interviewer’s clock and phase in view while the page scrolls', async () => {
    const { page } = interviewer;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(800);
    const whole = { x: 0, y: 0, width: 390, height: 844 };
    await expect
      .poll(async () => inside(await box(page.getByTestId('interviewer-clock')), whole), { timeout: 10_000 })
      .toBe(true);
    expect(inside(await box(page.getByTestId('interviewer-phase')), whole)).toBe(true);
    expect((await box(page.getByTestId('live-bar'))).height).toBeLessThan(200);
    await expect
      .poll(() => landsUnderTheBar(page, '[data-testid="live-bar"]', '[data-testid="interviewer-guide"]'), {
        timeout: 10_000
      })
      .toBe(true);
    await page.screenshot({ path: path.join(shots, 'interviewer-scrolled-390.png') });
  });
});
