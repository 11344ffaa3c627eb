/**
 * The coding editor keeps exactly what is typed: 25 ms a key through 300 ms of added latency, with another writer
 * saving mid-typing so this tab's save comes back 409 CONFLICT and is merged while the typing goes on. On a phone-
 * sized and a desktop page, 10 runs each; every run ends with exactly the typed text, the cursor at its end (the
 * next run's keys land there), one save of this tab out at a time, and no conflict marker in the code.
 */
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from './browser.ts';
import { codingFixture } from './fixtures.ts';
import { editorText } from './editor.ts';
import { startTestServer } from './server.ts';

const RUNS = 10;
const KEY_DELAY_MS = 25;
const LATENCY_MS = 300;

/** Lowercase words and digits only: no key Monaco completes, closes or indents on its own. */
const words = ['keeps', 'every', 'key', 'typed', 'here', 'while', 'saves', 'cross', 'the', 'wire'];
const textOf = (run: number, half: number) =>
  ` r${run}h${half} ${words.slice((run + half) % 5, ((run + half) % 5) + 4).join(' ')}`;

/** The test for one page size, with a server and a browser of its own: each size is a file, run in parallel. */
export function editorConflictSuite(name: string, viewport: { width: number; height: number }): void {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ web: true, questions: [codingFixture] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    `on a ${name} page, ${RUNS} runs of typing through latency and a forced conflict end with exactly the typed text`,
    { timeout: 240_000 },
    async () => {
      const { context, page } = await signedInPerson(browser, server.url, `Typist${name}`, {
        domain: 'editor.e2e.example',
        viewport
      });
      const created = await page.request.post(`${server.url}/api/sessions`, { data: { questionId: codingFixture.id } });
      expect(created.status()).toBe(201);
      const sessionId: string = (await created.json()).session.id;
      const stored = async (): Promise<{ revision: number; work: { notes: Record<string, string> } }> =>
        (await (await page.request.get(`${server.url}/api/sessions/${sessionId}`)).json()).session;

      await page.goto(`${server.url}/sessions/${sessionId}`);
      await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 60_000 });

      // Every request of the page takes 300 ms more (Chromium's own network emulation).
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: LATENCY_MS,
        downloadThroughput: -1,
        uploadThroughput: -1
      });

      // The page's saves: how many are out at once, and which came back 409.
      const isSave = (request: Request) => request.method() === 'PATCH' && request.url().endsWith('/work');
      let out = 0;
      let mostOut = 0;
      let conflicts = 0;
      const settle = (request: Request) => isSave(request) && out--;
      page.on('request', (request) => {
        if (isSave(request)) mostOut = Math.max(mostOut, ++out);
      });
      page.on('requestfinished', settle);
      page.on('requestfailed', settle);
      page.on('response', (response) => {
        if (isSave(response.request()) && response.status() === 409) conflicts++;
      });
      // The forced conflict: when the page's first save of a run goes out, another writer saves first (a note
      // only, so the code the page holds stays the one true text) and the page's save meets a moved revision.
      let conflictFor: number | null = null;
      const bumps: number[] = [];
      await page.route('**/api/sessions/*/work', async (route) => {
        const run = conflictFor;
        try {
          if (route.request().method() === 'PATCH' && run !== null) {
            conflictFor = null;
            const { revision } = await stored();
            const bumped = await page.request.patch(`${server.url}/api/sessions/${sessionId}/work`, {
              data: { revision, notes: { timeComplexity: `O(${run}) by another writer` } }
            });
            bumps.push(bumped.status());
          }
        } finally {
          await route.continue();
        }
      });

      const saved = () =>
        expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 20_000 }).toBe('Saved');

      // An empty editor to start from.
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await saved();
      await expect.poll(async () => (await stored()).work.notes.codeTypescript ?? '').toBe('');

      let expected = '';
      const differences: string[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const conflictsBefore = conflicts;
        conflictFor = run;
        await page.keyboard.type(textOf(run, 1), { delay: KEY_DELAY_MS });
        expected += textOf(run, 1);
        // Keep typing while the save that meets the conflict is out.
        await expect.poll(() => out > 0 || conflictFor === null, { timeout: 10_000 }).toBe(true);
        await page.keyboard.type(textOf(run, 2), { delay: KEY_DELAY_MS });
        expected += textOf(run, 2);
        await saved();
        await expect.poll(async () => (await stored()).work.notes.codeTypescript, { timeout: 10_000 }).toBe(expected);
        const shown = await editorText(page);
        if (shown !== expected) differences.push(`run ${run}: ${JSON.stringify(shown)}`);
        expect(conflicts, `run ${run} met a conflict`).toBeGreaterThan(conflictsBefore);
      }
      // The cursor is at the end: one more key lands there.
      await page.keyboard.type(' end', { delay: KEY_DELAY_MS });
      expected += ' end';
      await saved();
      await expect.poll(async () => (await stored()).work.notes.codeTypescript, { timeout: 10_000 }).toBe(expected);
      expect(await editorText(page)).toBe(expected);

      expect(differences).toEqual([]);
      expect(mostOut).toBe(1);
      expect(bumps).toEqual(Array(RUNS).fill(200));
      expect((await stored()).work.notes.timeComplexity).toBe(`O(${RUNS}) by another writer`);
      expect(await page.getByTestId('code-choice').count()).toBe(0);
      await page.screenshot({ path: `test-results/editor-conflict-${name}.png` });
      await context.close();
    }
  );
}
