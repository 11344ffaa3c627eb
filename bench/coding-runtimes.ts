/**
 * The coding mock's runtimes in headless Chromium: Pyodide's first load and a warm run, and the time to run the
 * hidden tests of three problems in each language through the real page (Submit → worker → result).
 * Baseline: the same reference solutions judged by the same harness in Node, in the same run. And the sandbox's
 * cost: the same calls through the sandbox (opaque-origin iframe, its worker, validated replies) against the same
 * worker script started directly in the page (today's same-origin worker), side by side in one page.
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
import { PYODIDE_FILES, PYTHON_LOAD_MARKS } from '@mockloop/contracts/sandbox';
import { launchChromium, signUpThroughApi } from '../tests/support/browser.ts';
import { serveStatic } from './monaco-baseline.ts';

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

/** Page script: Pyodide's files fetched from our origin into `files`. */
const FETCH_PYODIDE_FILES = `  const files = {};
  await Promise.all(${JSON.stringify(PYODIDE_FILES)}.map(async (name) => {
    files[name] = await (await fetch('/pyodide/' + name)).arrayBuffer();
  }));
`;

/** Pyodide loaded in a bare page: its files fetched from our origin and started in a plain worker (ms). */
const bareLoadScript = `(async () => {
  const started = performance.now();
  const source = await (await fetch('/sandbox/worker.js')).text();
${FETCH_PYODIDE_FILES}  const channel = new MessageChannel();
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  worker.postMessage({ type: 'init', language: 'python', files }, [channel.port2]);
  const reply = await new Promise((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data);
    channel.port1.postMessage({ type: 'load', id: 1 });
  });
  if (reply.type !== 'loaded') throw new Error('The bare page could not load Pyodide: ' + JSON.stringify(reply));
  return performance.now() - started;
})()`;

/**
 * A fresh Python sandbox's start in a bare page once the files are there, as after a time-out or for the
 * performance tests: booting Pyodide (the baseline) against restoring the snapshot the first worker made as it
 * booted, taking turns, three rounds each (ms to the load's answer).
 */
const bareRestartScript = `(async () => {
  const source = await (await fetch('/sandbox/worker.js')).text();
${FETCH_PYODIDE_FILES}  const start = async (snapshot) => {
    const started = performance.now();
    const channel = new MessageChannel();
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    worker.postMessage({ type: 'init', language: 'python', files, snapshot }, [channel.port2]);
    const reply = await new Promise((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data);
      channel.port1.postMessage({ type: 'load', id: 1 });
    });
    worker.terminate();
    if (reply.type !== 'loaded') throw new Error('Could not load Pyodide: ' + JSON.stringify(reply));
    return { ms: performance.now() - started, reply };
  };
  const first = await start(undefined);
  const snapshot = first.reply.snapshot;
  if (!(snapshot instanceof ArrayBuffer)) throw new Error('The first sandbox sent no snapshot.');
  const boot = [], restore = [];
  for (let round = 0; round < 3; round++) {
    boot.push((await start(undefined)).ms);
    const restored = await start(snapshot);
    if (!restored.reply.restored) throw new Error('The sandbox given the snapshot booted instead.');
    restore.push(restored.ms);
  }
  return { boot, restore };
})()`;

