/** The timed system-design mock in Chromium: whiteboard, notes, autosave through reloads, offline and restarts, the deadline, self-scoring. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signUpThroughApi } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results');
mkdirSync(shots, { recursive: true });

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sessionId: string;

const serverOptions = { web: true, questions: [designFixture], app: { allowShortSessions: true } };

beforeAll(async () => {
  server = await startTestServer(serverOptions);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await page.goto(server.url);
  const signup = await signUpThroughApi(page, server.url, {
    email: 'mock@example.com',
    password: 'mock-password-1',
    name: 'Mock Candidate'
  });
  expect(signup.status()).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function serverSession(id = sessionId) {
  const res = await page.request.get(`${server.url}/api/sessions/${id}`);
  return (await res.json()).session;
}

const saveStatus = () => page.getByTestId('save-status').textContent();
const remainingSeconds = async () => {
  const [m, s] = ((await page.getByTestId('remaining').textContent()) ?? '0:0').split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

/** Draws a shape by dragging on the whiteboard, starting at (x, y) from its top left. */
async function drawShape(tool: 'rectangle' | 'ellipse', x: number, y: number) {
  // The tool's icon covers its radio input, so the click is forced onto the input itself.
  await page.locator(`[data-testid="toolbar-${tool}"]`).click({ force: true });
  const box = (await page.locator('.excalidraw canvas.interactive').boundingBox())!;
  // Start right of the shape-properties panel that opens with the tool.
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(box.x + x + step * 20, box.y + y + step * 10);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

it('starts a mock from the question page and shows the prompt, phase and a running clock', async () => {
  await page.goto(`${server.url}/questions/${designFixture.id}`);
  await page.getByRole('button', { name: 'Start mock' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
  sessionId = page.url().split('/').pop()!;
  await expect.poll(() => page.getByTestId('phase').textContent()).toContain('Requirements gathering');
  expect(await remainingSeconds()).toBeGreaterThan(59 * 60);
  await page.locator('.excalidraw canvas.interactive').waitFor();
});

it('saves a drawn rectangle and typed notes, and a reload shows the same work and remaining time', async () => {
  await drawShape('rectangle', 400, 300);
  await page.getByTestId('note-functional').fill('Shorten a URL; redirect by code; custom aliases');
  await expect.poll(saveStatus, { timeout: 10_000 }).toBe('Saved');
  const saved = await serverSession();
  expect(saved.work.notes.functional).toBe('Shorten a URL; redirect by code; custom aliases');
  expect(saved.work.scene.elements.some((e: { type: string }) => e.type === 'rectangle')).toBe(true);
  await page.screenshot({ path: path.join(shots, 'design-mock.png') });

  const before = await remainingSeconds();
  await page.reload();
  await expect
    .poll(() => page.getByTestId('note-functional').inputValue())
    .toBe('Shorten a URL; redirect by code; custom aliases');
  expect(Math.abs((await remainingSeconds()) - before)).toBeLessThanOrEqual(3);
  await page.locator('.excalidraw canvas.interactive').waitFor();
});

it('keeps typing offline, says so, and saves it all when the network returns', async () => {
  await context.setOffline(true);
  await page.getByRole('tab', { name: 'Capacity estimates' }).click();
  await page.getByTestId('note-estimates').fill('10M redirects/day ≈ 115 rps; peak 1k rps');
  await expect.poll(saveStatus, { timeout: 10_000 }).toMatch(/Offline, 1 change waiting/);
  await context.setOffline(false);
  await expect.poll(saveStatus, { timeout: 20_000 }).toBe('Saved');
  expect((await serverSession()).work.notes.estimates).toBe('10M redirects/day ≈ 115 rps; peak 1k rps');
});

it('loses nothing when the API restarts while the candidate types', async () => {
  const port = server.port;
  const dbName = server.dbName;
  await server.close();
  await page.getByRole('tab', { name: 'High-level design' }).click();
  await page.getByTestId('note-design').fill('LB → stateless API → Redis cache → KV store; base62 ids');
  await expect.poll(saveStatus, { timeout: 10_000 }).toMatch(/Offline/);
  server = await startTestServer({ ...serverOptions, port, dbName });
  await expect.poll(saveStatus, { timeout: 30_000 }).toBe('Saved');
  expect((await serverSession()).work.notes.design).toBe('LB → stateless API → Redis cache → KV store; base62 ids');
});

it('keeps unsaved work across a reload while offline, and sends it once back online', async () => {
  await context.setOffline(true);
  await page.getByRole('tab', { name: 'Trade-offs and bottlenecks' }).click();
  await page.getByTestId('note-tradeoffs').fill('Cache-aside vs write-through; hot keys');
  await expect.poll(saveStatus, { timeout: 10_000 }).toMatch(/Offline/);
  await context.setOffline(false);
  // Reload before the retry fires: the text must come back from the browser's outbox.
  await page.reload();
  await page.getByRole('tab', { name: 'Trade-offs and bottlenecks' }).click();
  await expect
    .poll(() => page.getByTestId('note-tradeoffs').inputValue())
    .toBe('Cache-aside vs write-through; hot keys');
  await expect.poll(saveStatus, { timeout: 20_000 }).toBe('Saved');
  expect((await serverSession()).work.notes.tradeoffs).toBe('Cache-aside vs write-through; hot keys');
});

it('keeps a stroke and a note made offline in a page that was then closed, and the next page sends them', async () => {
  await context.setOffline(true);
  await drawShape('ellipse', 700, 200);
  await page.getByTestId('note-tradeoffs').fill('Cache-aside vs write-through; hot keys; 301 vs 302');
  await expect.poll(saveStatus, { timeout: 10_000 }).toMatch(/Offline, 2 changes waiting/);
  // Nothing reached the server; the work exists only in this browser's outbox now.
  await page.close();
  await context.setOffline(false);
  page = await context.newPage();
  await page.goto(`${server.url}/sessions/${sessionId}`);
  await expect
    .poll(async () => (await serverSession()).work.notes.tradeoffs, { timeout: 20_000 })
    .toBe('Cache-aside vs write-through; hot keys; 301 vs 302');
  await expect.poll(saveStatus, { timeout: 10_000 }).toBe('Saved');
  const saved = await serverSession();
  const types = saved.work.scene.elements.map((e: { type: string }) => e.type);
  expect(types).toEqual(expect.arrayContaining(['rectangle', 'ellipse']));
});

it('sends work an older release left in its single-key outbox', async () => {
  const { revision, work } = await serverSession();
  const legacy = {
    baseRevision: revision,
    base: work,
    local: { ...work, notes: { ...work.notes, tradeoffs: `${work.notes.tradeoffs}; left by an older release` } }
  };
  await page.evaluate(
    ([key, value]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(value, key as string);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [`mockloop:outbox:${sessionId}`, legacy] as const
  );
  await page.reload();
  await expect
    .poll(async () => (await serverSession()).work.notes.tradeoffs, { timeout: 20_000 })
    .toBe(legacy.local.notes.tradeoffs);
  await expect.poll(saveStatus, { timeout: 10_000 }).toBe('Saved');
});

it('moves to the next phase and records when it started', async () => {
  await page.getByRole('button', { name: 'Next phase →' }).click();
  await expect.poll(() => page.getByTestId('phase').textContent()).toContain('Capacity estimation');
  const log = (await serverSession()).phaseLog.map((p: { phaseId: string }) => p.phaseId);
  expect(log).toEqual(['requirements', 'estimation']);
});

it('alone, the deep dives offer the follow-ups one at a time; a reload keeps them, the result lists them', async () => {
  const followUps = designFixture.kind === 'design' ? designFixture.followUps : [];
  // A session of its own (the one above is near its deadline by now).
  const created = await page.request.post(`${server.url}/api/sessions`, { data: { questionId: designFixture.id } });
  const solo = (await created.json()).session.id as string;
  await page.goto(`${server.url}/sessions/${solo}`);
  await expect.poll(saveStatus, { timeout: 10_000 }).toBe('Saved');
  // Before the deep dives, the prompt only says they will come.
  expect(await page.getByTestId('ask-follow-up').count()).toBe(0);
  const moved = await page.request.post(`${server.url}/api/sessions/${solo}/phases`, {
    data: { phaseId: 'deep-dives' }
  });
  expect(moved.status()).toBe(200);
  await page.reload();
  await expect.poll(() => page.getByTestId('phase').textContent(), { timeout: 10_000 }).toContain('Deep dives');
  await page.getByTestId('ask-follow-up').click();
  await expect.poll(() => page.getByTestId('follow-ups').textContent(), { timeout: 10_000 }).toContain(followUps[0]);
  expect(await page.getByTestId('follow-ups').textContent()).not.toContain(followUps[1]);
  expect(await page.getByTestId('ask-follow-up').textContent()).toContain(`${followUps.length - 1} left`);
  await page.screenshot({ path: path.join(shots, 'design-follow-up.png') });
  await expect.poll(saveStatus, { timeout: 10_000 }).toBe('Saved');
  await page.reload();
  await expect.poll(() => page.getByTestId('follow-ups').textContent(), { timeout: 10_000 }).toContain(followUps[0]);
  expect((await serverSession(solo)).work.notes.p1Asked).toBe('1');
  // Finished: the result page lists what was asked, and now the model answer outline.
  await page.request.post(`${server.url}/api/sessions/${solo}/submit`);
  await page.goto(`${server.url}/sessions/${solo}/result`);
  await expect
    .poll(() => page.getByTestId('asked-follow-ups').textContent(), { timeout: 10_000 })
    .toContain(followUps[0]);
  await expect
    .poll(() => page.getByTestId('reference').textContent(), { timeout: 10_000 })
    .toContain('Model answer outline');
  await page.screenshot({ path: path.join(shots, 'design-solo-result.png'), fullPage: true });
  // Back to the mock the next test ends at its deadline.
  await page.goto(`${server.url}/sessions/${sessionId}`);
});

it('locks at the deadline and opens the self-assessment, whose score the result page keeps', async () => {
  await server.database.sessions.updateOne(
    { _id: new ObjectId(sessionId) },
    { $set: { deadline: new Date(Date.now() + 4_000) } }
  );
  await page.reload();
  await page.waitForURL(/\/result$/, { timeout: 20_000 });
  const locked = await serverSession();
  expect(locked.status).toBe('submitted');

  const assessment = page.getByTestId('self-assessment');
  await assessment.waitFor();
  for (const fieldset of await assessment.locator('fieldset.criterion:has(.levels)').all()) {
    await fieldset.locator('label.level').nth(2).click();
  }
  await expect.poll(() => page.getByTestId('live-score').textContent()).toContain('67/100');
  await page.getByRole('button', { name: 'ran out of time' }).click();
  await page.screenshot({ path: path.join(shots, 'design-self-assessment.png'), fullPage: true });
  await page.getByRole('button', { name: 'Save score' }).click();
  await expect.poll(() => page.getByTestId('score').textContent()).toContain('67/100');
  await page.reload();
  await expect.poll(() => page.getByTestId('score').textContent()).toContain('Hire');
  await page.getByTestId('phase-timeline').waitFor();
  await page.getByTestId('replay').waitFor();
  expect(await page.getByLabel('Replay position').getAttribute('max')).not.toBe('0');
  await page.screenshot({ path: path.join(shots, 'design-result.png'), fullPage: true });
  expect((await serverSession()).selfScore).toMatchObject({ score: 66.7, oops: ['ran out of time'] });
});

it('lists the session in the history with its score', async () => {
  await page.goto(`${server.url}/sessions?kind=design`);
  await expect.poll(() => page.getByTestId('history').textContent()).toContain('67/100 · Hire');
});
