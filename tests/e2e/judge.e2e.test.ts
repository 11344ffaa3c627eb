/**
 * The judge in Chromium, on the bank's own problems and their calibrated limits: Submit runs the examples, then
 * the hidden and performance tests and stops at the first Time Limit Exceeded (an infinite loop ends in seconds, its sandbox
 * ended and a fresh one started); a wrong answer shows the failing test's input, expected and actual output; a
 * syntax error is reported once and marked on its line in the editor; LeetCode's PriorityQueue (JavaScript)
 * and SortedList (Python) are there.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PYTHON_LOAD_MARKS } from '@mockloop/contracts/sandbox';
import { candidateTests } from '@mockloop/question-bank/confirmation';
import { matches } from '@mockloop/question-bank/harness/compare';
import { loadQuestionBank, type VersionedQuestion } from '@mockloop/question-bank/load';
import { launchChromium, signUpThroughApi } from '../support/browser.ts';
import { typeCode as typeCodeIn } from '../support/editor.ts';
import { startTestServer } from '../support/server.ts';

type Coding = VersionedQuestion & { kind: 'coding' };
const shots = path.resolve(import.meta.dirname, '../../test-results');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
const problems: Record<string, Coding> = {};
const IDS = {
  twoSum: 'lc-0001-two-sum',
  duplicate: 'lc-0217-contains-duplicate',
  kth: 'lc-0215-kth-largest-element-in-an-array'
} as const;

beforeAll(async () => {
  const bank = await loadQuestionBank();
  for (const id of Object.values(IDS)) problems[id] = bank.find((q) => q.id === id) as Coding;
  server = await startTestServer({ web: true, questions: Object.values(problems) });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  await page.goto(server.url);
  await signUpThroughApi(page, server.url, { email: 'judge@e2e.example', password: 'judge-password-1', name: 'J' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const summary = () => page.getByTestId('results-summary').textContent();
const results = () => page.getByTestId('results').textContent();
const typeCode = (code: string) => typeCodeIn(page, code);
/** Counts as the summary prints them: hidden, performance, then the examples Submit runs first. */
const counts = (id: string, hiddenFailed: number, perfPassed: number, examplesPassed?: number) => {
  const problem = problems[id]!;
  const hidden = candidateTests(problem).length;
  const perf = problem.performance.tests.length;
  const examples = problem.examples.length;
  return (
    `${hidden - hiddenFailed} of ${hidden} hidden tests pass · ${perfPassed} of ${perf} performance tests pass · ` +
    `${examplesPassed ?? examples} of ${examples} examples pass`
  );
};
const allPass = (id: string) => counts(id, 0, problems[id]!.performance.tests.length);

async function openMock(id: string, language: 'javascript' | 'python') {
  const created = await page.request.post(`${server.url}/api/sessions`, { data: { questionId: id } });
  const { session } = await created.json();
  await page.goto(`${server.url}/sessions/${session.id}`);
  await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });
  await page.getByLabel('Language').selectOption(language);
  return session.id as string;
}

const twoSum =
  'function twoSum(nums, target) {\n  const seen = new Map();\n  for (let i = 0; i < nums.length; i++) {\n    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n    seen.set(nums[i], i);\n  }\n}\n';

it('stops an infinite loop on Submit with Time Limit Exceeded, confirmed in a fresh sandbox', async () => {
  const sessionId = await openMock(IDS.twoSum, 'javascript');
  await typeCode(twoSum);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(summary, { timeout: 20_000 }).toContain('3 of 3 examples pass');
  // The sandbox that ran it, marked, to tell it from the one that replaces it.
  await page.evaluate(() => document.querySelector('iframe[data-sandbox]')?.setAttribute('data-old', ''));
  expect(await page.locator('iframe[data-sandbox="javascript"][data-old]').count()).toBe(1);
  await typeCode('function twoSum(nums, target) {\n  while (true) {}\n}\n');
  await page.getByRole('button', { name: 'Submit' }).click();
  // Two tries, each ended half a second past its limit, the second in a fresh sandbox (about 5 s on an idle machine;
  // when each try is stopped is the runner's rule, tested in runner.test.ts, not a wall-clock figure here).
  await page
    .getByTestId('results-summary')
    .filter({ hasText: /Submission \d+: .*Time Limit Exceeded/ })
    .waitFor({ timeout: 30_000 });
  const verdict = (await results()) ?? '';
  // Submit runs the examples first: the first one times out and nothing after it runs.
  expect(verdict).toMatch(/Example 1: Time Limit Exceeded \(1 s[;)]/);
  expect(await results()).toContain('Example 2: Not run');
  expect(await results()).toContain('Hidden test 1: Not run');
  expect(await results()).toMatch(/Performance test 1 \([^)]*\): Not run/);
  expect(await page.locator('iframe[data-sandbox][data-old]').count()).toBe(0); // its worker ended with it
  const stored = (await (await page.request.get(`${server.url}/api/sessions/${sessionId}/submissions`)).json()).items;
  const verdicts = stored.at(-1).results.map((r: { verdict: string }) => r.verdict);
  expect(stored.at(-1).passed).toBe(0);
  expect(new Set(verdicts)).toEqual(new Set(['notRun']));
  await page.screenshot({ path: path.join(shots, 'judge-time-limit.png') });
  // The next Submit starts another sandbox and passes everything.
  await typeCode(twoSum);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(summary, { timeout: 30_000 }).toContain(`${allPass(IDS.twoSum)} · Accepted`);
  expect(await page.locator('iframe[data-sandbox="javascript"]').count()).toBe(1);
});

