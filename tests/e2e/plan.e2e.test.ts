/**
 * The study plan in Chromium, at 1440 and at 390 px: the 24-week roadmap with an interview ten weeks away, the
 * compressed plan accepted, today's tasks ticked, the week's assessment started from the dashboard (scored with that
 * week's rubric), progress and readiness moving, and all of it still there after a reload.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = process.env.SHOTS_DIR ?? path.resolve(import.meta.dirname, '../../test-results/plan');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const localDay = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function api(page: Page, method: 'get' | 'post' | 'put', urlPath: string, data?: unknown) {
  const res = await page.request[method](`${server.url}${urlPath}`, data === undefined ? {} : { data });
  expect(res.ok(), `${urlPath}: ${await res.text()}`).toBe(true);
  return res.json();
}

async function followThePlan(width: number, height: number) {
  const { context, page } = await signedInPerson(browser, server.url, `Planner${width}`, {
    domain: 'plan.example',
    viewport: { width, height }
  });
  // Pick the 24-week roadmap with the interview ten weeks away; MockLoop proposes ten weeks.
  await page.goto(`${server.url}/plan`);
  await page.getByTestId('plan-roadmap').selectOption({ label: '24-week roadmap (24 weeks)' });
  await page.getByTestId('plan-start').fill(localDay(0));
  await page.getByTestId('plan-interview').fill(localDay(70));
  await page.getByTestId('plan-propose').click();
  await expect.poll(() => page.getByTestId('plan-message').textContent()).toMatch(/in 10 weeks; the 24-week/);
  expect(await page.getByTestId('plan-slot-count').textContent()).toBe('10 weeks');
  await page.screenshot({ path: path.join(shots, `plan-proposal-${width}.png`), fullPage: false });
  await page.getByTestId('plan-accept').click();
  await expect.poll(() => page.getByTestId('plan-slot').count()).toBe(10);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, `plan-page-${width}.png`), fullPage: true });
  await page.screenshot({ path: path.join(shots, `plan-page-top-${width}.png`) });

  // The roadmap page's units (where weak areas link) say where each stands in the plan, and link to it there.
  if (width > 1000) {
    await page.goto(`${server.url}/roadmaps`);
    const inPlan = page.getByTestId('unit-in-plan');
    await expect
      .poll(async () => (await inPlan.allTextContents()).map((t) => t.trim()))
      .toEqual(
        expect.arrayContaining(['Skipped in your plan', expect.stringMatching(/^In your plan from \d{4}-\d\d-\d\d$/)])
      );
    expect(await inPlan.first().getAttribute('href')).toMatch(/^\/plan#unit-w\d\d$/);
  }

  // The dashboard opens on today: tick every task, and the two weeks of the first slot are done.
  await page.goto(`${server.url}/dashboard`);
  const tasks = page.getByTestId('plan-task');
  await expect.poll(() => tasks.count()).toBeGreaterThan(10);
  const { plan } = await api(page, 'get', '/api/plan');
  const planned = plan.slots.flatMap((slot: { units: unknown[] }) => slot.units).length;
  const firstSlot = plan.slots[0].units.length;
  expect(await page.getByTestId('plan-done').textContent()).toBe(`0/${planned} weeks`);
  const count = await tasks.count();
  for (let i = 0; i < count; i++) {
    const ticked = page.waitForResponse((r) => r.url().includes('/api/plan/ticks/') && r.ok());
    await tasks.nth(i).check();
    await ticked;
  }
  await expect.poll(() => page.getByTestId('plan-done').textContent()).toBe(`${firstSlot}/${planned} weeks`);
  expect(await page.getByTestId('tasks-left').textContent()).toBe(`0 of ${count} left`);

  // The week's assessment: started from the dashboard, scored with that week's rubric.
  const mock = page.getByTestId('plan-mock').filter({ hasText: 'scored with the week’s rubric' }).first();
  await mock.getByTestId('start-plan-mock').click();
  await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
  const sessionId = page.url().split('/').at(-1)!;
  const { session } = await api(page, 'get', `/api/sessions/${sessionId}`);
  expect(session.rubric.id).toMatch(/^staff-week-\d\d$/);
  await api(page, 'post', `/api/sessions/${sessionId}/submit`);
  const ratings = Object.fromEntries(session.rubric.criteria.map((c: { id: string }) => [c.id, 3]));
  await api(page, 'put', `/api/sessions/${sessionId}/scores/self`, { ratings });

  await page.goto(`${server.url}/dashboard`);
  const design = page.getByTestId('readiness-design');
  await expect.poll(() => design.textContent()).toMatch(/67 \/ bar 67/);
  expect(await mock.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(`/sessions/${sessionId}`);

  // A reload keeps it all.
  await page.reload();
  await expect.poll(() => page.getByTestId('plan-done').textContent()).toBe(`${firstSlot}/${planned} weeks`);
  expect(await tasks.evaluateAll((boxes) => boxes.every((b) => (b as HTMLInputElement).checked))).toBe(true);
  expect(await design.textContent()).toMatch(/67 \/ bar 67/);
  expect(await page.getByTestId('plan-progress').textContent()).toMatch(/1-day streak/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await page.screenshot({ path: path.join(shots, `dashboard-${width}.png`), fullPage: true });
  await page.screenshot({ path: path.join(shots, `dashboard-top-${width}.png`) });
  await page.getByTestId('plan-readiness').screenshot({ path: path.join(shots, `readiness-${width}.png`) });
  await page.getByTestId('plan-progress').screenshot({ path: path.join(shots, `progress-${width}.png`) });
  await context.close();
}

it('follows the 24-week roadmap compressed to ten weeks, on a desktop', async () => {
  await followThePlan(1440, 900);
});

it('does the same on a 390 px phone', async () => {
  await followThePlan(390, 844);
});
