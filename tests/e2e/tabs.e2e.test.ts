/**
 * Two tabs of one session in one browser stay in step, a merge of both tabs' edits to one field is announced, and an
 * interviewer watching sees the work from whichever tab it is typed or drawn in.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signedInPerson, signUpThroughApi } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { canvas, drawShape } from '../support/whiteboard.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let first: Page;
let second: Page;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  first = await context.newPage();
  await first.goto(server.url);
  const res = await signUpThroughApi(first, server.url, {
    email: 'tabs@e2e.example',
    password: 'tabs-password-1',
    name: 'Tabs'
  });
  expect(res.status()).toBe(200);
  const { session } = await (
    await first.request.post(`${server.url}/api/sessions`, { data: { questionId: designFixture.id } })
  ).json();
  second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto(`${server.url}/sessions/${session.id}`);
    await canvas(page).waitFor({ timeout: 30_000 });
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const note = (page: Page) => page.getByTestId('note-functional');
const saved = (page: Page) =>
  expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');

it('an idle tab shows what the other tab saved, without a reload', async () => {
  await note(first).fill('Shorten a URL');
  await saved(first);
  await expect.poll(() => note(second).inputValue(), { timeout: 3_000 }).toBe('Shorten a URL');
  await expect.poll(() => second.getByTestId('merge-notice').textContent()).toBe('');
});

it('an edit in the second tab builds on the first tab’s text instead of conflicting with it', async () => {
  await note(second).fill('Shorten a URL; redirect by code');
  await saved(second);
  await expect.poll(() => note(first).inputValue(), { timeout: 3_000 }).toBe('Shorten a URL; redirect by code');
  await expect.poll(() => first.getByTestId('merge-notice').textContent()).toBe('');
});

it('when both tabs change the field before either hears of the other, both texts are kept and each tab says so', async () => {
  // The second tab's saves fail for a while, so its edit waits while the first tab's edit lands.
  const work = `${server.url}/api/sessions/*/work`;
  await second.route(work, (route) => route.abort());
  await note(second).fill('Shorten a URL; custom aliases');
  await expect.poll(() => second.getByTestId('save-status').textContent(), { timeout: 10_000 }).toMatch(/Offline/);
  await note(first).fill('Shorten a URL; expiry');
  await saved(first);
  await second.unroute(work);
  await saved(second);
  const notice = second.getByTestId('merge-notice');
  await expect
    .poll(() => notice.textContent(), { timeout: 5_000 })
    .toContain('Another window also changed Functional requirements');
  const merged = await note(second).inputValue();
  expect(merged).toContain('Shorten a URL; custom aliases');
  expect(merged).toContain('Shorten a URL; expiry');
  await expect.poll(() => note(first).inputValue(), { timeout: 5_000 }).toBe(merged);
  await second.screenshot({ path: 'test-results/tabs-merge-notice.png' });
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => notice.textContent()).toBe('');
});

it('a save from another device (409) is merged from the work the 409 carries, without reading the session again', async () => {
  const id = new URL(first.url()).pathname.split('/').at(-1)!;
  const { session } = await (await first.request.get(`${server.url}/api/sessions/${id}`)).json();
  // Another device saves a field this browser's tabs never hear of.
  const elsewhere = await first.request.patch(`${server.url}/api/sessions/${id}/work`, {
    data: { revision: session.revision, notes: { estimates: '10k redirects a second' } }
  });
  expect(elsewhere.status()).toBe(200);
  const sessionReads: string[] = [];
  const conflicts: number[] = [];
  first.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/sessions/${id}`) {
      sessionReads.push(request.url());
    }
  });
  first.on('response', (response) => {
    if (response.status() === 409) conflicts.push(response.status());
  });
  await note(first).fill('Shorten a URL; analytics');
  await saved(first);
  expect(conflicts).toHaveLength(1);
  expect(sessionReads).toEqual([]);
  await first.getByRole('tab', { name: /Capacity estimates/ }).click();
  await expect.poll(() => first.getByTestId('note-estimates').inputValue()).toBe('10k redirects a second');
  const stored = (await (await first.request.get(`${server.url}/api/sessions/${id}`)).json()).session;
  expect(stored.work.notes).toMatchObject({
    functional: 'Shorten a URL; analytics',
    estimates: '10k redirects a second'
  });
});

