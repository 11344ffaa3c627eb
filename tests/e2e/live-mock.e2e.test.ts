/**
 * A live mock with a peer as the interviewer, in Chromium with two contexts: the candidate invites from the
 * running mock, a signed-out peer signs up from the link and lands in the room, sees the clock and phase, reveals
 * a follow-up, they chat both ways, the interviewer's note shows on the result page and the replay, the
 * interviewer scores, the candidate compares; revoking ends the interviewer's stream. Once on one instance, once
 * with the candidate on one instance and the interviewer on another, both on one database.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishMock, launchChromium } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
mkdirSync(shots, { recursive: true });
const followUps = designFixture.kind === 'design' ? designFixture.followUps : [];

type Server = Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  { name: 'one instance', instances: 1 },
  { name: 'two instances on one database', instances: 2 }
])('live mock, $name', ({ instances }) => {
  let a: Server;
  let b: Server;
  let candidate: { context: BrowserContext; page: Page };
  let peer: { context: BrowserContext; page: Page };
  let sessionId: string;
  let inviteUrl: string;
  const tag = instances === 1 ? 'one' : 'two';

  beforeAll(async () => {
    a = await startTestServer({ web: true, questions: [designFixture] });
    b = instances === 1 ? a : await startTestServer({ web: true, questions: [designFixture], dbName: a.dbName });
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      return { context, page: await context.newPage() };
    };
    candidate = await open();
    peer = await open();
    await candidate.page.goto(a.url);
    const credentials = { email: `cara-${tag}@live.example`, password: 'cara-password-1' };
    await candidate.page.request.post(`${a.url}/api/auth/signup`, { data: { ...credentials, name: 'Cara' } });
    const signin = await candidate.page.request.post(`${a.url}/api/auth/signin`, { data: credentials });
    expect(signin.status()).toBe(200);
  });
  afterAll(async () => {
    await candidate?.context.close();
    await peer?.context.close();
    await a?.close();
    if (b !== a) await b?.close();
  });

  it('the candidate starts a mock and invites an interviewer from the mock’s header', async () => {
    const { page } = candidate;
    await page.goto(`${a.url}/questions/${designFixture.id}`);
    await page.getByRole('button', { name: 'Start mock' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
    sessionId = page.url().split('/').pop()!;
    await page.getByTestId('invite-interviewer').click();
    await page.getByRole('button', { name: 'Create invite link' }).click();
    inviteUrl = await page.getByTestId('invite-link').inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[\w-]{43}$/);
    // Created and copied in one click.
    await expect.poll(() => page.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, `live-invite-${tag}.png`) });
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('a signed-out peer signs up from the link and lands in the room, with the clock and phase', async () => {
    const { page } = peer;
    // On two instances the peer's requests go to the other one.
    await page.goto(inviteUrl.replace(a.url, b.url));
    await page.waitForURL(/\/signin\?next=/);
    // The sign-in page says who invited them and to what, and so does sign-up.
    const context = `Cara invited you to be the interviewer in a system design mock: ${designFixture.title}.`;
    await expect.poll(() => page.getByTestId('invite-context').textContent()).toContain(context);
    await page.getByTestId('to-signup').click();
    await page.waitForURL(/\/signup\?next=%2Finvite%2F/);
    await expect.poll(() => page.getByTestId('invite-context').textContent()).toContain(context);
    await page.getByLabel('Name').fill('Ivan');
    await page.getByLabel('E-mail').fill(`ivan-${tag}@live.example`);
    await page.getByLabel('Password').fill('ivan-password-1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`**/review/${sessionId}`);
    await expect.poll(() => page.getByTestId('interviewer-phase').textContent()).toContain('Requirements gathering');
    const clock = (await page.getByTestId('interviewer-clock').textContent()) ?? '';
    const [m] = clock.trim().split(':').map(Number);
    expect(m).toBeGreaterThanOrEqual(58);
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('Live');
    // Each sees the other in the room.
    await expect.poll(() => page.getByTestId('presence').textContent()).toContain('Cara');
    await expect.poll(() => candidate.page.getByTestId('presence').textContent()).toContain('Ivan');
  });

  it('the interviewer sees the candidate’s typing live, and the phase move', async () => {
    await candidate.page.getByTestId('note-functional').fill('Shorten, redirect, custom aliases');
    await expect
      .poll(() => peer.page.getByTestId('review-notes').textContent(), { timeout: 3000, interval: 50 })
      .toContain('Shorten, redirect, custom aliases');
    await candidate.page.getByRole('button', { name: 'Next phase →' }).click();
    await expect.poll(() => peer.page.getByTestId('interviewer-phase').textContent()).toContain('Capacity estimation');
  });

  it('the interviewer reveals a follow-up; the candidate sees it in the prompt panel, timestamped', async () => {
    await peer.page.getByTestId('reveal-followUp-1').click();
    const revealed = candidate.page.getByTestId('revealed');
    await expect.poll(() => revealed.textContent()).toContain(followUps[1]);
    expect(await revealed.textContent()).toMatch(/minute 0/);
    // Only the revealed one: the rest stay with the interviewer.
    expect(await candidate.page.locator('.prompt').textContent()).not.toContain(followUps[0]);
  });

  it('they chat both ways, and the interviewer pins a note at this minute', async () => {
    await peer.page.getByTestId('chat-input').fill('How many writes per second?');
    await peer.page.getByRole('button', { name: 'Send' }).click();
    const candidateChat = candidate.page.getByTestId('room-chat');
    await expect.poll(() => candidateChat.textContent()).toContain('How many writes per second?');
    await candidate.page.getByTestId('chat-input').fill('About 40, reads are 4,000');
    await candidate.page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => peer.page.getByTestId('room-chat').textContent()).toContain('About 40, reads are 4,000');
    await peer.page.getByTestId('note-input').fill('Good estimate, asked before designing');
    await peer.page.getByRole('button', { name: 'Pin note' }).click();
    await expect.poll(() => peer.page.getByTestId('interviewer-notes').textContent()).toContain('0 min');
    // The candidate is not shown the interviewer's notes during the mock.
    expect(await candidate.page.textContent('body')).not.toContain('Good estimate');
    await peer.page.screenshot({ path: path.join(shots, `live-interviewer-${tag}.png`), fullPage: true });
    await candidate.page.screenshot({ path: path.join(shots, `live-candidate-${tag}.png`) });
    for (const [who, page] of [
      ['interviewer', peer.page],
      ['candidate', candidate.page]
    ] as const) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: path.join(shots, `live-${who}-${tag}-390.png`), fullPage: true });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('after the mock, the note shows on the result page and the replay at its minute', async () => {
    const { page } = candidate;
    await finishMock(page);
    await page.waitForURL(`**/sessions/${sessionId}/result`);
    await expect.poll(() => peer.page.getByTestId('interviewer-clock').textContent()).toBe('Finished');
    const log = page.getByTestId('room-log');
    await expect.poll(() => log.textContent()).toContain('Good estimate, asked before designing');
    expect(await log.textContent()).toContain('How many writes per second?');
    // The follow-up the interviewer revealed is in the room's record too, said as what it was.
    const reveal = (await log.getByTestId('room-log-reveal').textContent()) ?? '';
    expect(reveal).toContain('Ivan asked a follow-up');
    expect(reveal).toContain(followUps[1]);
    const marker = page.getByRole('button', { name: /^Minute 0: note from Ivan/ });
    await marker.click();
    await expect.poll(() => page.getByTestId('replay').textContent()).toContain('Minute 0');
    await log.getByRole('button', { name: 'minute 0' }).first().click();
    await expect.poll(() => page.getByTestId('replay').textContent()).toContain('Minute 0');
  });

  it('the interviewer scores; the candidate sees the comparison', async () => {
    const session = (await (await candidate.page.request.get(`${a.url}/api/sessions/${sessionId}`)).json()).session;
    const ratings = Object.fromEntries(session.rubric.criteria.map((c: { id: string }) => [c.id, 3]));
    await candidate.page.request.put(`${a.url}/api/sessions/${sessionId}/scores/self`, { data: { ratings } });
    const scoring = peer.page.getByTestId('peer-scoring');
    for (const fieldset of await scoring.locator('fieldset.criterion').all()) {
      await fieldset.locator('label.level').nth(1).click();
    }
    await scoring.getByLabel('Your hire signal').selectOption('No Hire');
    await peer.page.getByRole('button', { name: 'Submit review' }).click();
    await expect.poll(() => scoring.textContent()).toContain('Submitted');
    await candidate.page.reload();
    await expect.poll(() => candidate.page.getByTestId('score-comparison').textContent()).toContain('1 higher');
  });

  it('revoking the invite ends the interviewer’s stream at once, and the page says so', async () => {
    const invites = candidate.page.getByTestId('invites');
    await expect.poll(() => invites.getByRole('button', { name: 'Revoke' }).count()).toBe(1);
    await invites.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => peer.page.getByTestId('room-ended').textContent(), { timeout: 3000 }).toContain('revoked');
    await peer.page.screenshot({ path: path.join(shots, `live-revoked-${tag}.png`) });
  });
});
