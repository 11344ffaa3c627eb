/**
 * A live coding mock in Chromium with two contexts: each Run the candidate makes reaches the interviewer's
 * console at once, with every case's verdict, and is still there after the interviewer reloads; the interviewer
 * reveals a follow-up from the problem's guide and the candidate sees it.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from '../support/browser.ts';
import { codingFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let candidate: Page;
let peer: Page;

const person = async (name: string) =>
  (await signedInPerson(browser, server.url, name, { domain: 'live-coding.example' })).page;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [codingFixture] });
  browser = await launchChromium();
  candidate = await person('Cara');
  peer = await person('Ivan');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('pushes every Run’s results to the interviewer, kept across a reload', { timeout: 120_000 }, async () => {
  const { session } = await (
    await candidate.request.post(`${server.url}/api/sessions`, { data: { questionId: codingFixture.id } })
  ).json();
  const invite = await (
    await candidate.request.post(`${server.url}/api/sessions/${session.id}/invites`, { data: {} })
  ).json();
  await peer.goto(invite.url);
  await peer.waitForURL(`**/review/${session.id}`);
  await candidate.goto(`${server.url}/sessions/${session.id}`);
  await expect.poll(() => candidate.getByTestId('presence').textContent(), { timeout: 15_000 }).toContain('Ivan');
  const runs = peer.getByTestId('live-runs');
  expect(await runs.textContent()).toContain('No runs yet');

  await candidate.getByRole('button', { name: 'Run', exact: true }).click();
  const examples = codingFixture.kind === 'coding' ? codingFixture.examples.length : 0;
  await expect
    .poll(() => runs.textContent(), { timeout: 30_000 })
    .toMatch(new RegExp(`Run in typescript: \\d+ of ${examples} passed`));
  for (let i = 1; i <= examples; i++) expect(await runs.textContent()).toContain(`Example ${i}:`);
  await peer.screenshot({ path: path.join(shots, 'live-coding-runs.png'), fullPage: true });

  await peer.reload();
  await expect.poll(() => runs.textContent(), { timeout: 15_000 }).toContain('Run in typescript');
  // The candidate's room never lists them (they have the results on screen).
  const room = await (await candidate.request.get(`${server.url}/api/sessions/${session.id}/room`)).json();
  expect(room.items.some((i: { kind: string }) => i.kind === 'run')).toBe(false);

  // The problem's interviewer guide, with reveal buttons as for design: a revealed follow-up reaches the candidate.
  const guide = codingFixture.kind === 'coding' ? codingFixture : null;
  await expect.poll(() => peer.getByTestId('interviewer-guide').textContent()).toContain(guide!.keyPoints[0]!.point);
  await peer.getByTestId('reveal-followUp-0').click();
  const revealed = candidate.getByTestId('revealed');
  await expect.poll(() => revealed.textContent(), { timeout: 15_000 }).toContain(guide!.followUps[0]);
  expect(await candidate.getByTestId('problem-statement').locator('..').textContent()).not.toContain(guide!.hints[0]);
  await peer.screenshot({ path: path.join(shots, 'live-coding-guide.png'), fullPage: true });
});
