/**
 * Assessment mode in Chromium: two problems on one clock, switching between them keeps each one's code, and the
 * result shows both problems' tests and one score for the pair.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { finishMock, launchChromium, signUpThroughApi } from '../support/browser.ts';
import { codingFixture, codingFixtureTwo } from '../support/fixtures.ts';
import { editorText as editorTextOf, typeCode as typeCodeIn } from '../support/editor.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [codingFixture, codingFixtureTwo] });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  await page.goto(server.url);
  await signUpThroughApi(page, server.url, {
    email: 'assessed@e2e.example',
    password: 'assessed-password-1',
    name: 'Assessed'
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const typeCode = (code: string) => typeCodeIn(page, code);
const summary = () => page.getByTestId('results-summary').textContent();
const editorText = () => editorTextOf(page);
const secondsLeft = async () => {
  const [m, s] = ((await page.getByTestId('remaining').textContent()) ?? '0:0').split(':').map(Number);
  return m! * 60 + s!;
};
const editorReady = () => page.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });

it(
  'solves two problems on one clock, switching between them, and finishes both at once',
  { timeout: 120_000 },
  async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByLabel('Assessment length').selectOption('90');
    await page.getByTestId('start-assessment').click();
    await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
    const firstUrl = page.url();
    await editorReady();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(codingFixture.title);
    expect(await page.locator('.kicker').textContent()).toContain('Assessment · problem 1 of 2 · 90 min');
    expect(await secondsLeft()).toBeGreaterThan(89 * 60 - 5);

    await page.getByLabel('Language').selectOption('javascript');
    await typeCode(
      'function twoSum(nums, target) {\nconst seen = new Map();\nfor (let i = 0; i < nums.length; i++) {\nif (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\nseen.set(nums[i], i);\n}\n}\n'
    );
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(summary, { timeout: 30_000 }).toContain('7 of 7 hidden tests pass');

    // Problem 2: its own starter code, the same clock.
    await page.getByTestId('part-2').click();
    await page.waitForURL((url) => url.href !== firstUrl);
    await editorReady();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(codingFixtureTwo.title);
    expect(await editorText()).toContain('largest');
    const onSecond = await secondsLeft();
    expect(onSecond).toBeGreaterThan(89 * 60 - 30);
    await page.getByLabel('Language').selectOption('javascript');
    await typeCode(
      'function largest(nums) {\nlet best = nums[0];\nfor (const x of nums) if (x > best) best = x;\nreturn best;\n}\n'
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(summary, { timeout: 30_000 }).toContain('3 of 3 examples pass');
    await page.screenshot({ path: path.join(shots, 'assessment.png') });

    // Back to problem 1: its code is still there, and the clock kept running for both.
    await page.getByTestId('part-1').click();
    await page.waitForURL(firstUrl);
    await editorReady();
    await expect.poll(editorText, { timeout: 10_000 }).toContain('seen.set');
    expect(Math.abs((await secondsLeft()) - onSecond)).toBeLessThan(30);

    // A reload of problem 2 keeps its code.
    await page.getByTestId('part-2').click();
    await page.waitForURL((url) => url.href !== firstUrl);
    await page.reload();
    await editorReady();
    await expect.poll(editorText, { timeout: 10_000 }).toContain('best = x');

    await finishMock(page, 'Finish assessment');
    await page.waitForURL(/\/result$/);
    const parts = page.getByTestId('assessment-parts');
    await expect.poll(() => parts.textContent()).toContain(`1. ${codingFixture.title}`);
    // Problem 1 passed every test, problem 2 was never submitted: one score for the pair, 50/100.
    expect(await page.getByTestId('assessment-part-1').textContent()).toContain('7 / 7');
    expect(await page.getByTestId('assessment-part-2').textContent()).toContain('Not submitted');
    expect(await page.getByTestId('assessment-combined').textContent()).toContain('50/100');
    const firstId = firstUrl.split('/').pop();
    const first = await (await page.request.get(`${server.url}/api/sessions/${firstId}`)).json();
    expect(first.session).toMatchObject({ status: 'submitted', submitReason: 'finished' });
    await page.screenshot({ path: path.join(shots, 'assessment-result.png'), fullPage: true });

    // The history shows the two problems together as one assessment, in order, not as unrelated rows.
    await page.goto(`${server.url}/sessions?kind=coding`);
    const rows = page.getByTestId('history').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Assessment · problem 1');
    expect(await rows.nth(1).textContent()).toContain('Assessment · problem 2');
    expect(await rows.nth(0).textContent()).toContain(codingFixture.title);
  }
);
