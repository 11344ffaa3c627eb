/**
 * Practice partners in Chromium with two people in two time zones: Ada in Berlin and Bo in New York publish
 * overlapping slots on the partners page, MockLoop proposes the pair to both, both accept; the test moves the
 * server's clock to the booked time; both see the reminder, meet in the pair's room, run the first half (Ada the
 * candidate, Bo interviewing with the guide), swap, run the second, score each other with the peer score, rate the
 * feedback they got, and each finds the mock they took and the one they gave in their history. A reload in the
 * middle of a half loses nothing. Screenshots at 1440 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FEEDBACK_QUALITIES } from '@mockloop/contracts';
import { launchChromium, signUpThroughApi } from '../support/browser.ts';
import { editorText, typeCode } from '../support/editor.ts';
import { codingFixture, codingFixtureTwo } from '../support/fixtures.ts';
import { localIn, movableClock, upcoming } from '../support/partners.ts';
import { startTestServer } from '../support/server.ts';

const shots = process.env.PARTNER_SHOTS ?? 'test-results/partners';
mkdirSync(shots, { recursive: true });
const MIN = 60_000;

type Person = { context: BrowserContext; page: Page; name: string; zone: string };
const clock = movableClock();
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let ada: Person;
let bo: Person;
let bookingId: string;
/** Tomorrow 17:00 UTC: 18:00 in Berlin, 12:00 in New York. */
const start = upcoming(1, 17);
const sessionIds: string[] = [];