const bank = await loadQuestionBank();
const problems = PROBLEMS.map((id) => bank.find((q) => q.id === id) as CodingQuestion & { version: string });
const { handler } = (await import(path.resolve(import.meta.dirname, '../apps/web/build/handler.js'))) as {
  handler: Parameters<typeof startServer>[0] extends infer O ? (O extends { webHandler?: infer H } ? H : never) : never;
};
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-coding-'));
const server = await startServer({ port: 0, dataDir, dbName: 'bench', webHandler: handler });
/** The built client folder (Pyodide's files and the sandbox's worker) on a plain static server. */
const staticClient = await serveStatic(path.resolve(import.meta.dirname, '../apps/web/build/client'));
const browser = await launchChromium();
const rows: string[] = [];
/** Warm Run and Submit as the page does them (click to result shown), per language. */
let pageTimes: { run: Record<string, number>; submit: Record<string, number> } | undefined;
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

  // Pyodide: a fresh page (an empty cache) with Python as its language, its first Run clicked 5 s after the page
  // opened (the runtime loads in the background from the start), then a warm one. Against it, in the same run:
  // Pyodide loaded in a bare page (its files fetched and started in a plain worker, nothing else on the page).
  const pythonRounds: { page: number; bare: number; firstRun: number; warm: number }[] = [];
  let fresh!: Page;
  for (let round = 0; round < 2; round++) {
    // The bare page is served apart from the app: our pages' policy would refuse the worker's blob imports.
    const bareContext = await browser.newContext();
    const bare = await bareContext.newPage();
    const bareUrl = `${staticClient}bare.html`;
    await bare.route(bareUrl, (route) =>
      route.fulfill({ body: '<!doctype html><title>bare</title>', contentType: 'text/html' })
    );
    await bare.goto(bareUrl);
    const bareMs = (await bare.evaluate(bareLoadScript)) as number;
    if (round === 0) {
      const { boot, restore } = (await bare.evaluate(bareRestartScript)) as { boot: number[]; restore: number[] };
      const mid = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
      const ratio = mid(restore) / mid(boot);
      rows.push(
        `  A fresh Python sandbox (bare page, median of 3): restoring the first one's snapshot ${mid(restore).toFixed(0)} ms vs booting ${mid(boot).toFixed(0)} ms ` +
          `(×${ratio.toFixed(2)}; goal ≤ ×0.5: ${ratio <= 0.5 ? 'met' : 'NOT met'})`
      );
    }
    await bareContext.close();

    const pageContext = await browser.newContext({ storageState: await context.storageState() });
    fresh = await pageContext.newPage();
    const created = await fresh.request.post(`${server.url}/api/sessions`, {
      data: { questionId: problems[0]!.id, durationMin: 90 }
    });
    const id = ((await created.json()) as { session: { id: string } }).session.id;
    const saved = await fresh.request.patch(`${server.url}/api/sessions/${id}/work`, {
      data: { revision: 0, notes: { language: 'python' } }
    });
    if (!saved.ok()) throw new Error(`Could not open the session in Python: ${saved.status()} ${await saved.text()}`);
    await fresh.goto(`${server.url}/sessions/${id}`);
    await fresh.waitForFunction(() => performance.now() >= 5000, undefined, { timeout: 30_000, polling: 50 });
    const firstRun = await timeClick(fresh, 'Run', /\d+ of \d+ examples pass/);
    const warm = await timeClick(fresh, 'Run', /\d+ of \d+ examples pass/);
    const pageMs = (await fresh.evaluate(([start, ready]) => performance.measure('python', start, ready).duration, [
      PYTHON_LOAD_MARKS.start,
      PYTHON_LOAD_MARKS.ready
    ] as const)) as number;
    pythonRounds.push({ page: pageMs, bare: bareMs, firstRun, warm });
    if (round === 0) await pageContext.close();
  }
  for (const [i, r] of pythonRounds.entries()) {
    rows.push(
      `  Pyodide round ${i + 1}: loaded in the coding page ${r.page.toFixed(0)} ms vs a bare page ${r.bare.toFixed(0)} ms (×${(r.page / r.bare).toFixed(2)}); ` +
        `first Run 5 s after the page opened ${r.firstRun.toFixed(0)} ms; warm Run ${r.warm.toFixed(0)} ms`
    );
  }
  const worst = (key: 'page' | 'bare' | 'firstRun') => Math.max(...pythonRounds.map((r) => r[key]));
  const loadRatio = Math.max(...pythonRounds.map((r) => r.page / r.bare));
  rows.push(
    `  Pyodide in the page ×${loadRatio.toFixed(2)} of a bare page at worst (goal ≤ ×1.2: ${loadRatio <= 1.2 ? 'met' : 'NOT met'}); ` +
      `first Run at 5 s ${worst('firstRun').toFixed(0)} ms at worst (goal ≤ 1000 ms: ${worst('firstRun') <= 1000 ? 'met' : 'NOT met'})`
  );
  const timeRun = () => timeClick(fresh, 'Run', /\d+ of \d+ examples pass/);
  const warm = pythonRounds.at(-1)!.warm;
  await fresh.getByLabel('Language').selectOption('typescript');
  await timeRun();
  const warmTs = await timeRun();
  const warmSubmit: Record<string, number> = {};
  for (const language of ['typescript', 'python'] as const) {
    await fresh.getByLabel('Language').selectOption(language);
    await timeClick(fresh, 'Submit', /\d+ of \d+ hidden tests pass/);
    warmSubmit[language] = await timeClick(fresh, 'Submit', /\d+ of \d+ hidden tests pass/);
  }
  pageTimes = { run: { typescript: warmTs, python: warm }, submit: warmSubmit };

  // The sandbox's cost, warm: a Run (the examples) and a Submit (the hidden tests) of Two Sum's reference
  // solution, through the sandbox and through a plain worker in the page, alternating, five rounds each.
  const twoSum = problems[0]!;
  const twoSumSolutions = await loadSolutions(twoSum.id);
  const script = (
    mode: 'sandbox' | 'direct',
    language: 'typescript' | 'python',
    code: string,
    sets: unknown[][]
  ) => `(async () => {
    const language = ${JSON.stringify(language)};
    const source = await (await fetch('/sandbox/worker.js')).text();
    const files = {};
    if (language === 'python') {
      for (const name of ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'])
        files[name] = await (await fetch('/pyodide/' + name)).arrayBuffer();
    }
    const channel = new MessageChannel();
    const init = { language, workerSource: source, files };
    if (${JSON.stringify(mode)} === 'sandbox') {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.hidden = true;
      frame.src = '/sandbox/runner.html';
      frame.onload = () => frame.contentWindow.postMessage(init, '*', [channel.port2]);
      document.body.append(frame);
    } else {
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      worker.postMessage({ type: 'init', language, files }, [channel.port2]);
    }
    let id = 0;
    const call = (message) => new Promise((resolve) => {
      const mine = ++id;
      channel.port1.onmessage = (e) => { if (e.data.id === mine) resolve(e.data); };
      channel.port1.postMessage({ ...message, id: mine });
    });
    await call({ type: 'load' });
    const signature = ${JSON.stringify(twoSum.signature)};
    const code = ${JSON.stringify(code)};
    await call({ type: 'call', code, signature, input: ${JSON.stringify(twoSum.examples[0]!.input)} });
    const times = [];
    for (const inputs of ${JSON.stringify(sets)}) {
      const started = performance.now();
      for (const input of inputs) await call({ type: 'call', code, signature, input });
      times.push(performance.now() - started);
    }
    return times;
  })()`;
  const runInputs = twoSum.examples.map((e) => e.input);
  const submitInputs = twoSum.hiddenTests.map((t) => t.input);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const language of ['typescript', 'python'] as const) {
    const code = language === 'python' ? twoSumSolutions.python : transpileTypeScript(twoSumSolutions.typescript);
    const sets = Array.from({ length: 5 }, (_, i) => (i % 2 ? runInputs : submitInputs));
    const measured: Record<'sandbox' | 'direct', number[]> = { sandbox: [], direct: [] };
    for (const mode of ['direct', 'sandbox', 'direct', 'sandbox'] as const) {
      const probe = await browser.newPage();
      await probe.goto(`${server.url}/`);
      measured[mode].push(...((await probe.evaluate(script(mode, language, code, [...sets, ...sets]))) as number[]));
      await probe.close();
    }
    const pick = (mode: 'sandbox' | 'direct', even: boolean) =>
      median(measured[mode].filter((_, i) => (i % 2 === 0) === even));
    for (const [label, even, key] of [
      ['Submit (hidden tests)', true, 'submit'],
      ['Run (examples)', false, 'run']
    ] as const) {
      const sandbox = pick('sandbox', even);
      const direct = pick('direct', even);
      // What the sandbox adds to a warm Run or Submit as the page does it: its channel's extra time on the same
      // calls, against the page's own time for that click, which today's plain worker would have spent less.
      const page = pageTimes?.[key][language] ?? NaN;
      const ratio = page / (page - (sandbox - direct));
      rows.push(
        `  sandbox ${language.padEnd(10)} warm ${label.padEnd(21)} calls ${sandbox.toFixed(1)} ms vs ${direct.toFixed(1)} ms in a plain worker (+${(sandbox - direct).toFixed(1)} ms); ` +
          `the page's ${page.toFixed(0)} ms click is ×${ratio.toFixed(3)} of the same without it (goal ≤ ×1.2: ${ratio <= 1.2 ? 'met' : 'NOT met'})`
      );
    }
  }
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
// The bare page's static server would keep the process alive.
process.exit();
