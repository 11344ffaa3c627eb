/** The timed coding mock in Chromium: Monaco, Run on examples, Submit on hidden tests in Python, JavaScript and TypeScript. */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { finishMock, launchChromium, signUpThroughApi } from '../support/browser.ts';
import { codingFixture } from '../support/fixtures.ts';
import { editorText as editorTextOf, typeCode as typeCodeIn } from '../support/editor.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sessionId: string;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [codingFixture] });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  await page.goto(server.url);
  await signUpThroughApi(page, server.url, { email: 'coder@e2e.example', password: 'coder-password-1', name: 'Coder' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const typeCode = (code: string) => typeCodeIn(page, code);

const summary = () => page.getByTestId('results-summary').textContent();

it('starts a coding mock on the problem’s time box with the editor loaded', async () => {
  await page.goto(`${server.url}/questions/${codingFixture.id}`);
  await page.getByRole('button', { name: 'Start coding mock' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
  sessionId = page.url().split('/').pop()!;
  await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });
  const [m] = ((await page.getByTestId('remaining').textContent()) ?? '').split(':').map(Number);
  expect(m).toBeGreaterThanOrEqual(14);
  // The statement's Markdown is rendered: backticks become code, not characters.
  const statement = page.getByTestId('problem-statement');
  expect(await statement.locator('code').allTextContents()).toEqual(['nums', 'target']);
  expect(await statement.textContent()).not.toContain('`');
});

it(
  'takes typing in a plain editor before Monaco has loaded; Monaco takes over the text, the cursor and the focus',
  { timeout: 60_000 },
  async () => {
    // Monaco's import waits for its stylesheet: held, the page has only the plain editor.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = /\/assets\/monaco-lean\.[\w-]+\.css$/;
    await page.route(held, async (route) => {
      await released;
      await route.continue();
    });
    try {
      await page.reload();
      const plain = page.getByTestId('plain-editor');
      await plain.waitFor({ timeout: 30_000 });
      expect(await page.locator('.monaco-editor').count()).toBe(0);
      await plain.click();
      await plain.press('ControlOrMeta+End');
      await page.keyboard.type('\n// typed before Monaco\n');
      // Tab indents there, as in Monaco, rather than leaving the box.
      await page.keyboard.press('Tab');
      await page.keyboard.type('x');
      expect(await plain.inputValue()).toContain('// typed before Monaco\n  x');
      // Autosaved like any edit.
      const stored = async () =>
        (await (await page.request.get(`${server.url}/api/sessions/${sessionId}`)).json()).session.work.notes
          .codeTypescript as string;
      await expect.poll(stored, { timeout: 10_000 }).toContain('// typed before Monaco\n  x');
      // Back to the end of the comment: Monaco must take over this cursor, not just the text.
      for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
      release();
      await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('plain-editor').count()).toBe(0);
      await page.keyboard.type(' and after');
      await expect.poll(() => editorTextOf(page)).toContain('// typed before Monaco and after');
      await expect.poll(stored, { timeout: 10_000 }).toContain('// typed before Monaco and after');
    } finally {
      release();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  }
);

it('hands Monaco the language picked while the plain editor showed, with that language’s code', async () => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/monaco-lean\.[\w-]+\.css$/, async (route) => {
    await released;
    await route.continue();
  });
  if (codingFixture.kind !== 'coding') throw new Error('the coding fixture is a coding question');
  const { javascript } = codingFixture.starter;
  try {
    await page.reload();
    const plain = page.getByTestId('plain-editor');
    await plain.waitFor({ timeout: 30_000 });
    await page.getByLabel('Language').selectOption('javascript');
    await expect.poll(() => plain.inputValue()).toBe(javascript);
    release();
    await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => editorTextOf(page)).toBe(javascript);
    // Monaco marks the node it was created in with its model's language.
    expect(await page.getByTestId('code-editor').locator('[data-mode-id]').getAttribute('data-mode-id')).toBe(
      'javascript'
    );
    // Back to TypeScript in Monaco: its own code, typed before, is there.
    await page.getByLabel('Language').selectOption('typescript');
    await expect.poll(() => editorTextOf(page)).toContain('// typed before Monaco and after');
  } finally {
    release();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
});

