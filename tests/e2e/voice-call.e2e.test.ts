/**
 * The live room's voice call in Chromium with fake microphones, two contexts: each side receives the other's
 * audio (not silence), and the call is recorded into the session only once both agreed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signUpThroughApi } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const sides: Record<'candidate' | 'interviewer', { context: BrowserContext; page: Page }> = {} as never;
let sessionId: string;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium({ fakeMedia: true });
  for (const [role, name] of [
    ['candidate', 'Cara'],
    ['interviewer', 'Ivan']
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const account = { email: `${role}@call.example`, password: `${role}-password-1`, name };
    expect((await signUpThroughApi(page, server.url, account)).status()).toBe(200);
    sides[role] = { context, page };
  }
  const { candidate, interviewer } = sides;
  const created = await candidate.page.request.post(`${server.url}/api/sessions`, {
    data: { questionId: designFixture.id }
  });
  sessionId = (await created.json()).session.id;
  const invite = await candidate.page.request.post(`${server.url}/api/sessions/${sessionId}/invites`, { data: {} });
  const { token } = await invite.json();
  expect((await interviewer.page.request.post(`${server.url}/api/invites/accept`, { data: { token } })).status()).toBe(
    200
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const call = (page: Page) => page.getByTestId('voice-call');
const recording = async () =>
  (await (await sides.candidate.page.request.get(`${server.url}/api/sessions/${sessionId}/recording`)).json()) as {
    segments: { chunks: number }[];
  };

it('connects the two, and each hears the other (non-silent samples)', async () => {
  const { candidate, interviewer } = sides;
  await candidate.page.goto(`${server.url}/sessions/${sessionId}`);
  await interviewer.page.goto(`${server.url}/review/${sessionId}`);
  await call(candidate.page).waitFor();
  await interviewer.page.getByRole('button', { name: 'Join voice call' }).click();
  await expect.poll(() => candidate.page.getByText('Ivan is in the call').count(), { timeout: 10_000 }).toBe(1);
  await candidate.page.getByRole('button', { name: 'Join voice call' }).click();
  for (const { page } of [candidate, interviewer]) {
    await expect.poll(() => call(page).getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
    await expect
      .poll(async () => Number(await call(page).getAttribute('data-remote-peak')), { timeout: 10_000 })
      .toBeGreaterThan(0.01);
  }
  // Not recorded: nobody agreed.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect((await recording()).segments).toEqual([]);
  expect(await candidate.page.getByTestId('recorder').getAttribute('data-state')).toBe('off');
}, 60_000);

it('lights each side’s own dot as it speaks, and shows the other side as muted while they are', async () => {
  const { candidate, interviewer } = sides;
  const speaker = (page: Page, who: 'local' | 'remote') => page.getByTestId(`${who}-speaker`);
  // The fake microphones beep: each "You" dot lights, and so does the other side's.
  for (const { page } of [candidate, interviewer]) {
    for (const who of ['local', 'remote'] as const) {
      await expect.poll(() => speaker(page, who).getAttribute('data-speaking'), { timeout: 10_000 }).toBe('true');
    }
  }
  await interviewer.page.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect
    .poll(() => speaker(candidate.page, 'remote').getAttribute('data-muted'), { timeout: 5_000 })
    .toBe('true');
  expect(await speaker(candidate.page, 'remote').textContent()).toContain('Ivan (muted)');
  expect(await speaker(interviewer.page, 'local').getAttribute('data-speaking')).toBe('false');
  await candidate.page.screenshot({ path: 'test-results/voice-call-muted-candidate.png' });
  await interviewer.page.getByRole('button', { name: 'Unmute', exact: true }).click();
  await expect
    .poll(() => speaker(candidate.page, 'remote').getAttribute('data-muted'), { timeout: 5_000 })
    .toBe('false');
}, 60_000);

it('records the call only once both agreed', async () => {
  const { candidate, interviewer } = sides;
  await candidate.page.getByTestId('call-consent').check();
  await expect
    .poll(() => interviewer.page.getByTestId('call-consent-state').textContent(), { timeout: 5_000 })
    .toContain('Cara agreed');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect((await recording()).segments).toEqual([]);
  await interviewer.page.getByTestId('call-consent').check();
  await expect
    .poll(() => candidate.page.getByTestId('call-consent-state').textContent(), { timeout: 5_000 })
    .toContain('Both agreed');
  await expect
    .poll(() => candidate.page.getByTestId('recorder').getAttribute('data-state'), { timeout: 10_000 })
    .toBe('recording');
  await expect
    .poll(async () => (await recording()).segments.reduce((n, s) => n + s.chunks, 0), { timeout: 10_000 })
    .toBeGreaterThan(2);
  await candidate.page.screenshot({ path: 'test-results/voice-call-candidate.png' });
  await interviewer.page.screenshot({ path: 'test-results/voice-call-interviewer.png' });
}, 60_000);

// How soon it heals is printed, not judged: on a busy machine the reloaded page alone takes seconds to start, so a
// wall-clock bound here failed runs that healed correctly.
it('comes back by itself when the candidate reloads during the call, nobody pressing Join', async () => {
  const { candidate, interviewer } = sides;
  for (const { page } of [candidate, interviewer]) {
    await expect.poll(() => call(page).getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
  }
  const streamsBefore = Number(await call(interviewer.page).getAttribute('data-remote-streams'));
  await candidate.page.reload();
  const reloadedAt = Date.now();
  // Nobody presses Join again: the reloaded page rejoins, and the interviewer's side answers its "ready" with a
  // new connection (not the old one, still "connected" until it times out).
  await expect
    .poll(async () => Number(await call(interviewer.page).getAttribute('data-remote-streams')), { timeout: 20_000 })
    .toBeGreaterThan(streamsBefore);
  for (const { page } of [candidate, interviewer]) {
    await expect.poll(() => call(page).getAttribute('data-connected'), { timeout: 5_000, interval: 100 }).toBe('true');
    await expect
      .poll(async () => Number(await call(page).getAttribute('data-remote-peak')), { timeout: 5_000, interval: 100 })
      .toBeGreaterThan(0.01);
  }
  const healedMs = Date.now() - reloadedAt;
  console.log(`voice call: audio both ways again ${healedMs} ms after the candidate's reload`);
}, 60_000);
