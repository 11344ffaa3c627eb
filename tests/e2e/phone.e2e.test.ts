/** A phone's 390×844 screen: the whiteboard and the code editor are wide enough to use, and they are used. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signUpThroughApi } from '../support/browser.ts';
import { editorText, typeCode } from '../support/editor.ts';
import { codingFixture, designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { canvas, drawShape } from '../support/whiteboard.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture, codingFixture] });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  await page.goto(server.url);
  const res = await signUpThroughApi(page, server.url, {
    email: 'phone@e2e.example',
    password: 'phone-password-1',
    name: 'Phone'
  });
  expect(res.status()).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function start(questionId: string): Promise<string> {
  const res = await page.request.post(`${server.url}/api/sessions`, { data: { questionId } });
  const { session } = await res.json();
  await page.goto(`${server.url}/sessions/${session.id}`);
  return session.id;
}

const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const session = async (id: string) =>
  (await (await page.request.get(`${server.url}/api/sessions/${id}`)).json()).session;

it('the design mock shows a whiteboard at least 300 px wide, and a rectangle drawn on it is saved', async () => {
  const id = await start(designFixture.id);
  await canvas(page).waitFor({ timeout: 30_000 });
  const board = (await page.getByTestId('whiteboard').boundingBox())!;
  expect(board.width).toBeGreaterThanOrEqual(300);
  expect(board.height).toBeGreaterThanOrEqual(300);
  expect(await sideways()).toBeLessThanOrEqual(0);

  await drawShape(page, 'rectangle', 60, 160);
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
  const elements = (await session(id)).work.scene.elements as { type: string; width: number }[];
  expect(elements.find((e) => e.type === 'rectangle')?.width).toBeGreaterThan(50);
  await page.screenshot({ path: 'test-results/phone-design-mock.png' });
});

it('the coding mock shows an editor at least 300 px wide, and code typed into it is saved', async () => {
  const id = await start(codingFixture.id);
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
  const editor = (await page.locator('.monaco-editor').first().boundingBox())!;
  expect(editor.width).toBeGreaterThanOrEqual(300);
  expect(editor.height).toBeGreaterThanOrEqual(250);
  expect(await sideways()).toBeLessThanOrEqual(0);
  // What Submit runs is a line across the page, not a column squeezed between the language menu and the buttons.
  expect((await page.getByTestId('submit-scope').boundingBox())!.width).toBeGreaterThanOrEqual(300);

  await typeCode(page, 'function twoSum(nums: number[], target: number): number[] {\n  return [0, 1];\n}');
  expect(await editorText(page)).toContain('return [0, 1];');
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
  expect((await session(id)).work.notes.codeTypescript).toContain('return [0, 1];');
  await page.screenshot({ path: 'test-results/phone-coding-mock.png' });
});
