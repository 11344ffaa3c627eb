/**
 * A practice pair's voice call in Chromium with fake microphones: the pair is one call though each half is a
 * session of its own. Ada and Bo join the call in the first half; both say done in the pair's room and the roles
 * swap; each opens the second half and is in its call, connected and hearing the other, with nobody pressing Join
 * (and Bo, who had muted, still muted); the first half's connections are closed, not left behind; a reload in the
 * second half comes back by itself.
 * Screenshots at 1440 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, screenshotBothWidths, signedInPerson } from '../support/browser.ts';
import { behavioralFixture, behavioralFixtureTwo } from '../support/fixtures.ts';
import { localIn, movableClock, upcoming } from '../support/partners.ts';
import { startTestServer } from '../support/server.ts';

const shots = process.env.PARTNER_SHOTS ?? 'test-results/partners-call';
mkdirSync(shots, { recursive: true });
const MIN = 60_000;
const clock = movableClock();
const start = upcoming(1, 17);
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let ada: { context: BrowserContext; page: Page };
let bo: { context: BrowserContext; page: Page };
let bookingId: string;

/** Every RTCPeerConnection a page made, kept on `window` (the test counts the ones still open). */
function trackPeerConnections() {
  const Native = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  (window as unknown as { madeConnections: RTCPeerConnection[] }).madeConnections = made;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      made.push(this);
    }
  };
}

beforeAll(async () => {
  server = await startTestServer({
    web: true,
    questions: [behavioralFixture, behavioralFixtureTwo],
    app: { now: clock.now }
  });
  browser = await launchChromium({ fakeMedia: true });
  ada = await signedInPerson(browser, server.url, 'Ada', { domain: 'pair-call.example' });
  bo = await signedInPerson(browser, server.url, 'Bo', { domain: 'pair-call.example' });
  for (const { context } of [ada, bo]) await context.addInitScript(trackPeerConnections);
  // Booked through the API (the partners test walks the pages): the same hour, a behavioral pair.
  const wish = { kind: 'behavioral', level: 'staff' };
  const publish = (page: Page, at: number, durationMin: number) =>
    page.request.post(`${server.url}/api/partners/slots`, {
      data: { start: localIn(at, 'UTC'), timeZone: 'UTC', wish, durationMin }
    });
  expect((await publish(ada.page, start, 60)).status()).toBe(201);
  const proposal = (await (await publish(bo.page, start - 60 * MIN, 120)).json()).proposal as { id: string };
  for (const { page } of [ada, bo]) {
    const accepted = await page.request.post(`${server.url}/api/partners/proposals/${proposal.id}/accept`);
    expect(accepted.status()).toBe(200);
    bookingId ||= ((await accepted.json()).booking?.id as string | undefined) ?? '';
  }
  expect(bookingId).not.toBe('');
  clock.setTo(start - 2 * MIN);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const call = (page: Page) => page.getByTestId('voice-call');
/** The call panel's attribute, null while the panel is not shown (a poll asks again). */
const callState = (page: Page, name: string) =>
  call(page)
    .getAttribute(name, { timeout: 1_000 })
    .catch(() => null);
const openConnections = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { madeConnections: RTCPeerConnection[] }).madeConnections.filter(
        (pc) => pc.connectionState !== 'closed'
      ).length
  );

/** Connected, and hearing the other side's (beeping) microphone. */
async function inCallWithSound(page: Page) {
  await expect.poll(() => callState(page, 'data-connected'), { timeout: 20_000 }).toBe('true');
  await expect
    .poll(async () => Number(await callState(page, 'data-remote-peak')), { timeout: 10_000 })
    .toBeGreaterThan(0.01);
}

/** From the pair's room, into the half this person has a part in now. */
async function openHalf(page: Page, half: string) {
  await expect.poll(() => page.getByTestId('pair-now').textContent(), { timeout: 15_000 }).toContain(half);
  await page.getByTestId('open-half').click();
  await page.waitForURL(/\/(sessions|review)\/[0-9a-f]{24}$/);
}

const shoot = (page: Page, name: string) => screenshotBothWidths(page, shots, name);

it('the two meet in the pair’s room and join the first half’s call', async () => {
  for (const { page } of [ada, bo]) await page.goto(`${server.url}/partners/${bookingId}`);
  await openHalf(ada.page, 'First half: you are the candidate');
  await openHalf(bo.page, 'First half: you are the interviewer');
  for (const { page } of [bo, ada]) await page.getByRole('button', { name: 'Join voice call' }).click();
  for (const { page } of [ada, bo]) await inCallWithSound(page);
}, 90_000);

it('after the swap each is in the second half’s call by itself, as muted as before; the first half’s call is closed', async () => {
  await bo.page.getByRole('button', { name: 'Mute', exact: true }).click();
  // Back to the room (the way they came), both say done: the roles swap.
  for (const { page } of [ada, bo]) {
    await page.goBack();
    await page.getByTestId('half-done').click();
  }
  await openHalf(bo.page, 'Second half, after the swap: you are the candidate');
  await openHalf(ada.page, 'Second half, after the swap: you are the interviewer');
  // Nobody presses Join: each page joins the call as it opens. Bo is still muted until he unmutes.
  for (const { page } of [ada, bo]) {
    await expect.poll(() => callState(page, 'data-connected'), { timeout: 20_000 }).toBe('true');
  }
  const boMuted = () =>
    ada.page
      .getByTestId('remote-speaker')
      .getAttribute('data-muted', { timeout: 1_000 })
      .catch(() => null);
  await expect.poll(boMuted, { timeout: 10_000 }).toBe('true');
  await bo.page.getByRole('button', { name: 'Unmute', exact: true }).click();
  await expect.poll(boMuted, { timeout: 10_000 }).toBe('false');
  for (const { page } of [ada, bo]) {
    await inCallWithSound(page);
    // One connection open on each side: the first half's was hung up with its page.
    expect(await openConnections(page)).toBe(1);
    // Recording is asked again: it would go into the other one's session now.
    expect(await page.getByTestId('call-consent-state').textContent()).toContain('Not recorded unless both agree');
  }
  await shoot(bo.page, 'second-half-candidate');
  await shoot(ada.page, 'second-half-interviewer');
}, 90_000);

it('a reload in the second half comes back by itself', async () => {
  const streamsBefore = Number(await callState(ada.page, 'data-remote-streams'));
  await bo.page.reload();
  await expect
    .poll(async () => Number(await callState(ada.page, 'data-remote-streams')), { timeout: 20_000 })
    .toBeGreaterThan(streamsBefore);
  for (const { page } of [ada, bo]) await inCallWithSound(page);
}, 60_000);
