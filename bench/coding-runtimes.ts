/**
 * The coding mock's runtimes in headless Chromium: Pyodide's first load and a warm run, and the time to run the
 * hidden tests of three problems in each language through the real page (Submit → worker → result).
 * Baseline: the same reference solutions judged by the same harness in Node, in the same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadQuestionBank, loadSolutions } from '@mockloop/question-bank/load';
import type { CodingQuestion } from '@mockloop/question-bank/schema';
import { runCase, transpileTypeScript } from '../question-bank/src/harness/index.ts';
import { nodeRuntimes } from '../question-bank/src/harness/node.ts';
import { startServer } from '../apps/api/src/server.ts';
import type { Page } from 'playwright-core';
import { launchChromium, signUpThroughApi } from '../tests/support/browser.ts';

const PROBLEMS = ['lc-0001-two-sum', 'lc-0020-valid-parentheses', 'lc-0704-binary-search'];
const LANGUAGES = ['javascript', 'typescript', 'python'] as const;

/**
 * Clicks a button and measures, in the page, until the results say `done` after having said "Running": a warm
 * run can be over before a poll from outside the page would see "Running" at all.
 */
function timeClick(page: Page, button: 'Run' | 'Submit', done: RegExp): Promise<number> {
  // A string, not a function: tsx would wrap a function's inner helpers in a `__name` the page does not have.
  const script = `new Promise((resolve) => {
    const pattern = new RegExp(${JSON.stringify(done.source)}, ${JSON.stringify(done.flags)});
    const summary = () => document.querySelector('[data-testid="results-summary"]')?.textContent ?? '';
    let running = false;
    const observer = new MutationObserver(() => {
      if (summary().includes('Running')) running = true;
      else if (running && pattern.test(summary())) {
        observer.disconnect();
        resolve(performance.now() - started);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const target = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(button)});
    const started = performance.now();
    target.click();
  })`;
  return page.evaluate(script) as Promise<number>;
}

const bank = await loadQuestionBank();
const problems = PROBLEMS.map((id) => bank.find((q) => q.id === id) as CodingQuestion & { version: string });
const { handler } = (await import(path.resolve(import.meta.dirname, '../apps/web/build/handler.js'))) as {
  handler: Parameters<typeof startServer>[0] extends infer O ? (O extends { webHandler?: infer H } ? H : never) : never;
};
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-coding-'));
const server = await startServer({ port: 0, dataDir, dbName: 'bench', webHandler: handler });
const browser = await launchChromium();
const rows: string[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await page.goto(server.url);
  await signUpThroughApi(page, server.url, { email: 'bench@example.com', password: 'bench-password-1', name: 'Bench' });
  const summary = page.getByTestId('results-summary');

  for (const problem of problems) {
    const solutions = await loadSolutions(problem.id);
    const created = await page.request.post(`${server.url}/api/sessions`, {
      data: { questionId: problem.id, durationMin: 90 }
    });
    const { session } = (await created.json()) as { session: { id: string } };
    await page.goto(`${server.url}/sessions/${session.id}`);
    await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 60_000 });
    for (const language of LANGUAGES) {
      await page.getByLabel('Language').selectOption(language);
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      const code =
        language === 'python'
          ? solutions.python
          : language === 'javascript'
            ? transpileTypeScript(solutions.typescript)
            : solutions.typescript;
      await page.evaluate((text) => navigator.clipboard.writeText(text), code);
      await page.keyboard.press('ControlOrMeta+V');
      const ms = await timeClick(page, 'Submit', /\d+ of \d+ hidden tests pass/);
      const text = (await summary.textContent()) ?? '';
      rows.push(
        `  ${problem.id.padEnd(28)} ${language.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms in the browser   ${text.replace(/^.*?: /, '')}`
      );
    }
  }

  // Pyodide: a fresh page, first Python run (load included) and a second, warm one.
  const fresh = await context.newPage();
  const created = await fresh.request.post(`${server.url}/api/sessions`, {
    data: { questionId: problems[0]!.id, durationMin: 90 }
  });
  await fresh.goto(`${server.url}/sessions/${((await created.json()) as { session: { id: string } }).session.id}`);
  await fresh.locator('.monaco-editor textarea').first().waitFor({ timeout: 60_000 });
  const timeRun = () => timeClick(fresh, 'Run', /\d+ of \d+ examples pass/);
  await fresh.getByLabel('Language').selectOption('python');
  const first = await timeRun();
  const warm = await timeRun();
  rows.push(
    `  Pyodide, first Python Run (runtime load included): ${first.toFixed(0)} ms; warm Run: ${warm.toFixed(0)} ms`
  );
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}

// Baseline: the same judging in Node.
const runtimes = await nodeRuntimes();
for (const problem of problems) {
  for (const language of ['typescript', 'python'] as const) {
    const solution = await runtimes[language].prepare((await loadSolutions(problem.id))[language], problem);
    const started = performance.now();
    for (const test of problem.hiddenTests) await runCase(solution, problem, test);
    rows.push(
      `  baseline ${problem.id.padEnd(19)} ${language.padEnd(10)} ${(performance.now() - started).toFixed(0).padStart(6)} ms in Node (harness only)`
    );
  }
}
console.log(`coding runtimes (${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})`);
for (const row of rows) console.log(row);