/** Every text the runtime status showed from now on, as the page changed it (polls could miss a stage). */
async function watchRuntimeStatus(): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { runtimeSeen: string[] }).runtimeSeen = seen;
    const read = () => {
      const text = document.querySelector('[data-testid="runtime-status"]')?.textContent?.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { runtimeSeen: string[] }).runtimeSeen);
}

it(
  'loads Python in the background when the Python tab opens, showing its progress, with no Run',
  { timeout: 120_000 },
  async () => {
    const seen = await watchRuntimeStatus();
    await page.getByLabel('Language').selectOption('python');
    await expect.poll(seen, { timeout: 60_000 }).toContain('Python ready');
    const stages = await seen();
    expect(stages.some((text) => /^Loading Python… \d+\.\d MB$/.test(text))).toBe(true);
    expect(stages.indexOf('Starting Python…')).toBeLessThan(stages.indexOf('Python ready'));
    expect(await page.getByTestId('results-summary').count()).toBe(0);

    // Opened again with Python as its language (a reload), it loads without the tab being touched.
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
    await page.reload();
    // The plain editor takes typing meanwhile, and Monaco loads only once Python is up: on two cores the two
    // loads slowed each other.
    await page.getByTestId('plain-editor').waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('runtime-status').textContent()).toBe('Python ready');
    expect(await page.getByLabel('Language').inputValue()).toBe('python');
    expect(await page.getByTestId('results-summary').count()).toBe(0);
  }
);

it('says so when Python cannot load, and loads it when Run tries again', { timeout: 120_000 }, async () => {
  const other = await browser.newContext({ storageState: await context.storageState() });
  try {
    const fresh = await other.newPage();
    const refused = /\/pyodide\//;
    await fresh.route(refused, (route) => route.abort());
    await fresh.goto(`${server.url}/sessions/${sessionId}`);
    await fresh.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });
    expect(await fresh.getByLabel('Language').inputValue()).toBe('python');
    await expect
      .poll(() => fresh.getByTestId('runtime-status').textContent(), { timeout: 30_000 })
      .toBe('Python could not load; Run tries again');
    await fresh.unroute(refused);
    await fresh.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => fresh.getByTestId('runtime-status').textContent(), { timeout: 60_000 })
      .toBe('Python ready');
  } finally {
    await other.close();
  }
});