it('shows a wrong answer’s input, expected and actual output', async () => {
  await openMock(IDS.twoSum, 'javascript');
  await typeCode('function twoSum(nums, target) {\n  return [0, 1];\n}\n');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(summary, { timeout: 30_000 }).toContain('Wrong Answer');
  // Submit judges the examples first: the first one that [0, 1] does not answer is the failing test.
  const tests = problems[IDS.twoSum]!.examples;
  const first = tests.findIndex((t) => !matches('unordered', [0, 1], t.expected));
  expect(first).toBeGreaterThan(0);
  const detail = page.getByTestId('case-detail');
  expect(await detail.count()).toBe(1); // the first failing test only, as LeetCode shows it
  expect(await page.getByTestId('failing-case').textContent()).toContain(`Example ${first + 1}: Wrong Answer`);
  expect(await detail.getByTestId('shown-input').textContent()).toBe(JSON.stringify(tests[first]!.input));
  expect(await detail.getByTestId('shown-expected').textContent()).toBe(JSON.stringify(tests[first]!.expected));
  expect(await detail.getByTestId('shown-actual').textContent()).toBe('[0,1]');
  await page.screenshot({ path: path.join(shots, 'judge-wrong-answer.png') });
});

it(
  'reports a syntax error once, with its line and column, marked in the editor on that line',
  { timeout: 90_000 },
  async () => {
    await openMock(IDS.twoSum, 'python');
    expect(await page.locator('.monaco-editor .squiggly-error').count()).toBe(0);
    await typeCode(
      'def two_sum(nums, target):\n    seen = {}\n    for i, x in enumerate(nums)\n        seen[x] = i\n    return []\n'
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const error = page.getByTestId('compile-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/^Compile Error on line 3, column \d+: SyntaxError/);
    expect(((await results()) ?? '').match(/SyntaxError/g)).toHaveLength(1);
    // The red squiggle sits on line 3: the same height as line number 3 in the gutter.
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor({ timeout: 5000 });
    const lineNumber = page.locator('.monaco-editor .line-numbers', { hasText: /^3$/ });
    const [a, b] = [await squiggle.boundingBox(), await lineNumber.boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(4);
    await page.screenshot({ path: path.join(shots, 'judge-syntax-error.png') });
    // Clicking the error puts the cursor on that line (Monaco highlights the cursor's line number).
    await error.click();
    await expect.poll(() => page.locator('.monaco-editor .line-numbers.active-line-number').textContent()).toBe('3');
  }
);

it(
  'fails a quadratic solution by growth: its time grows far more from n to 16n than O(n) allows',
  { timeout: 60_000 },
  async () => {
    await openMock(IDS.duplicate, 'javascript');
    await typeCode(
      'function containsDuplicate(nums) {\n  for (let i = 0; i < nums.length; i++)\n    for (let j = i + 1; j < nums.length; j++) if (nums[i] === nums[j]) return true;\n  return false;\n}\n'
    );
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(summary, { timeout: 45_000 }).toContain(`${counts(IDS.duplicate, 0, 1)} · Time Limit Exceeded`);
    // The ladder's first rung passes (a sixteenth of the size); the full size is stopped once its time has grown
    // past what O(n) allows, measured in the calibration loop's units.
    expect(await results()).toMatch(/Performance test 2 \([^)]*\): Time Limit Exceeded: time grew .* O\(n\) allows/);
  }
);

it('passes a JavaScript solution built on LeetCode’s MinPriorityQueue, performance test included', async () => {
  await openMock(IDS.kth, 'javascript');
  await typeCode(
    'function findKthLargest(nums, k) {\n  const heap = new MinPriorityQueue();\n  for (const x of nums) {\n    heap.enqueue(x);\n    if (heap.size() > k) heap.dequeue();\n  }\n  return heap.front();\n}\n'
  );
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(summary, { timeout: 30_000 }).toContain(`${allPass(IDS.kth)} · Accepted`);
});

it(
  'passes a Python solution built on sortedcontainers’ SortedList, performance test included',
  { timeout: 120_000 },
  async () => {
    // Kth Largest by SortedList, ×15 inside its allowance in Node. (A median finder on SortedList was ×3 inside its
    // allowance while that problem's ladder started at n/16, and under a CI run's load Chromium saw it over once.)
    await openMock(IDS.kth, 'python');
    await typeCode(
      'def findKthLargest(nums, k):\n    values = SortedList(nums)\n    for x in nums[:1000]:\n        values.add(x)\n        values.remove(x)\n    return values[-k]\n'
    );
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(summary, { timeout: 90_000 }).toMatch(/ · (Accepted|Time Limit Exceeded|Wrong Answer)/);
    // The results say why when it is not Accepted (the ladder's times and allowance).
    expect(await summary(), (await results()) ?? undefined).toContain(`${allPass(IDS.kth)} · Accepted`);
    await page.screenshot({ path: path.join(shots, 'judge-accepted.png') });
    // The performance tests ran in a fresh sandbox, which restored Pyodide from the first one's snapshot.
    const restored = () =>
      page.evaluate((name) => performance.getEntriesByName(name).length, PYTHON_LOAD_MARKS.restored);
    expect(await restored()).toBeGreaterThan(0);
  }
);

it('spreads 100,000 numbers in the browser’s worker: Math.max(...nums) and push(...nums), as LeetCode allows', async () => {
  // A Chromium worker takes only about 63,000 spread arguments; the harness turns these calls into loops.
  await openMock(IDS.duplicate, 'javascript');
  await typeCode(
    'function containsDuplicate(nums) {\n  const all = [];\n  all.push(...nums);\n  if (Math.max(...all) < Math.min(...nums)) return false;\n  return new Set(all).size !== nums.length;\n}\n'
  );
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(summary, { timeout: 30_000 }).toContain(`${allPass(IDS.duplicate)} · Accepted`);
});

// Its run is slow by design (each performance test runs to its limit, then once more to confirm the time-out with
// the limit scaled by the measured slowdown), so on a busy machine it outlasts the suite's 30 s default.
it(
  'times each call in the page: code that forges its messages and its clock is still too slow',
  { timeout: 120_000 },
  async () => {
    // Correct, but 6 s on each performance test, far past the first rung's limit (about a second on an idle
    // machine, in calibration loops, so a few on a busy one); it rewrites every time the worker could report to 1 ms and stops
    // performance.now. Before the page timed the calls, Submit recorded it as passing.
    const sessionId = await openMock(IDS.duplicate, 'javascript');
    const { limitLoops, calibrationLoopMs } = problems[IDS.duplicate]!.performance;
    expect(limitLoops!.javascript * calibrationLoopMs!).toBeLessThan(2000);
    await typeCode(
      [
        'const post = MessagePort.prototype.postMessage;',
        'MessagePort.prototype.postMessage = function (message, ...rest) {',
        "  return post.call(this, message && typeof message === 'object' ? { ...message, ms: 1 } : message, ...rest);",
        '};',
        'performance.now = () => 1;',
        'function containsDuplicate(nums) {',
        '  if (nums.length > 1000) {',
        '    const end = Date.now() + 6000;',
        '    while (Date.now() < end) {}',
        '  }',
        '  return new Set(nums).size !== nums.length;',
        '}',
        ''
      ].join('\n')
    );
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(summary, { timeout: 100_000 }).toContain(`${counts(IDS.duplicate, 0, 0)} · Time Limit Exceeded`);
    const stored = (await (await page.request.get(`${server.url}/api/sessions/${sessionId}/submissions`)).json()).items;
    const recorded = stored.at(-1).results.at(-1);
    const first = stored.at(-1).results.at(-2);
    expect([first.verdict, recorded.verdict]).toEqual(['timeout', 'notRun']);
    // Stopped at its limit as the page's clock measured it, not at the 1 ms it reported.
    expect(first.ms).toBeGreaterThan(100);
  }
);
