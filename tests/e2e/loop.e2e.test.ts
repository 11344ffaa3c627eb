/**
 * A full interview loop in Chromium with three people: Cara plans a four-round loop (a coding round and a
 * behavioral round run alone and self-scored, a design round live with Ivan, a behavioral round live with Jo),
 * each interviewer joins from their round's link and writes feedback in the loop. Until the last round is in, the
 * blind rule holds in each person's page and API answers (no one sees another's feedback; the packet is refused);
 * a reload mid-loop loses nothing; then the packet shows every round, the rules, the decision and level with the
 * reasons, the prediction against the outcome and a committee vote. Screenshots at 1440 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishMock, launchChromium, screenshotBothWidths, signedInPerson } from '../support/browser.ts';
import { typeCode } from '../support/editor.ts';
import { behavioralFixture, behavioralFixtureTwo, codingFixture, designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const shots = process.env.LOOP_SHOTS ?? 'test-results/loop';
mkdirSync(shots, { recursive: true });

type Person = { context: BrowserContext; page: Page };
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let cara: Person;
let ivan: Person;
let jo: Person;
let loopId: string;
const IVAN_SAYS = 'Ivan: pinned the read rate before drawing anything';
const JO_SAYS = 'Jo: a clear story, the result in numbers';

const loopJson = async (who: Person) => {
  const res = await who.page.request.get(`${server.url}/api/loops/${loopId}`);
  expect(res.status()).toBe(200);
  return (await res.json()).loop as {
    packetOpen: boolean;
    rounds: {
      n: number;
      title: string;
      status: string;
      feedback: { feedback: string } | null;
      feedbackSubmitted: boolean;
    }[];
  };
};
const packetStatus = async (who: Person) =>
  (await who.page.request.get(`${server.url}/api/loops/${loopId}/packet`)).status();
const bodyText = async (who: Person) => (await who.page.textContent('body')) ?? '';

/** Rates every criterion of a rubric form at `level` (1–4) by clicking its level. */
async function rateAll(scope: ReturnType<Page['getByTestId']>, level: number) {
  for (const fieldset of await scope.locator('fieldset.criterion:has(label.level)').all()) {
    await fieldset
      .locator('label.level')
      .nth(level - 1)
      .click();
  }
}

/** Self-scores the finished round on its result page at 3 everywhere, then goes back to the loop. */
async function selfScore(page: Page) {
  const form = page.getByTestId('self-assessment');
  await form.waitFor();
  await rateAll(form, 3);
  await page.getByRole('button', { name: 'Save score' }).click();
  await page.getByTestId('score').waitFor();
  await page.getByTestId('back-to-loop').click();
  await page.waitForURL(`**/loops/${loopId}`);
}

const shoot = (page: Page, name: string) => screenshotBothWidths(page, shots, name);

