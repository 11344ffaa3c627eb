/**
 * The behavioral mock in Chromium: a story written in the bank, a mock started from the dashboard, one prompt told
 * with that story and one written by hand, a reload mid-way, finishing, self-scoring, the STAR evidence, and an answer
 * saved as a story that the bank and the next mock's picker then offer.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { finishMock, launchChromium, signUpThroughApi } from '../support/browser.ts';
import { behavioralFixture, behavioralFixtureThree, behavioralFixtureTwo } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
mkdirSync(shots, { recursive: true });

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
let sessionId: string;
let bankStoryId: string;

const bankStory = {
  title: 'Two teams, one checkout',
  situation: 'Two teams owned halves of the checkout flow and broke each other on every release.',
  task: 'I was asked to get both teams shipping again without a reorganisation.',
  action: 'I mapped every incident to its cause, I ran a joint review and I wrote the shared contract tests.',
  result: 'Rollbacks fell from 6 a month to 1 within a quarter.'
};
const handWritten = {
  situation: 'Our platform group split over event sourcing against a plain relational store for billing.',
  task: 'I owned the decision and had two weeks before the quarter’s plan locked.',
  action: 'I built a prototype of each, I measured both under replayed traffic and I wrote the decision record.',
  result: 'We shipped the relational design; p99 write latency stayed under 40 ms and the team agreed in one review.',
  differently: 'I would have involved the on-call engineers before the prototypes, not after.'
};
const savedTitle = 'Billing store, settled with prototypes';

beforeAll(async () => {
  server = await startTestServer({
    web: true,
    questions: [behavioralFixture, behavioralFixtureTwo, behavioralFixtureThree]
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  const signin = await signUpThroughApi(page, server.url, {
    email: 'stories@example.com',
    password: 'stories-password-1',
    name: 'Story Teller'
  });
  expect(signin.status()).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function serverSession() {
  return (await (await page.request.get(`${server.url}/api/sessions/${sessionId}`)).json()).session;
}
const saveStatus = () => page.getByTestId('save-status').textContent();
const remainingSeconds = async () => {
  const [m, s] = ((await page.getByTestId('remaining').textContent()) ?? '0:0').trim().split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};
const star = (part: string) => page.getByTestId(`star-${part}`);

it('writes a story in the bank from the Stories page in the nav', async () => {
  await page.goto(`${server.url}/dashboard`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stories' }).click();
  await page.waitForURL(/\/stories$/);
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByTestId('edit-title').fill(bankStory.title);
  for (const part of ['situation', 'task', 'action', 'result'] as const) {
    await page.getByTestId(`edit-${part}`).fill(bankStory[part]);
  }
  await page.getByLabel('Conflict resolution', { exact: true }).check();
  await page.getByRole('button', { name: 'Save story' }).click();
  const card = page.getByTestId('story').filter({ hasText: bankStory.title });
  await expect.poll(() => card.textContent()).toContain('Strong');
  expect(await page.getByTestId('themes-without-story').textContent()).not.toContain('Conflict resolution');
  const { items } = await (await page.request.get(`${server.url}/api/stories`)).json();
  expect(items).toMatchObject([{ ...bankStory, themes: ['conflict'], strong: true }]);
  bankStoryId = items[0].id;
});

it('starts a behavioral mock from the dashboard by length, level and theme', async () => {
  await page.goto(`${server.url}/dashboard`);
  await page.getByLabel('Behavioral level').selectOption('staff');
  await page.getByLabel('Leadership theme').selectOption('conflict');
  await page.getByLabel('Behavioral length').selectOption('30');
  await page.getByLabel('Prompts', { exact: true }).selectOption('2');
  await page.getByTestId('start-behavioral').click();
  await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
  sessionId = page.url().split('/').pop()!;
  await expect.poll(() => page.getByTestId('phase').textContent()).toContain('Prompt 1 of 2');
  expect(await page.getByTestId('phase').textContent()).toContain('15-min box');
  expect(await remainingSeconds()).toBeGreaterThan(29 * 60);
  const session = await serverSession();
  expect(session.prompts.map((p: { id: string }) => p.id).sort()).toEqual(
    [behavioralFixture.id, behavioralFixtureTwo.id].sort()
  );
});

it('tells the first prompt with the story from the bank: the picker fills STAR and the save is acknowledged', async () => {
  await page.getByTestId('story-choice').selectOption({ label: bankStory.title });
  await page.getByRole('button', { name: 'Use this story' }).click();
  expect(await star('situation').inputValue()).toBe(bankStory.situation);
  expect(await star('result').inputValue()).toBe(bankStory.result);
  await expect.poll(() => page.getByTestId('told-with').textContent()).toContain(bankStory.title);
  await expect.poll(saveStatus, { timeout: 10_000 }).toBe('Saved');
  expect((await serverSession()).work.notes).toMatchObject({
    p1Situation: bankStory.situation,
    p1Action: bankStory.action,
    p1Story: bankStoryId
  });
});

it('writes the second prompt by hand with a follow-up, and a reload shows the same work and the same time', async () => {
  await page.getByRole('button', { name: 'Next prompt →' }).click();
  await expect.poll(() => page.getByTestId('phase').textContent()).toContain('Prompt 2 of 2');
  expect(await star('situation').inputValue()).toBe('');
  for (const [part, text] of Object.entries(handWritten)) await star(part).fill(text);
  await page.getByRole('button', { name: /Ask me a follow-up/ }).click();
  await expect.poll(() => page.getByTestId('follow-ups').textContent()).toContain('What was the hardest moment?');
  await expect.poll(saveStatus, { timeout: 10_000 }).toBe('Saved');
  expect((await serverSession()).work.notes).toMatchObject({ p2Action: handWritten.action, p2Asked: '1' });
  await page.screenshot({ path: path.join(shots, 'behavioral-mock.png'), fullPage: true });

  const before = await remainingSeconds();
  await page.reload();
  await expect.poll(() => star('action').inputValue()).toBe(handWritten.action);
  expect(await page.getByTestId('phase').textContent()).toContain('Prompt 2 of 2');
  expect(await star('differently').inputValue()).toBe(handWritten.differently);
  expect(await page.getByTestId('follow-ups').textContent()).toContain('What was the hardest moment?');
  expect(Math.abs((await remainingSeconds()) - before)).toBeLessThanOrEqual(3);
  // The first prompt kept the story's answer through the reload.
  await page.getByRole('button', { name: '← Previous prompt' }).click();
  await expect.poll(() => star('situation').inputValue()).toBe(bankStory.situation);
  await page.getByRole('button', { name: 'Next prompt →' }).click();
  await expect.poll(() => star('situation').inputValue()).toBe(handWritten.situation);
});

it('saves the second answer as a new story, which the prompt is then told with', async () => {
  await page.getByRole('button', { name: 'Save this answer as a story' }).click();
  await page.getByTestId('story-title').fill(savedTitle);
  await page.getByRole('button', { name: 'Save story' }).click();
  await expect.poll(() => page.getByRole('status').allTextContents()).toContain(`Saved “${savedTitle}” to your bank.`);
  await expect.poll(() => page.getByTestId('told-with').textContent()).toContain(savedTitle);
  await expect.poll(saveStatus, { timeout: 10_000 }).toBe('Saved');
  const { items } = await (await page.request.get(`${server.url}/api/stories`)).json();
  const saved = items.find((s: { title: string }) => s.title === savedTitle);
  expect(saved).toMatchObject({ ...handWritten, strong: true });
  expect((await serverSession()).work.notes.p2Story).toBe(saved.id);
});

it('finishes, self-scores beside the STAR evidence, and the result keeps the score and the evidence', async () => {
  await finishMock(page);
  await page.waitForURL(/\/result$/, { timeout: 20_000 });
  const assessment = page.getByTestId('self-assessment');
  await assessment.waitFor();
  const suggested = await page.getByTestId('evidence-star-structure').textContent();
  expect(suggested).toContain('4 of 4');
  for (const fieldset of await assessment.locator('fieldset.criterion:has(.levels)').all()) {
    await fieldset.locator('label.level').nth(2).click();
  }
  await expect.poll(() => page.getByTestId('live-score').textContent()).toContain('67/100');
  await page.getByRole('button', { name: 'Save score' }).click();
  await expect.poll(() => page.getByTestId('score').textContent()).toContain('67/100');

  await page.reload();
  await expect.poll(() => page.getByTestId('score').textContent()).toContain('Hire');
  const first = await page.getByTestId('star-evidence-1').textContent();
  const second = await page.getByTestId('star-evidence-2').textContent();
  for (const text of [first, second]) {
    expect(text).toContain('4 of 4 STAR parts');
    expect(text).toContain('The result is stated with a number');
  }
  expect(second).toContain('Says what you would do differently');
  expect(first).toContain('No reflection');
  expect(second).toContain(handWritten.result);
  await page.screenshot({ path: path.join(shots, 'behavioral-result.png'), fullPage: true });
  const session = await serverSession();
  expect(session.selfScore.score).toBeCloseTo(66.7, 1);
  expect(session.evidence.behavioral.prompts.map((p: { storyId: string | null }) => p.storyId)).toEqual([
    bankStoryId,
    expect.any(String)
  ]);
});

it('lists the saved answer in the bank, and offers it in the next mock’s picker', async () => {
  await page.goto(`${server.url}/stories`);
  const saved = page.getByTestId('story').filter({ hasText: savedTitle });
  await expect.poll(() => saved.textContent()).toMatch(/Told in 1\s+mock/);
  expect(await page.getByTestId('story').filter({ hasText: bankStory.title }).textContent()).toMatch(
    /Told in 1\s+mock/
  );

  await page.goto(`${server.url}/questions/${behavioralFixtureThree.id}`);
  await page.getByRole('button', { name: 'Start behavioral mock' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
  await expect.poll(() => page.getByTestId('phase').textContent()).toContain('Prompt 1 of 1');
  // The bank loads beside the mock: its stories join the picker once they arrive.
  await expect
    .poll(() => page.getByTestId('story-choice').locator('option').allTextContents())
    .toEqual(expect.arrayContaining([savedTitle, bankStory.title]));
});
