/** A peer reviews a mock in Chromium: invite link, live read-only view, scoring, and the candidate's side-by-side view. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let candidate: { context: BrowserContext; page: Page };
let peer: { context: BrowserContext; page: Page };
let sessionId: string;
let inviteUrl: string;
let spareUrl: string;

const person = (name: string) =>
  signedInPerson(browser, server.url, name, { domain: 'peer.example', viewport: { width: 1360, height: 900 } });

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium();
  candidate = await person('Candidate');
  peer = await person('Peer');
  const created = await candidate.page.request.post(`${server.url}/api/sessions`, {
    data: { questionId: designFixture.id }
  });
  sessionId = (await created.json()).session.id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('the candidate creates an invite link on the result page', async () => {
  const spare = await candidate.page.request.post(`${server.url}/api/sessions/${sessionId}/invites`, { data: {} });
  spareUrl = (await spare.json()).url;
  const invite = await candidate.page.request.post(`${server.url}/api/sessions/${sessionId}/invites`, { data: {} });
  inviteUrl = (await invite.json()).url;
  expect(inviteUrl).toMatch(/\/invite\/[\w-]{43}$/);
});

it('the peer opens the link, lands on the read-only review, and sees the candidate’s typing within 2 s', async () => {
  await peer.page.goto(inviteUrl);
  await peer.page.waitForURL(`**/review/${sessionId}`);
  const revision = (await (await candidate.page.request.get(`${server.url}/api/sessions/${sessionId}`)).json()).session
    .revision;
  await candidate.page.request.patch(`${server.url}/api/sessions/${sessionId}/work`, {
    data: { revision, notes: { design: 'Edge cache in front of a KV store' } }
  });
  await expect
    .poll(() => peer.page.getByTestId('review-notes').textContent(), { timeout: 4_000, interval: 250 })
    .toContain('Edge cache in front of a KV store');
  expect(await peer.page.locator('textarea[data-testid^="note-"]').count()).toBe(0);
});

it('a second person cannot use the same link, and sees why', async () => {
  const other = await person('Other');
  await other.page.goto(inviteUrl);
  await expect.poll(() => other.page.getByTestId('invite-problem').textContent()).toContain('already been used');
  await other.context.close();
});

it('the peer scores with the rubric and submits; the candidate sees self and peer side by side', async () => {
  await candidate.page.request.post(`${server.url}/api/sessions/${sessionId}/submit`);
  const session = (await (await candidate.page.request.get(`${server.url}/api/sessions/${sessionId}`)).json()).session;
  const ratings = Object.fromEntries(session.rubric.criteria.map((c: { id: string }) => [c.id, 3]));
  await candidate.page.request.put(`${server.url}/api/sessions/${sessionId}/scores/self`, { data: { ratings } });

  await peer.page.reload();
  const scoring = peer.page.getByTestId('peer-scoring');
  await scoring.locator('fieldset.criterion').first().waitFor();
  for (const fieldset of await scoring.locator('fieldset.criterion').all()) {
    await fieldset.locator('label.level').nth(1).click();
  }
  await scoring.getByLabel('Feedback for the candidate').fill('Solid requirements; go deeper on partitioning.');
  await scoring.getByLabel('Your hire signal').selectOption('No Hire');
  await peer.page.getByRole('button', { name: 'Submit review' }).click();
  await expect.poll(() => scoring.textContent()).toContain('Submitted');
  await peer.page.screenshot({ path: 'test-results/peer-review.png', fullPage: true });

  await candidate.page.goto(`${server.url}/sessions/${sessionId}/result`);
  const comparison = candidate.page.getByTestId('score-comparison');
  await expect.poll(() => comparison.textContent()).toContain('you rate yourself');
  expect(await comparison.textContent()).toContain('1 higher');
  expect(await comparison.textContent()).toContain('go deeper on partitioning');
  await candidate.page.screenshot({ path: 'test-results/score-comparison.png', fullPage: true });
});

it('revoking on the result page shuts out the reviewer and makes an unused link useless', async () => {
  await candidate.page.goto(`${server.url}/sessions/${sessionId}/result`);
  const invites = candidate.page.getByTestId('invites');
  await expect.poll(() => invites.getByRole('button', { name: 'Revoke' }).count()).toBe(2);
  await invites.getByRole('button', { name: 'Revoke' }).first().click();
  await expect.poll(() => invites.getByRole('button', { name: 'Revoke' }).count()).toBe(1);
  await invites.getByRole('button', { name: 'Revoke' }).first().click();
  await expect.poll(() => invites.getByRole('button', { name: 'Revoke' }).count()).toBe(0);

  await peer.page.goto(`${server.url}/review/${sessionId}`);
  await expect.poll(() => peer.page.locator('.error-page').textContent()).toContain('Not found');
  const stranger = await person('Stranger');
  await stranger.page.goto(spareUrl);
  await expect.poll(() => stranger.page.getByTestId('invite-problem').textContent()).toContain('revoked');
  await stranger.context.close();
});

it('the candidate’s weak areas page shows what peers rated low, a trend chart, and what to practise', async () => {
  await candidate.page.goto(`${server.url}/insights`);
  const weak = candidate.page.getByTestId('weak-areas');
  await expect
    .poll(() => weak.textContent())
    .toContain('Rated 2 or below by your peers in 1 of 1 system design mock so far');
  await candidate.page.getByTestId('top-trends-chart').locator('canvas').waitFor();
  expect(await candidate.page.getByLabel('Weekly recap').inputValue()).toContain('- Mock interview    : ✓ (1)');
  await candidate.page.screenshot({ path: 'test-results/insights.png', fullPage: true });
});