beforeAll(async () => {
  server = await startTestServer({
    web: true,
    questions: [codingFixture, designFixture, behavioralFixture, behavioralFixtureTwo]
  });
  browser = await launchChromium();
  [cara, ivan, jo] = await Promise.all([
    signedInPerson(browser, server.url, 'Cara', { domain: 'loop.example', clipboard: true }),
    signedInPerson(browser, server.url, 'Ivan', { domain: 'loop.example' }),
    signedInPerson(browser, server.url, 'Jo', { domain: 'loop.example' })
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an interview loop with a committee', () => {
  it('Cara plans a four-round loop from the senior template, edited, one a day', async () => {
    const { page } = cara;
    await page.goto(`${server.url}/loops`);
    await page.getByTestId('start-loop').click();
    await page.waitForURL('**/loops/new');
    await page.getByText('Senior engineer loop').click();
    const editor = page.getByTestId('round-editor');
    await expect.poll(() => editor.locator('li').count()).toBe(4);
    // Round 2 becomes a behavioral round; every round on a question of the test bank.
    const round = (n: number) => editor.locator('li').nth(n);
    await round(1).getByLabel('Kind').selectOption('behavioral');
    await page.getByLabel('Round 2 title').fill('Behavioral: a dispute');
    await page.getByLabel('Round 1 question').selectOption(codingFixture.id);
    await page.getByLabel('Round 1 length').selectOption('15');
    await page.getByLabel('Round 2 question').selectOption(behavioralFixtureTwo.id);
    await page.getByLabel('Round 3 question').selectOption(designFixture.id);
    await page.getByLabel('Round 3 length').selectOption('45');
    await page.getByLabel('Round 4 question').selectOption(behavioralFixture.id);
    await page.getByLabel('One a day').check();
    const days = await Promise.all([0, 1, 2, 3].map((n) => page.getByLabel(`Round ${n + 1} day`).inputValue()));
    expect(new Set(days).size).toBe(4);
    await shoot(page, 'start');
    await page.getByRole('button', { name: 'Start the loop' }).click();
    await page.waitForURL(/\/loops\/[0-9a-f]{24}$/);
    loopId = page.url().split('/').pop()!;
    const loop = await loopJson(cara);
    expect(loop.rounds.map((r) => r.status)).toEqual(['planned', 'planned', 'planned', 'planned']);
    expect(await page.getByTestId('round-1').textContent()).toContain('Behavioral: a dispute');
    // A round not started yet is replanned from the loop: the server keeps it.
    await page.getByTestId('round-3').getByRole('button', { name: 'Edit round' }).click();
    const plan = page.getByTestId('round-plan-3');
    await plan.getByLabel('Title').fill('Leadership');
    await plan.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await loopJson(cara)).rounds[3]).toMatchObject({ title: 'Leadership' });
    await expect.poll(() => page.getByTestId('round-3').textContent()).toContain('Leadership');
  });

  it('starts the two live rounds, each with its own invite link; Ivan and Jo join from them', async () => {
    const { page } = cara;
    const links: string[] = [];
    for (const n of [2, 3]) {
      await page.getByTestId(`round-${n}`).getByRole('button', { name: 'Start live and invite' }).click();
      const link = page.getByTestId(`round-invite-link-${n}`);
      await link.waitFor();
      links.push(await link.inputValue());
    }
    expect(links[0]).not.toBe(links[1]);
    for (const [who, link, n] of [
      [ivan, links[0]!, 2],
      [jo, links[1]!, 3]
    ] as const) {
      await who.page.goto(link);
      await who.page.waitForURL(/\/review\/[0-9a-f]{24}$/);
      // A loop's round is scored in the loop, not with a peer score.
      expect(await who.page.getByTestId('peer-scoring').count()).toBe(0);
      await who.page.getByRole('link', { name: 'Write feedback in the loop' }).click();
      await who.page.waitForURL(`**/loops/${loopId}`);
      expect(await who.page.getByTestId(`round-${n}`).textContent()).toContain('Your round');
    }
    // The loop page reads the loop again every few seconds; a reload reads it at once.
    await page.reload();
    await expect.poll(() => page.getByTestId('round-interviewer-2').textContent()).toBe('Interviewer: Ivan');
    await expect.poll(() => page.getByTestId('round-interviewer-3').textContent()).toBe('Interviewer: Jo');
  });

  it('a reload mid-loop loses nothing: statuses, interviewers, an interviewer’s draft', async () => {
    const before = await cara.page.getByTestId('loop-rounds').textContent();
    await cara.page.reload();
    await expect.poll(() => cara.page.getByTestId('loop-rounds').textContent()).toBe(before);
    // Ivan drafts feedback while the round runs; a reload brings the draft back from the server.
    const form = ivan.page.getByTestId('round-feedback');
    await rateAll(form, 3);
    await form.getByTestId('feedback-text').fill(IVAN_SAYS);
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => form.textContent()).toContain('Draft saved');
    await ivan.page.reload();
    await expect.poll(() => ivan.page.getByTestId('feedback-text').inputValue()).toBe(IVAN_SAYS);
    // The draft is Ivan's alone.
    expect((await loopJson(cara)).rounds[2]!.feedback).toBeNull();
    expect((await loopJson(jo)).rounds[2]!.feedback).toBeNull();
  });

  it('Cara runs the coding round alone: code passes the hidden tests, she self-scores it', async () => {
    const { page } = cara;
    await page.getByTestId('round-0').getByRole('button', { name: 'Run alone' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
    await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });
    await page.getByLabel('Language').selectOption('javascript');
    await typeCode(
      page,
      'function twoSum(nums, target) {\nconst seen = new Map();\nfor (let i = 0; i < nums.length; i++) {\nif (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\nseen.set(nums[i], i);\n}\n}\n'
    );
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() => page.getByTestId('results-summary').textContent(), { timeout: 30_000 })
      .toContain('hidden tests pass');
    await finishMock(page);
    await page.waitForURL(/\/result$/);
    await selfScore(page);
    await expect.poll(() => page.getByTestId('round-status-0').textContent()).toBe('In: self-scored');
  }, 90_000);

  it('runs the second behavioral round alone and self-scores it; ends both live rounds', async () => {
    const { page } = cara;
    await page.getByTestId('round-1').getByRole('button', { name: 'Run alone' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
    await finishMock(page);
    await page.waitForURL(/\/result$/);
    await selfScore(page);
    for (const n of [2, 3]) {
      await page.getByTestId(`round-${n}`).getByRole('link', { name: 'Continue the round' }).click();
      await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);
      await finishMock(page);
      await page.waitForURL(/\/result$/);
      await page.getByTestId('back-to-loop').click();
      await page.waitForURL(`**/loops/${loopId}`);
    }
    await expect.poll(() => page.getByTestId('round-status-3').textContent()).toBe('Ended: waiting for feedback');
  }, 60_000);

  it('Ivan submits; the blind rule holds for all three until the last round is in', async () => {
    const form = ivan.page.getByTestId('round-feedback');
    await form.getByLabel('Your hire signal').selectOption('Hire');
    await form.getByRole('button', { name: 'Submit feedback' }).click();
    await expect.poll(() => form.textContent()).toContain('Your feedback is in');
    // Cara predicts before the packet opens, and names both interviewers to the committee.
    await cara.page.reload();
    const prediction = cara.page.getByTestId('prediction-form');
    for (const [n, signal] of ['Strong Hire', 'Hire', 'Hire', 'Hire'].entries()) {
      await prediction.getByLabel(`Predicted signal for round ${n + 1}`).selectOption(signal);
    }
    await prediction.getByLabel('Predicted decision').selectOption('Hire');
    await prediction.getByLabel('Predicted level').selectOption('senior');
    await prediction.getByRole('button', { name: 'Save prediction' }).click();
    await prediction.getByTestId('prediction-saved').waitFor();
    const committee = cara.page.getByTestId('committee-chooser');
    await committee.getByLabel(/Ivan/).check();
    await committee.getByLabel(/Jo/).check();
    await committee.getByRole('button', { name: 'Save the committee' }).click();
    await expect.poll(() => committee.textContent()).toContain('Saved');
    // Jo drafts hers.
    const joForm = jo.page.getByTestId('round-feedback');
    await rateAll(joForm, 3);
    await joForm.getByTestId('feedback-text').fill(JO_SAYS);
    await joForm.getByLabel('Your hire signal').selectOption('Hire');
    await joForm.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => joForm.textContent()).toContain('Draft saved');

    // Three rounds in, one not: each sees only their own feedback, in the page and in the API; no packet.
    for (const who of [cara, ivan, jo]) await who.page.reload();
    const [forCara, forIvan, forJo] = await Promise.all([loopJson(cara), loopJson(ivan), loopJson(jo)]);
    expect(forCara.packetOpen).toBe(false);
    expect(forCara.rounds.map((r) => r.feedback)).toEqual([null, null, null, null]);
    expect(forCara.rounds.map((r) => r.feedbackSubmitted)).toEqual([false, false, true, false]);
    expect(forIvan.rounds.map((r) => r.feedback?.feedback ?? null)).toEqual([null, null, IVAN_SAYS, null]);
    expect(forJo.rounds.map((r) => r.feedback?.feedback ?? null)).toEqual([null, null, null, JO_SAYS]);
    expect(await Promise.all([cara, ivan, jo].map(packetStatus))).toEqual([409, 409, 409]);
    expect(await bodyText(cara)).not.toContain(IVAN_SAYS);
    expect(await bodyText(jo)).not.toContain(IVAN_SAYS);
    expect(await bodyText(ivan)).not.toContain(JO_SAYS);
    expect(await cara.page.getByTestId('packet-sealed').textContent()).toBe('Packet sealed');
    await shoot(cara.page, 'loop-candidate');
    await shoot(jo.page, 'loop-interviewer');
  });

  it('Jo submits the last round: the packet opens with the decision, the level and the reasons', async () => {
    const joForm = jo.page.getByTestId('round-feedback');
    await joForm.getByRole('button', { name: 'Submit feedback' }).click();
    await expect.poll(async () => (await loopJson(cara)).packetOpen).toBe(true);
    const open = await loopJson(cara);
    expect(open.rounds.map((r) => r.feedback?.feedback ?? null)).toEqual([null, null, IVAN_SAYS, JO_SAYS]);
    await cara.page.reload();
    await cara.page.getByTestId('open-packet').click();
    await cara.page.waitForURL(`**/loops/${loopId}/packet`);
    const page = cara.page;
    expect(await page.getByTestId('decision').textContent()).toBe('Hire');
    expect(await page.getByTestId('decision-level').textContent()).toBe('at Senior');
    const reasons = (await page.getByTestId('decision-reasons').textContent()) ?? '';
    expect(reasons).toContain('All 4 rounds at Hire or better');
    expect(reasons).toContain('senior bar');
    const rounds = (await page.getByTestId('packet-rounds').textContent()) ?? '';
    expect(rounds).toContain(IVAN_SAYS);
    expect(rounds).toContain(JO_SAYS);
    expect(rounds).toContain('Hidden tests:');
    expect(await page.getByTestId('committee-rules').textContent()).toContain('Strong No Hire');
    const prediction = (await page.getByTestId('prediction-vs-outcome').textContent()) ?? '';
    expect(prediction).toContain('✗ off');
    // Ivan, on the committee, votes; everyone reads it.
    await ivan.page.goto(`${server.url}/loops/${loopId}/packet`);
    const votes = ivan.page.getByTestId('committee-votes');
    await votes.getByRole('textbox').fill('Agree: hire at senior.');
    await votes.getByRole('button', { name: 'Save vote' }).click();
    await expect.poll(() => votes.textContent()).toContain('Agree: hire at senior.');
    await page.reload();
    await expect.poll(() => page.getByTestId('committee-votes').textContent()).toContain('Ivan');
    await shoot(page, 'packet');
    await shoot(ivan.page, 'packet-committee');
  });
});
