/** A person signs up, signs out, signs in and sees the dashboard, in a real headless Chromium. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
mkdirSync(shots, { recursive: true });

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({ web: true });
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const person = { name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol-forever-1959' };

it('signs up and lands on the dashboard, which survives a reload', async () => {
  await page.goto(`${server.url}/signup`);
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/dashboard');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Welcome, ${person.name}`);
  await page.reload();
  await expect.poll(() => page.getByTestId('user-name').textContent()).toBe(person.name);
});

it('signs out, and the dashboard then asks to sign in', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signin');
  await page.goto(`${server.url}/dashboard`);
  await page.waitForURL('**/signin?next=%2Fdashboard');
});

it('shows an error for a wrong password and stays on the sign-in page', async () => {
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Password').fill('not-my-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/do not match/);
  expect(new URL(page.url()).pathname).toBe('/signin');
});

it('signs in and returns to the page that asked for it', async () => {
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/dashboard');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Welcome, ${person.name}`);
});

it('"Surprise me" starts a design mock at the chosen level and on the chosen topic', async () => {
  await page.getByLabel('Level', { exact: true }).selectOption('staff');
  const topics = await page.getByLabel('Topic').locator('option').allTextContents();
  expect(topics).toContain('rag (2)');
  await page.getByLabel('Topic').selectOption('rag');
  await page.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true });
  await page.getByRole('button', { name: 'Surprise me' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
  const id = page.url().split('/').pop()!;
  const { session } = await (await page.request.get(`${server.url}/api/sessions/${id}`)).json();
  expect(session.question.level).toBe('staff');
  expect(session.question.tags).toContain('rag');
});

it('shows field errors from the server on a bad sign-up', async () => {
  const fresh = await browser.newPage();
  await fresh.goto(`${server.url}/signup`);
  await fresh.getByLabel('E-mail').fill('not-an-email');
  await fresh.getByLabel('Password').fill('short');
  await fresh.getByRole('button', { name: 'Create account' }).click();
  await expect
    .poll(() => fresh.locator('.field-error').allTextContents())
    .toEqual(['Enter your name', 'Enter a valid e-mail address', 'Use at least 8 characters']);
  await fresh.close();
});

it('says why an easily guessed password is refused, beside the field, and creates no account', async () => {
  const fresh = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await fresh.goto(`${server.url}/signup`);
  await fresh.getByLabel('Name').fill('Weak Password');
  await fresh.getByLabel('E-mail').fill('weak@e2e.example');
  await fresh.getByLabel('Password').fill('12345678');
  await fresh.getByRole('button', { name: 'Create account' }).click();
  await expect
    .poll(() => fresh.locator('.field-error').allTextContents())
    .toEqual([expect.stringMatching(/^This password is too easy to guess\. This is a heavily used password\./)]);
  expect(new URL(fresh.url()).pathname).toBe('/signup');
  await fresh.screenshot({ path: path.join(shots, 'signup-weak-password-390.png'), fullPage: true });
  await fresh.close();
});

it('signing up again with a registered e-mail signs in with its own password, and says only that otherwise', async () => {
  for (const width of [1440, 390]) {
    const fresh = await browser.newPage({ viewport: { width, height: 900 } });
    await fresh.goto(`${server.url}/signup`);
    await fresh.getByLabel('Name').fill('Someone Else');
    await fresh.getByLabel('E-mail').fill(person.email.toUpperCase());
    await fresh.getByLabel('Password').fill('another-password-1');
    await fresh.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => fresh.getByTestId('form-error').textContent())
      .toMatch(/could not sign you in.*If this e-mail already has an account, sign in with its password/);
    expect(new URL(fresh.url()).pathname).toBe('/signup');
    await fresh.screenshot({ path: path.join(shots, `signup-registered-${width}.png`), fullPage: true });
    await fresh.close();
  }
  // Its owner, signing up again by mistake, simply gets in.
  const owner = await browser.newPage();
  await owner.goto(`${server.url}/signup`);
  await owner.getByLabel('Name').fill(person.name);
  await owner.getByLabel('E-mail').fill(person.email);
  await owner.getByLabel('Password').fill(person.password);
  await owner.getByRole('button', { name: 'Create account' }).click();
  await owner.waitForURL('**/dashboard');
  await owner.close();
});