it(
  'solves it in Python: Run passes the examples and Submit passes every hidden test',
  { timeout: 120_000 },
  async () => {
    await page.getByLabel('Language').selectOption('python');
    await typeCode(
      'def two_sum(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n'
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(summary, { timeout: 60_000 }).toContain('3 of 3 examples pass');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(summary, { timeout: 30_000 }).toContain('7 of 7 hidden tests pass');
    const stored = (await (await page.request.get(`${server.url}/api/sessions/${sessionId}/submissions`)).json()).items;
    expect(stored.at(-1)).toMatchObject({ language: 'python', passed: 7, total: 7 });
    await page.screenshot({ path: path.join(shots, 'coding-mock.png') });
  }
);

it('runs JavaScript, and TypeScript with type annotations', { timeout: 60_000 }, async () => {
  await page.getByLabel('Language').selectOption('javascript');
  await typeCode(
    'function twoSum(nums, target) {\nconst seen = new Map();\nfor (let i = 0; i < nums.length; i++) {\nif (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\nseen.set(nums[i], i);\n}\n}\n'
  );
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(summary, { timeout: 30_000 }).toContain('Submission 2: 7 of 7 hidden tests pass');
  await page.getByLabel('Language').selectOption('typescript');
  await typeCode(
    'function twoSum(nums: number[], target: number): number[] {\nconst seen = new Map<number, number>();\nfor (let i = 0; i < nums.length; i++) {\nconst j = seen.get(target - nums[i]);\nif (j !== undefined) return [j, i];\nseen.set(nums[i], i);\n}\nreturn [];\n}\n'
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(summary, { timeout: 30_000 }).toContain('3 of 3 examples pass');
});

it(
  'stops an infinite loop with Time Limit Exceeded while the page stays usable, and shows a thrown error’s line',
  { timeout: 60_000 },
  async () => {
    await page.getByLabel('Language').selectOption('javascript');
    await typeCode('function twoSum(nums, target) {\nwhile (true) {}\n}\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // Stopped either way: over its limit, or (on a machine too busy to allow for) not judged against the code.
    await expect
      .poll(() => page.getByTestId('results').textContent(), { timeout: 30_000 })
      .toMatch(/Time Limit Exceeded|Not judged: over .* the machine was too busy/);
    await page.getByTestId('note-approach').fill('Hash map of seen values');
    expect(await page.getByTestId('note-approach').inputValue()).toBe('Hash map of seen values');
    await expect.poll(summary, { timeout: 20_000 }).toContain('0 of 3 examples pass');
    await typeCode('function twoSum(nums, target) {\nconst x = 1;\nthrow new Error("nope");\n}\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('results').textContent(), { timeout: 20_000 })
      .toContain('Error on line 3: Error: nope');
  }
);

it('keeps the code and the remaining time across a reload', { timeout: 60_000 }, async () => {
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
  const seconds = async () => {
    const [m, s] = ((await page.getByTestId('remaining').textContent()) ?? '0:0').split(':').map(Number);
    return (m ?? 0) * 60 + (s ?? 0);
  };
  const before = await seconds();
  await page.reload();
  await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });
  const editorText = () => editorTextOf(page);
  await expect.poll(editorText).toContain('throw new Error("nope")');
  expect(await page.getByTestId('note-approach').inputValue()).toBe('Hash map of seen values');
  expect(Math.abs((await seconds()) - before)).toBeLessThanOrEqual(3);
});

it(
  'runs Python with no network once the page has loaded it (Pyodide served by us and cached)',
  { timeout: 90_000 },
  async () => {
    await context.setOffline(true);
    await page.getByLabel('Language').selectOption('python');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(summary, { timeout: 60_000 }).toContain('3 of 3 examples pass');
    await context.setOffline(false);
  }
);

it('finishes, and the result page shows the hidden-test evidence and the code', async () => {
  await finishMock(page);
  await page.waitForURL(/\/result$/);
  await expect.poll(() => page.getByTestId('coding-evidence').textContent()).toContain('passed');
  await page.screenshot({ path: path.join(shots, 'coding-result.png'), fullPage: true });
});

it('shows the session on the insights page by pattern and against the box, and keeps an edited weekly recap across a reload', async () => {
  await page.goto(`${server.url}/insights`);
  await expect
    .poll(() => page.getByTestId('patterns').textContent(), { timeout: 10_000 })
    .toContain('Arrays & Hashing');
  expect(await page.getByTestId('patterns').textContent()).toContain('1 of 1');
  // Both submissions passed every hidden test.
  expect(await page.getByTestId('patterns').textContent()).toContain('100%');
  expect(await page.getByTestId('coding-time').textContent()).toContain('15 min');
  const recap = page.getByLabel('Weekly recap');
  await recap.press('ControlOrMeta+End');
  await recap.pressSequentially('\n- Note: pair sums are automatic now');
  await expect.poll(() => page.getByTestId('recap-status').textContent(), { timeout: 10_000 }).toContain('Saved');
  await page.screenshot({ path: path.join(shots, 'insights-coding.png'), fullPage: true });
  await page.reload();
  await expect.poll(() => recap.inputValue(), { timeout: 10_000 }).toContain('pair sums are automatic now');
});
