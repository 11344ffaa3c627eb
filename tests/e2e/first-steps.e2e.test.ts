/**
 * What a new user tripped on (issue 36), in Chromium: a short password's message, the question list's marks and
 * filters, History's Behavioral filter, resetting code to the template, Finish's in-app dialog and the result's
 * end time.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { finishMock, launchChromium, signUpThroughApi } from '../support/browser.ts';
import { editorText, typeCode } from '../support/editor.ts';
import {
  behavioralFixture,
  behavioralFixtureTwo,
  codingFixture,
  codingFixtureTwo,
  designFixture
} from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { issuePasswordReset } from '../../apps/api/src/services/auth.ts';
import { createUsersRepo } from '../../apps/api/src/db/users-repo.ts';

/** The coding fixture's TypeScript template, as the reset puts it back. */
const STARTER = 'function twoSum(nums: number[], target: number): number[] {}';
const shots = path.resolve(import.meta.dirname, '../../test-results/first-steps');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({
    web: true,
    questions: [designFixture, codingFixture, codingFixtureTwo, behavioralFixture, behavioralFixtureTwo]
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const post = async (urlPath: string, data: unknown = {}) => {
  const res = await page.request.post(`${server.url}${urlPath}`, { data });
  expect(res.ok(), `${urlPath}: ${await res.text()}`).toBe(true);
  return res.json();
};

it('says what is wrong with a short password in words, beside the field and at the top', async () => {
  await page.goto(`${server.url}/signup`);
  await page.getByLabel('Name').fill('New Person');
  await page.getByLabel('E-mail').fill('new@first-steps.example');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  const alert = page.getByTestId('form-error');
  await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toBe('Password: use at least 8 characters.');
  expect(await page.locator('.field-error').textContent()).toBe('Use at least 8 characters');
  await page.screenshot({ path: path.join(shots, 'signup-short-password-1440.png') });

  const res = await signUpThroughApi(page, server.url, {
    email: 'new@first-steps.example',
    password: 'first-steps-password-1',
    name: 'New Person'
  });
  expect(res.status()).toBe(200);
});

it('marks questions done and attempted, and filters by pattern, topic, roadmap and progress across a reload', async () => {
  const done = (await post('/api/sessions', { questionId: codingFixture.id })).session.id as string;
  await post(`/api/sessions/${done}/submit`);
  await post('/api/sessions', { questionId: codingFixtureTwo.id });

  await page.goto(`${server.url}/questions`);
  const row = (title: string) => page.getByTestId('question-row').filter({ hasText: title });
  await expect.poll(() => row(codingFixture.title).getAttribute('data-progress'), { timeout: 10_000 }).toBe('done');
  expect(await row(codingFixture.title).textContent()).toContain('Done');
  expect(await row(codingFixtureTwo.title).getAttribute('data-progress')).toBe('attempted');
  expect(await row(designFixture.title).getAttribute('data-progress')).toBe('todo');
  await page.screenshot({ path: path.join(shots, 'questions-1440.png'), fullPage: true });

  const titles = () => page.getByTestId('question-row').locator('a strong').allTextContents();
  await page.getByLabel('Pattern').selectOption('Arrays & Hashing');
  const sorted = async () => (await titles()).sort();
  await expect.poll(sorted, { timeout: 10_000 }).toEqual([codingFixtureTwo.title, codingFixture.title].sort());
  await page.getByLabel('Topic').selectOption('hash-map');
  await expect.poll(titles, { timeout: 10_000 }).toEqual([codingFixture.title]);
  await page.reload();
  await expect.poll(titles, { timeout: 10_000 }).toEqual([codingFixture.title]);
  expect(page.url()).toContain('pattern=Arrays');

  await page.goto(`${server.url}/questions?roadmap=60-day+plan`);
  await expect.poll(sorted, { timeout: 10_000 }).toEqual([behavioralFixture.title, behavioralFixtureTwo.title].sort());
  await page.goto(`${server.url}/questions?progress=attempted`);
  await expect.poll(titles, { timeout: 10_000 }).toEqual([codingFixtureTwo.title]);
});

it('filters History to behavioral mocks from the Kind menu', async () => {
  await post('/api/behavioral-mocks', { durationMin: 30, count: 2 });
  await page.goto(`${server.url}/sessions`);
  await page.getByLabel('Kind').selectOption({ label: 'Behavioral' });
  await page.waitForURL(/kind=behavioral/);
  const kinds = () => page.locator('table tbody tr td:nth-child(2)').allTextContents();
  await expect.poll(async () => [...new Set(await kinds())], { timeout: 10_000 }).toEqual(['Behavioral']);
  await page.reload();
  expect(await page.getByLabel('Kind').inputValue()).toBe('behavioral');
});

it('resets the code to the template after asking, and a solo mock names no reviewer', async () => {
  const { session } = await post('/api/sessions', { questionId: codingFixture.id });
  await page.goto(`${server.url}/sessions/${session.id}`);
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
  expect(await page.locator('.toolbar').textContent()).not.toContain('reviewer');
  await typeCode(page, 'function twoSum(nums: number[], target: number): number[] {\n  return [42, 43];\n}');
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');

  // Declining keeps the code.
  await page.getByTestId('reset-code').click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByRole('button', { name: 'Keep my code' }).click();
  expect(await editorText(page)).toContain('return [42, 43];');

  await page.getByTestId('reset-code').click();
  await dialog.getByRole('button', { name: 'Reset the code' }).click();
  await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(STARTER);
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
  await page.reload();
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
  await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(STARTER);
});

it('asks before finishing in an in-app dialog, and the result says when it finished', async () => {
  const { session } = await post('/api/sessions', { questionId: designFixture.id });
  await page.goto(`${server.url}/sessions/${session.id}`);
  let nativeDialogs = 0;
  page.on('dialog', (d) => {
    nativeDialogs += 1;
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
  await page.screenshot({ path: path.join(shots, 'finish-dialog-1440.png') });
  await dialog.getByRole('button', { name: 'Keep going' }).click();
  await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
  expect(page.url()).toMatch(/\/sessions\/[0-9a-f]{24}$/);

  await finishMock(page);
  await page.waitForURL(/\/result$/);
  expect(nativeDialogs).toBe(0);
  const full = (await (await page.request.get(`${server.url}/api/sessions/${session.id}`)).json()).session;
  const expected = await page.evaluate((at) => new Date(at).toLocaleString(), full.submittedAt as string);
  await expect
    .poll(() => page.getByTestId('finished-at').textContent(), { timeout: 10_000 })
    .toBe(`Finished · ${expected}`);
});

it('sets a new password with the owner’s one-time link, then signs in with it', async () => {
  const issued = await issuePasswordReset(createUsersRepo(server.database), 'new@first-steps.example');
  await page.goto(`${server.url}/reset-password#${issued!.token}`);
  await page.getByLabel('New password').fill('a fresh pass phrase 9');
  await page.getByLabel('The same password again').fill('a fresh pass phrase 9');
  await page.screenshot({ path: path.join(shots, 'reset-password-1440.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'reset-password-390.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Set the password' }).click();
  await page.waitForURL(/\/signin\?reset=1$/);
  expect(await page.getByTestId('form-notice').textContent()).toContain('Your new password is set');
  await page.getByLabel('E-mail').fill('new@first-steps.example');
  await page.getByLabel('Password').fill('a fresh pass phrase 9');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/dashboard$/);
});
