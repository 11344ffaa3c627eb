/**
 * The interviewer's side in Chromium, two people: Bea interviews Ada through an invite. Ada's invite panel follows
 * it live (a new link copied again, accepted, in the room), Bea finds the interview in her history after a reload,
 * Ada rates Bea's feedback, and Bea reads the rating on her record. Screenshots at 1440 and 390 px.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { finishMock, launchChromium, screenshotBothWidths, signedInPerson } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let ada: { context: BrowserContext; page: Page };
let bea: { context: BrowserContext; page: Page };
let sessionId: string;
let inviteUrl: string;

const person = (name: string) =>
  signedInPerson(browser, server.url, name, { domain: 'interviewer-side.example', clipboard: true });

/** The page full length at 1440 and at 390 px wide. */
const bothWidths = (page: Page, name: string) => screenshotBothWidths(page, shots, name);

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium();
  ada = await person('Ada');
  bea = await person('Bea');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('Ada invites from her running mock, and copies a new link: the old one stops working', async () => {
  const { page } = ada;
  await page.goto(`${server.url}/questions/${designFixture.id}`);
  await page.getByRole('button', { name: 'Start mock' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
  sessionId = page.url().split('/').pop()!;
  await page.getByTestId('invite-interviewer').click();
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const first = await page.getByTestId('invite-link').inputValue();
  await expect.poll(() => page.getByTestId('invite-status').textContent()).toBe('waiting');
  await page.getByTestId('copy-again').click();
  await expect.poll(() => page.getByTestId('invite-link').inputValue()).not.toBe(first);
  inviteUrl = await page.getByTestId('invite-link').inputValue();
  const panel = (await page.getByTestId('invites').textContent())!.replace(/\s+/g, ' ');
  expect(panel).toContain('the old link then stops working');
  const old = await bea.page.request.post(`${server.url}/api/invites/accept`, {
    data: { token: first.split('/').pop() }
  });
  expect(old.status()).toBe(404);
  await page.screenshot({ path: path.join(shots, 'interviewer-side-invite-1440.png') });
});

it('Ada sees the invite go accepted, then Bea in the room, without reloading', async () => {
  const accepted = await bea.page.request.post(`${server.url}/api/invites/accept`, {
    data: { token: inviteUrl.split('/').pop() }
  });
  expect(accepted.status()).toBe(200);
  const status = ada.page.getByTestId('invite-status');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('accepted');
  expect(await ada.page.getByTestId('invite-row').textContent()).toContain('Bea');
  await bea.page.goto(`${server.url}/review/${sessionId}`);
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('in the room');
  await ada.page.screenshot({ path: path.join(shots, 'interviewer-side-joined-1440.png') });
});

it('Bea scores the finished mock and finds the interview in her history after a reload', async () => {
  await finishMock(ada.page);
  await ada.page.waitForURL(`**/sessions/${sessionId}/result`);
  const session = (await (await bea.page.request.get(`${server.url}/api/sessions/${sessionId}`)).json()).session;
  const ratings = Object.fromEntries(
    session.rubric.criteria.map((c: { id: string }, i: number) => [c.id, 2 + (i % 2)])
  );
  const scored = await bea.page.request.put(`${server.url}/api/sessions/${sessionId}/scores/peer`, {
    data: { ratings, feedback: 'Name the read/write ratio before picking a store.', hireSignal: 'Hire', submit: true }
  });
  expect(scored.status()).toBe(200);

  await bea.page.goto(`${server.url}/sessions`);
  await bea.page.reload();
  const row = bea.page.getByTestId('history').locator('tr', { has: bea.page.getByTestId('given') });
  await expect.poll(() => row.textContent()).toContain('You interviewed Ada');
  expect(await row.textContent()).toContain('You scored it');
  await bea.page.getByTestId('role-filter').selectOption('candidate');
  await expect.poll(() => bea.page.getByTestId('sessions-empty').count()).toBe(1);
  await bea.page.getByTestId('role-filter').selectOption('interviewer');
  await expect.poll(() => row.count()).toBe(1);
  await bothWidths(bea.page, 'interviewer-side-history');
  // The row opens the interviewer's view of the result.
  await row.getByRole('link').click();
  await bea.page.waitForURL(`**/review/${sessionId}`);
});

it('Ada rates the feedback on her result page', async () => {
  const session = (await (await ada.page.request.get(`${server.url}/api/sessions/${sessionId}`)).json()).session;
  const ratings = Object.fromEntries(session.rubric.criteria.map((c: { id: string }) => [c.id, 3]));
  await ada.page.request.put(`${server.url}/api/sessions/${sessionId}/scores/self`, { data: { ratings } });
  await ada.page.goto(`${server.url}/sessions/${sessionId}/result`);
  const card = ada.page.getByTestId('rate-feedback');
  await expect.poll(() => card.textContent()).toContain('How useful was Bea’s feedback?');
  await card.getByTestId('rate-specific-5').check();
  await card.getByTestId('rate-actionable-4').check();
  await card.getByTestId('rate-calibrated-3').check();
  await card.getByTestId('rate-comment').fill('The ratio question changed my design.');
  await card.getByTestId('rate-save').click();
  await expect.poll(() => card.textContent()).toContain('your rating is saved');
  await card.scrollIntoViewIfNeeded();
  await bothWidths(ada.page, 'interviewer-side-rate');
});

it('Bea sees the rating and her calibration on her record', async () => {
  await bea.page.goto(`${server.url}/interviewer`);
  await expect.poll(() => bea.page.getByTestId('mean-specific').textContent()).toBe('5.0');
  expect(await bea.page.getByTestId('mean-actionable').textContent()).toBe('4.0');
  expect(await bea.page.getByTestId('feedback-ratings').textContent()).toContain(
    'The ratio question changed my design.'
  );
  // Nobody else has scored on this instance: no delta to show yet.
  expect(await bea.page.getByTestId('delta').first().textContent()).toBe('—');
  expect(await bea.page.getByTestId('no-others').count()).toBe(1);
  await bothWidths(bea.page, 'interviewer-side-record');
  await bea.page.goto(`${server.url}/dashboard`);
  await expect.poll(() => bea.page.getByTestId('dashboard-record').count()).toBe(1);
  await bothWidths(bea.page, 'interviewer-side-dashboard');
});
