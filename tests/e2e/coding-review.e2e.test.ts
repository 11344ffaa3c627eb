/**
 * A peer reviews a coding mock in Chromium: their browser runs each submission on held-back tests the candidate
 * never received, the server judges the outputs, and the result is peer-confirmed, or not, for good.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from '../support/browser.ts';
import { codingFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let candidate: Page;
let peer: Page;

const person = async (name: string) =>
  (
    await signedInPerson(browser, server.url, name, {
      domain: 'coding-review.example',
      viewport: { width: 1360, height: 900 }
    })
  ).page;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [codingFixture] });
  browser = await launchChromium();
  candidate = await person('Candidate');
  peer = await person('Peer');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const correct =
  'def two_sum(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n';
const wrong = 'function twoSum(nums, target) {\n  return [0, 2];\n}\n';

/** Makes a submission through the API and reports a result for it, as the candidate's browser would. */
async function submit(sessionId: string, language: string, code: string, reportedPasses: number) {
  const created = await candidate.request.post(`${server.url}/api/sessions/${sessionId}/submissions`, {
    data: { language, code }
  });
  const { n, tests } = (await created.json()) as { n: number; tests: unknown[] };
  const results = tests.map((_, i) => ({ verdict: i < reportedPasses ? 'pass' : 'fail', ms: 1 }));
  await candidate.request.put(`${server.url}/api/sessions/${sessionId}/submissions/${n}/result`, { data: { results } });
}

it('confirms a truthful report and flags one the code does not bear out', { timeout: 120_000 }, async () => {
  const { session } = await (
    await candidate.request.post(`${server.url}/api/sessions`, { data: { questionId: codingFixture.id } })
  ).json();
  await candidate.request.patch(`${server.url}/api/sessions/${session.id}/work`, {
    data: {
      revision: session.revision,
      notes: { language: 'python', codePython: correct, approach: 'One pass with a map' }
    }
  });
  await submit(session.id, 'python', correct, 7);
  // A report of 7 passes for code that passes none of them (a tampered or buggy client).
  await submit(session.id, 'javascript', wrong, 7);
  await candidate.request.post(`${server.url}/api/sessions/${session.id}/submit`);
  const invite = await (
    await candidate.request.post(`${server.url}/api/sessions/${session.id}/invites`, { data: {} })
  ).json();

  await peer.goto(invite.url);
  await peer.waitForURL(`**/review/${session.id}`);
  await expect.poll(() => peer.getByTestId('review-code').textContent(), { timeout: 10_000 }).toContain('def two_sum');
  expect(await peer.getByTestId('review-analysis').textContent()).toContain('One pass with a map');
  // The latest judged submission is checked on its own.
  await expect
    .poll(() => peer.getByTestId('check-2').textContent(), { timeout: 30_000 })
    .toMatch(/Not confirmed: passed 0 of 3\s+held-back tests/);
  // The earlier one on request; Python loads Pyodide in the reviewer's browser first.
  await peer.getByRole('button', { name: 'Confirm #1' }).click();
  await expect
    .poll(() => peer.getByTestId('check-1').textContent(), { timeout: 90_000 })
    .toMatch(/Peer-confirmed: passed 3 of 3\s+held-back tests/);
  await peer.screenshot({ path: path.join(shots, 'coding-review.png'), fullPage: true });
  // Recorded once: after a reload the confirmations are read back, not run again.
  await peer.reload();
  await expect.poll(() => peer.getByTestId('check-1').textContent(), { timeout: 20_000 }).toContain('Peer-confirmed');
  expect(await peer.getByTestId('check-2').textContent()).toContain('Not confirmed: passed 0 of 3');

  // The candidate sees each submission labelled: self-run, and peer-confirmed or not.
  await candidate.goto(`${server.url}/sessions/${session.id}/result`);
  await expect
    .poll(() => candidate.getByTestId('coding-trust').textContent(), { timeout: 10_000 })
    .toContain('Self-run: 7 of 7');
  expect(await candidate.getByTestId('coding-trust').textContent()).toMatch(/Peer-confirmed: 0 of\s+3/);
});
