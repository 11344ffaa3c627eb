/**
 * An interviewer in a behavioral mock, in Chromium with two contexts: the console shows the candidate's STAR
 * answers live, prompt by prompt, and no whiteboard (a behavioral mock has none); the interviewer reveals
 * each prompt's follow-ups.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from '../support/browser.ts';
import { behavioralFixture, behavioralFixtureTwo } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let candidate: Page;
let interviewer: Page;

const person = async (name: string) =>
  (await signedInPerson(browser, server.url, name, { domain: 'live-behavioral.example' })).page;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [behavioralFixture, behavioralFixtureTwo] });
  browser = await launchChromium();
  candidate = await person('Bea');
  interviewer = await person('Ines');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it(
  'shows the interviewer each STAR answer as it is written, no whiteboard, and follow-ups to reveal',
  { timeout: 120_000 },
  async () => {
    const { session } = await (
      await candidate.request.post(`${server.url}/api/behavioral-mocks`, {
        data: { durationMin: 30, questionIds: [behavioralFixture.id, behavioralFixtureTwo.id] }
      })
    ).json();
    const invite = await (
      await candidate.request.post(`${server.url}/api/sessions/${session.id}/invites`, { data: {} })
    ).json();
    await candidate.goto(`${server.url}/sessions/${session.id}`);
    await interviewer.goto(invite.url);
    await interviewer.waitForURL(`**/review/${session.id}`);

    await expect.poll(() => interviewer.getByTestId('live-bar').textContent()).toContain('behavioral and leadership');
    await expect.poll(() => interviewer.getByTestId('interviewer-phase').textContent()).toContain('Prompt 1 of 2');
    expect(await interviewer.getByTestId('whiteboard').count()).toBe(0);
    const first = interviewer.getByTestId('live-answer-1');
    await expect.poll(() => first.textContent()).toContain('Nothing written yet.');

    const situation = 'Two teams owned halves of checkout and broke each other on every release.';
    await candidate.getByTestId('star-situation').fill(situation);
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain(situation);
    await expect.poll(() => interviewer.getByTestId('live-answer-2').textContent()).toContain('Nothing written yet.');

    // The guide lists every prompt's follow-ups (2 each): index 2 is prompt 2's first. Revealed, the candidate sees it.
    await interviewer.getByTestId('reveal-followUp-2').click();
    await expect
      .poll(() => candidate.getByTestId('revealed').textContent(), { timeout: 10_000 })
      .toContain('Prompt 2 · What was the hardest moment?');
    expect(await candidate.getByRole('button', { name: /Ask me a follow-up/ }).count()).toBe(0);

    await interviewer.reload();
    await expect
      .poll(() => interviewer.getByTestId('live-answer-1').textContent(), { timeout: 10_000 })
      .toContain(situation);
    await interviewer.screenshot({ path: `${shots}/live-behavioral-interviewer.png`, fullPage: true });
  }
);