describe('an interviewer watching while the candidate works in two tabs', () => {
  let interviewer: { context: BrowserContext; page: Page };
  const liveNote = (field: string) => interviewer.page.getByTestId(`live-note-${field}`);
  const liveShapes = () => interviewer.page.getByTestId('live-shapes').getAttribute('data-count').then(Number);
  const storedShapes = async () => {
    const id = new URL(first.url()).pathname.split('/').at(-1)!;
    const { session } = await (await first.request.get(`${server.url}/api/sessions/${id}`)).json();
    return (session.work.scene.elements as { isDeleted?: boolean }[]).filter((e) => !e.isDeleted).length;
  };

  beforeAll(async () => {
    const id = new URL(first.url()).pathname.split('/').at(-1)!;
    const { token } = await (await first.request.post(`${server.url}/api/sessions/${id}/invites`, { data: {} })).json();
    interviewer = await signedInPerson(browser, server.url, 'Iris', { domain: 'tabs.e2e.example' });
    expect(
      (await interviewer.page.request.post(`${server.url}/api/invites/accept`, { data: { token } })).status()
    ).toBe(200);
    // The test before left the first tab on another notes tab: both tabs back on the field these tests type in.
    for (const page of [first, second]) await page.getByRole('tab', { name: /^Functional requirements/ }).click();
    await interviewer.page.goto(`${server.url}/review/${id}`);
    await interviewer.page.locator('[data-testid="connection"]', { hasText: /^Live$/ }).waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await interviewer?.context.close();
  });

  it('sees each tab’s typing as it is typed, whichever tab the candidate types in, without reloading', async () => {
    await note(first).fill('From the first tab');
    await expect.poll(() => liveNote('functional').textContent(), { timeout: 5_000 }).toBe('From the first tab');
    await saved(first);
    await expect.poll(() => note(second).inputValue(), { timeout: 5_000 }).toBe('From the first tab');
    await note(second).fill('From the first tab, then the second');
    await expect
      .poll(() => liveNote('functional').textContent(), { timeout: 5_000 })
      .toBe('From the first tab, then the second');
    await saved(second);
    await expect.poll(() => note(first).inputValue(), { timeout: 5_000 }).toBe('From the first tab, then the second');
    await note(first).fill('Back in the first tab');
    await expect.poll(() => liveNote('functional').textContent(), { timeout: 5_000 }).toBe('Back in the first tab');
    await saved(first);
    // Settled: both tabs and the interviewer hold the same text, and it stays (no late draft of the other tab).
    await interviewer.page.waitForTimeout(1_500);
    expect(await liveNote('functional').textContent()).toBe('Back in the first tab');
    expect(await note(second).inputValue()).toBe('Back in the first tab');
  });

  it('ends on the merged text when both tabs changed a field before either heard of the other', async () => {
    const work = `${server.url}/api/sessions/*/work`;
    await second.route(work, (route) => route.abort());
    await note(second).fill('Tab two: rate limits');
    await expect.poll(() => liveNote('functional').textContent(), { timeout: 5_000 }).toBe('Tab two: rate limits');
    await expect.poll(() => second.getByTestId('save-status').textContent(), { timeout: 10_000 }).toMatch(/Offline/);
    await note(first).fill('Tab one: analytics');
    await saved(first);
    await second.unroute(work);
    await saved(second);
    const merged = await note(second).inputValue();
    expect(merged).toContain('Tab two: rate limits');
    expect(merged).toContain('Tab one: analytics');
    await expect.poll(() => note(first).inputValue(), { timeout: 5_000 }).toBe(merged);
    // The interviewer's screen moves to what both tabs show, not the last draft either tab sent.
    await expect.poll(() => liveNote('functional').textContent(), { timeout: 5_000 }).toBe(merged);
    await second.getByTestId('merge-notice').getByRole('button', { name: 'Dismiss' }).click();
  });

  it('sees shapes drawn in either tab on the board', async () => {
    const before = await liveShapes();
    await drawShape(first, 'rectangle', 200, 200);
    await expect.poll(liveShapes, { timeout: 5_000 }).toBe(before + 1);
    await saved(first);
    await expect.poll(storedShapes, { timeout: 5_000 }).toBe(before + 1);
    await drawShape(second, 'ellipse', 500, 300);
    await expect.poll(liveShapes, { timeout: 5_000 }).toBe(before + 2);
    await saved(second);
    await drawShape(first, 'rectangle', 300, 450);
    await expect.poll(liveShapes, { timeout: 5_000 }).toBe(before + 3);
    await interviewer.page.screenshot({ path: 'test-results/tabs-interviewer.png' });
  });
});