async function person(name: string, zone: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: zone });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await page.goto(server.url);
  const res = await signUpThroughApi(page, server.url, {
    email: `${name.toLowerCase()}@partners-e2e.example`,
    password: `${name}-password-1`,
    name
  });
  if (res.status() !== 200) throw new Error(`sign-in of ${name} answered ${res.status()}`);
  return { context, page, name, zone };
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${shots}/${name}-1440.png`, fullPage: true });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  // A phone never scrolls the page sideways (the score table scrolls in its own box).
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBeLessThanOrEqual(
    0
  );
  await page.setViewportSize(size);
}

const bookingJson = async (who: Person) => {
  const res = await who.page.request.get(`${server.url}/api/partners/bookings/${bookingId}`);
  expect(res.status()).toBe(200);
  return (await res.json()).booking as {
    phase: string;
    halves: { sessionId: string | null; status: string; candidate: { name: string } }[];
  };
};
const nowText = (who: Person) => who.page.getByTestId('pair-now').textContent();

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [codingFixture, codingFixtureTwo], app: { now: clock.now } });
  browser = await launchChromium();
  ada = await person('Ada', 'Europe/Berlin');
  bo = await person('Bo', 'America/New_York');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function publishAt(who: Person, at: number, lengthMin: number) {
  await who.page.goto(`${server.url}/partners`);
  await who.page.getByTestId('slot-start').fill(localIn(at, who.zone));
  await who.page.getByTestId('slot-kind').selectOption('coding');
  await who.page.getByTestId('slot-level').selectOption('staff');
  await who.page.getByTestId('slot-length').selectOption(String(lengthMin));
  await who.page.getByTestId('publish-slot').click();
  await who.page.getByTestId('publish-message').waitFor();
  return (await who.page.getByTestId('publish-message').textContent()) ?? '';
}

it('two people publish overlapping slots in their own zones and are proposed to each other', async () => {
  expect(await publishAt(ada, start, 60)).toContain('Published');
  // Bo is free from 11:00 to 13:00 his time: the hour in common is Ada's.
  expect(await publishAt(bo, start - 60 * MIN, 120)).toContain('Matched: Ada');
  const proposals = bo.page.getByTestId('proposals');
  // Each reads the time in their own zone.
  await expect.poll(() => proposals.textContent()).toContain('12:00 with Ada');
  await ada.page.reload();
  await expect.poll(() => ada.page.getByTestId('proposals').textContent()).toContain('18:00 with Bo');
  await shoot(ada.page, 'proposal');
});

it('both accept: booked, with a calendar file and the room', async () => {
  await ada.page.getByTestId('proposals').getByRole('button', { name: 'Accept' }).click();
  await expect.poll(() => ada.page.getByTestId('proposals').textContent()).toContain('waiting for Bo');
  await bo.page.getByTestId('proposals').getByRole('button', { name: 'Accept' }).click();
  const bookings = bo.page.getByTestId('bookings');
  await expect.poll(() => bookings.textContent()).toContain('Coding with Ada');
  const room = bookings.getByRole('link', { name: 'Open the room' });
  bookingId = ((await room.getAttribute('href')) ?? '').split('/').pop()!;
  const ics = await bo.page.request.get(`${server.url}/api/partners/bookings/${bookingId}/ics`);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain('SUMMARY:MockLoop: coding pair with Ada');
  await shoot(bo.page, 'booked');
});

it('at the booked time both are reminded, meet in the room, and the first half starts', async () => {
  clock.setTo(start - 2 * MIN);
  await ada.page.goto(`${server.url}/dashboard`);
  await expect.poll(() => ada.page.getByTestId('pair-reminder').textContent()).toContain('Bo');
  await shoot(ada.page, 'reminder');
  await ada.page.getByTestId('pair-reminder').getByRole('link', { name: 'Join the room' }).click();
  await expect.poll(() => nowText(ada)).toContain('Waiting for Bo');
  await bo.page.goto(`${server.url}/partners/${bookingId}`);
  await expect.poll(() => nowText(bo)).toContain('First half: you are the interviewer');
  await expect.poll(() => nowText(ada), { timeout: 15_000 }).toContain('First half: you are the candidate');
  const booking = await bookingJson(ada);
  sessionIds.push(booking.halves[0]!.sessionId!);
  await shoot(ada.page, 'room-half-1');
});

it('runs the first half: Ada codes, Bo watches with the guide; a reload loses nothing', async () => {
  await ada.page.getByTestId('open-half').click();
  await ada.page.waitForURL(`**/sessions/${sessionIds[0]}`);
  await ada.page.locator('.monaco-editor textarea').first().waitFor({ timeout: 60_000 });
  const code = 'function solve(input) {\n  // Ada: a hash map of what we have seen\n  return input;\n}';
  await typeCode(ada.page, code);
  await bo.page.getByTestId('open-half').click();
  await bo.page.waitForURL(`**/review/${sessionIds[0]}`);
  await expect.poll(() => bo.page.textContent('body'), { timeout: 20_000 }).toContain('Interviewer guide');
  // Saved, then a reload mid-half: the code is still there.
  const stored = async () =>
    JSON.stringify(
      (await (await ada.page.request.get(`${server.url}/api/sessions/${sessionIds[0]}`)).json()).session.work
    );
  await expect.poll(stored, { timeout: 15_000 }).toContain('Ada: a hash map');
  await ada.page.reload();
  await ada.page.locator('.monaco-editor textarea').first().waitFor({ timeout: 60_000 });
  await expect.poll(() => editorText(ada.page)).toContain('Ada: a hash map');
});

it('both say done: the roles swap, one room page shows the second half', async () => {
  for (const who of [ada, bo]) {
    await who.page.goto(`${server.url}/partners/${bookingId}`);
    await who.page.getByTestId('half-done').click();
  }
  await expect
    .poll(() => nowText(ada), { timeout: 15_000 })
    .toContain('Second half, after the swap: you are the interviewer');
  await expect.poll(() => nowText(bo), { timeout: 15_000 }).toContain('you are the candidate');
  // A reload of the room keeps the half and the roles.
  await bo.page.reload();
  await expect.poll(() => nowText(bo)).toContain('Second half, after the swap: you are the candidate');
  sessionIds.push((await bookingJson(bo)).halves[1]!.sessionId!);
  await shoot(bo.page, 'room-half-2');
  await bo.page.getByTestId('open-half').click();
  await bo.page.waitForURL(`**/sessions/${sessionIds[1]}`);
  await ada.page.getByTestId('open-half').click();
  await ada.page.waitForURL(`**/review/${sessionIds[1]}`);
  await expect.poll(() => ada.page.textContent('body'), { timeout: 20_000 }).toContain('Interviewer guide');
});

it('the second half ends at its time; each scores the other with the peer score', async () => {
  clock.setTo(start + 61 * MIN);
  await expect.poll(async () => (await bookingJson(bo)).phase).toBe('finished');
  for (const [who, sessionId, says] of [
    [bo, sessionIds[0]!, 'Bo: clear about the trade-offs'],
    [ada, sessionIds[1]!, 'Ada: test the empty input first']
  ] as const) {
    await who.page.goto(`${server.url}/review/${sessionId}`);
    const scoring = who.page.getByTestId('peer-scoring');
    await scoring.locator('fieldset.criterion').first().waitFor();
    for (const fieldset of await scoring.locator('fieldset.criterion').all()) {
      await fieldset.locator('label.level').nth(2).click();
    }
    await scoring.getByLabel('Feedback for the candidate').fill(says);
    await scoring.getByLabel('Your hire signal').selectOption('Hire');
    await who.page.getByRole('button', { name: 'Submit review' }).click();
    await expect.poll(() => scoring.textContent()).toContain('Submitted');
  }
});

it('each scores themself, reads the score they got and rates the feedback on it', async () => {
  for (const [who, took, heard] of [
    [ada, sessionIds[0]!, 'Bo: clear about the trade-offs'],
    [bo, sessionIds[1]!, 'Ada: test the empty input first']
  ] as const) {
    await who.page.goto(`${server.url}/sessions/${took}/result`);
    // The peer's score shows once the candidate has scored themself (so the self-score is not anchored on it).
    const self = who.page.getByTestId('self-assessment');
    await self.waitFor();
    for (const fieldset of await self.locator('fieldset.criterion:has(label.level)').all()) {
      await fieldset.locator('label.level').nth(2).click();
    }
    await who.page.getByRole('button', { name: 'Save score' }).click();
    await who.page.getByTestId('score').waitFor();
    await expect.poll(() => who.page.textContent('body'), { timeout: 15_000 }).toContain(heard);
    const rate = who.page.getByTestId('rate-feedback');
    await rate.waitFor({ timeout: 15_000 });
    for (const quality of FEEDBACK_QUALITIES) await rate.getByTestId(`rate-${quality}-4`).check();
    await rate.getByTestId('rate-save').click();
    await expect.poll(() => rate.textContent()).toContain('your rating is saved');
  }
  await shoot(ada.page, 'rated');
});

it('each finds the mock they took and the one they gave in their history; the room says both are done', async () => {
  for (const [who, took, gave] of [
    [ada, sessionIds[0]!, sessionIds[1]!],
    [bo, sessionIds[1]!, sessionIds[0]!]
  ] as const) {
    await who.page.goto(`${server.url}/partners/${bookingId}`);
    await expect.poll(() => nowText(who)).toContain('Both halves done');
    const list = await (await who.page.request.get(`${server.url}/api/sessions`)).json();
    const rows = (list.items as { id: string; role: string }[]).map((s) => [s.id, s.role]);
    expect(rows).toContainEqual([took, 'candidate']);
    expect(rows).toContainEqual([gave, 'interviewer']);
    await who.page.goto(`${server.url}/sessions`);
    await expect.poll(() => who.page.locator(`a[href*="${took}"]`).count()).toBeGreaterThan(0);
    await expect.poll(() => who.page.locator(`a[href*="${gave}"]`).count()).toBeGreaterThan(0);
  }
  await shoot(ada.page, 'history');
});
