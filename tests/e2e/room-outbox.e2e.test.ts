/**
 * The room's outbox in Chromium: the interviewer's network drops for 15 s while they chat and pin a note; both
 * wait in the browser (shown as sending, with why), and arrive once, in order, after the network is back; the
 * message clears once they are sent.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const OFFLINE_MS = 15_000;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let candidate: { context: BrowserContext; page: Page };
let interviewer: { context: BrowserContext; page: Page };
let sessionId: string;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium();
  candidate = await signedInPerson(browser, server.url, 'Cara', { domain: 'outbox.e2e.example' });
  interviewer = await signedInPerson(browser, server.url, 'Ivan', { domain: 'outbox.e2e.example' });
  const created = await candidate.page.request.post(`${server.url}/api/sessions`, {
    data: { questionId: designFixture.id }
  });
  sessionId = (await created.json()).session.id;
  const { token } = await (
    await candidate.page.request.post(`${server.url}/api/sessions/${sessionId}/invites`, { data: {} })
  ).json();
  const accepted = await interviewer.page.request.post(`${server.url}/api/invites/accept`, { data: { token } });
  expect(accepted.status()).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const roomItems = async () =>
  (await (await candidate.page.request.get(`${server.url}/api/sessions/${sessionId}/room`)).json()).items as {
    kind: string;
    text: string;
  }[];

it(
  'a chat message and a note made during a 15 s network drop arrive once each after it, and the error clears',
  { timeout: 120_000 },
  async () => {
    const { page } = interviewer;
    await page.goto(`${server.url}/review/${sessionId}`);
    await candidate.page.goto(`${server.url}/sessions/${sessionId}`);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 30_000 }).toBe('Live');
    await expect.poll(() => candidate.page.getByTestId('presence').textContent()).toContain('Ivan');

    await interviewer.context.setOffline(true);
    const droppedAt = Date.now();
    await page.getByTestId('chat-input').fill('Sent while offline: how do you shard?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('note-input').fill('Noted while offline: asked about sharding');
    await page.getByRole('button', { name: 'Pin note' }).click();
    // Kept and shown as sending, with why; the boxes are cleared for the next one.
    await expect.poll(() => page.getByTestId('chat-unsent').textContent()).toContain('how do you shard?');
    await expect.poll(() => page.getByTestId('note-unsent').textContent()).toContain('asked about sharding');
    await expect.poll(() => page.getByTestId('room-send-status').textContent()).toMatch(/Cannot reach MockLoop/);
    expect(await page.getByTestId('chat-input').inputValue()).toBe('');
    await page.screenshot({ path: 'test-results/room-outbox-offline.png', fullPage: true });

    // The whole drop: nothing reaches the server meanwhile.
    await expect
      .poll(async () => (await roomItems()).length === 0 && Date.now() - droppedAt >= OFFLINE_MS, {
        timeout: OFFLINE_MS + 10_000,
        interval: 1000
      })
      .toBe(true);

    await interviewer.context.setOffline(false);
    const candidateChat = candidate.page.getByTestId('room-chat');
    await expect
      .poll(() => candidateChat.textContent(), { timeout: 20_000 })
      .toContain('Sent while offline: how do you shard?');
    await expect
      .poll(() => page.getByTestId('interviewer-notes').textContent(), { timeout: 20_000 })
      .toContain('Noted while offline: asked about sharding');
    await expect.poll(() => page.getByTestId('room-send-status').count(), { timeout: 20_000 }).toBe(0);
    expect(await page.getByTestId('chat-unsent').count()).toBe(0);
    expect(await page.getByTestId('note-unsent').count()).toBe(0);

    // Once each, in the order they were made, on the server and on both screens.
    const items = await roomItems();
    expect(items.filter((i) => i.kind === 'chat').map((i) => i.text)).toEqual([
      'Sent while offline: how do you shard?'
    ]);
    const theirs = (await (await page.request.get(`${server.url}/api/sessions/${sessionId}/room`)).json()).items as {
      kind: string;
      text: string;
    }[];
    expect(theirs.map((i) => `${i.kind}: ${i.text}`)).toEqual([
      'chat: Sent while offline: how do you shard?',
      'note: Noted while offline: asked about sharding'
    ]);
    expect(((await candidateChat.textContent()) ?? '').split('how do you shard?')).toHaveLength(2);
    expect(((await page.getByTestId('room-chat').textContent()) ?? '').split('how do you shard?')).toHaveLength(2);
    await page.screenshot({ path: 'test-results/room-outbox-back.png', fullPage: true });
  }
);
