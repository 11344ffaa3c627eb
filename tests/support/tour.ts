/**
 * Every page of MockLoop with real data behind it: a candidate with live, scored, coding and behavioral sessions, a
 * story bank and two interview loops (one planned, one decided), and a peer.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { startTestServer } from './server.ts';

/** Questions from the real bank, so the pages show the content people see (Markdown, sources, rubrics). */
export const DESIGN_ID = 'url-shortener-10m-day';
export const CODING_ID = 'lc-0001-two-sum';

export interface TourPage {
  name: string;
  path: string;
  /** Who looks at it: nobody signed in, the candidate, or the peer who reviews. */
  as: 'anonymous' | 'candidate' | 'peer';
  /** Waits for what makes the page complete (an editor, a chart) before it is checked. */
  ready?: (page: Page) => Promise<void>;
}

export interface Tour {
  pages: TourPage[];
  contextFor(as: TourPage['as'], viewport: { width: number; height: number }): Promise<BrowserContext>;
}

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Signs up and in, as the sign-up page does (sign-up answers 202 whatever the e-mail). */
async function signUp(context: BrowserContext, url: string, name: string) {
  const data = { email: `${name.toLowerCase()}@tour.example`, password: `${name}-password-1`, name };
  expect((await context.request.post(`${url}/api/auth/signup`, { data })).status()).toBe(202);
  const res = await context.request.post(`${url}/api/auth/signin`, {
    data: { email: data.email, password: data.password }
  });
  expect(res.status()).toBe(200);
}

/** Signs up a candidate and a peer and creates the sessions every page needs; returns the pages to visit. */
export async function prepareTour(server: Server, browser: Browser): Promise<Tour> {
  const states: Record<string, Awaited<ReturnType<BrowserContext['storageState']>>> = {};
  const base = server.url;

  const candidate = await browser.newContext();
  await signUp(candidate, base, 'Candidate');
  const post = async (path: string, data: unknown = {}) => {
    const res = await candidate.request.post(`${base}${path}`, { data });
    expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
    return res.json();
  };

  const submitAndScore = async (id: string, rating: number) => {
    await post(`/api/sessions/${id}/submit`);
    const full = (await (await candidate.request.get(`${base}/api/sessions/${id}`)).json()).session;
    const ratings = Object.fromEntries(full.rubric.criteria.map((c: { id: string }) => [c.id, rating]));
    const put = await candidate.request.put(`${base}/api/sessions/${id}/scores/self`, {
      data: { ratings, oops: ['skipped-estimates'] }
    });
    expect(put.ok(), await put.text()).toBe(true);
  };

  // Two scored design mocks (a trend needs two points), one live design mock, one live coding mock.
  const scored: string[] = [];
  for (const rating of [2, 3]) {
    const { session } = await post('/api/sessions', { questionId: DESIGN_ID, durationMin: 45 });
    await candidate.request.patch(`${base}/api/sessions/${session.id}/work`, {
      data: {
        revision: session.revision,
        notes: { functional: 'Shorten; redirect; **aliases**', estimates: '115 rps' }
      }
    });
    await submitAndScore(session.id, rating);
    scored.push(session.id);
  }
  const live = (await post('/api/sessions', { questionId: DESIGN_ID })).session.id as string;
  // Finished and not scored yet: its result page asks for the self-assessment ("Rate every criterion…").
  const unscored = (await post('/api/sessions', { questionId: DESIGN_ID })).session.id as string;
  await post(`/api/sessions/${unscored}/submit`);
  const coding = (await post('/api/sessions', { questionId: CODING_ID })).session.id as string;
  // A story in the bank, a live behavioral mock, and a scored one whose first prompt is told with the story.
  const { story } = await post('/api/stories', {
    title: 'Two teams, one checkout',
    situation: 'Two teams owned halves of the checkout flow and broke each other on every release.',
    task: 'I was asked to get both teams shipping again without a reorganisation.',
    action: 'I mapped every incident to its cause and I ran a joint review; we agreed one contract test suite.',
    result: 'Rollbacks fell from 6 a month to 1 within a quarter.',
    themes: ['conflict', 'collaboration'],
    roadmapWeeks: [16]
  });
  const behavioralLive = (await post('/api/behavioral-mocks', { durationMin: 30, count: 2 })).session.id as string;
  const told = (await post('/api/behavioral-mocks', { durationMin: 45, count: 3 })).session;
  const { situation, task, action, result } = story;
  const answer = { p1Situation: situation, p1Task: task, p1Action: action, p1Result: result, p1Story: story.id };
  await candidate.request.patch(`${base}/api/sessions/${told.id}/work`, { data: { revision: 0, notes: answer } });
  await submitAndScore(told.id, 3);
  const { url: inviteUrl } = await post(`/api/sessions/${scored[1]}/invites`);
  // Two interview loops: the senior template as planned, and a one-round loop run alone and self-scored (decided).
  const plannedLoop = (await post('/api/loops', { templateId: 'senior' })).loop.id as string;
  const decidedLoop = (
    await post('/api/loops', {
      templateId: 'senior',
      rounds: [{ kind: 'design', title: 'System design', durationMin: 45, questionId: DESIGN_ID }]
    })
  ).loop.id as string;
  const round = (await post(`/api/loops/${decidedLoop}/rounds/0/start`, { mode: 'solo' })).loop.rounds[0].sessionId;
  await submitAndScore(round, 3);
  // A practice-partner slot three days ahead, which the peer takes below (a booking for the pair's room).
  const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const { slot } = await post('/api/partners/slots', {
    start: `${inThreeDays}T15:00`,
    timeZone: 'UTC',
    wish: { kind: 'coding', level: 'staff', topic: 'graphs' }
  });
  states.candidate = await candidate.storageState();
  await candidate.close();

  const peer = await browser.newContext();
  await signUp(peer, base, 'Peer');
  const peerPage = await peer.newPage();
  await peerPage.goto(inviteUrl);
  await peerPage.waitForURL(`**/review/${scored[1]}`);
  const taken = await peer.request.post(`${base}/api/partners/slots/${slot.id}/take`, { data: {} });
  expect(taken.ok(), await taken.text()).toBe(true);
  const pairBooking = (await taken.json()).booking.id as string;
  states.peer = await peer.storageState();
  await peer.close();

  const whiteboard = (page: Page) =>
    page.locator('.excalidraw canvas.interactive').first().waitFor({ timeout: 15_000 });
  const pages: TourPage[] = [
    { name: 'landing', path: '/', as: 'anonymous' },
    { name: 'sign-in', path: '/signin', as: 'anonymous' },
    { name: 'sign-up', path: '/signup', as: 'anonymous' },
    { name: 'dashboard', path: '/dashboard', as: 'candidate' },
    { name: 'questions', path: '/questions', as: 'candidate' },
    { name: 'question', path: `/questions/${DESIGN_ID}`, as: 'candidate' },
    { name: 'coding-question', path: `/questions/${CODING_ID}`, as: 'candidate' },
    { name: 'rubrics', path: '/rubrics', as: 'candidate' },
    { name: 'rubric', path: '/rubrics/system-design-mock', as: 'candidate' },
    { name: 'roadmaps', path: '/roadmaps', as: 'candidate' },
    { name: 'history', path: '/sessions', as: 'candidate' },
    { name: 'design-mock', path: `/sessions/${live}`, as: 'candidate', ready: whiteboard },
    { name: 'result', path: `/sessions/${scored[1]}/result`, as: 'candidate', ready: whiteboard },
    { name: 'result-unscored', path: `/sessions/${unscored}/result`, as: 'candidate', ready: whiteboard },
    {
      name: 'coding-mock',
      path: `/sessions/${coding}`,
      as: 'candidate',
      ready: (page) => page.locator('.monaco-editor .view-lines').waitFor({ timeout: 15_000 })
    },
    {
      name: 'behavioral-mock',
      path: `/sessions/${behavioralLive}`,
      as: 'candidate',
      ready: (page) => page.getByRole('heading', { name: 'Story bank' }).waitFor({ timeout: 15_000 })
    },
    { name: 'behavioral-result', path: `/sessions/${told.id}/result`, as: 'candidate' },
    { name: 'stories', path: '/stories', as: 'candidate' },
    { name: 'account', path: '/account', as: 'candidate' },
    { name: 'loops', path: '/loops', as: 'candidate' },
    { name: 'partners', path: '/partners', as: 'candidate' },
    { name: 'pair-room', path: `/partners/${pairBooking}`, as: 'candidate' },
    { name: 'loop-start', path: '/loops/new', as: 'candidate' },
    { name: 'loop', path: `/loops/${plannedLoop}`, as: 'candidate' },
    { name: 'loop-packet', path: `/loops/${decidedLoop}/packet`, as: 'candidate' },
    { name: 'review', path: `/review/${scored[1]}`, as: 'peer', ready: whiteboard },
    {
      name: 'insights',
      path: '/insights',
      as: 'candidate',
      ready: (page) => page.locator('canvas[aria-label^="Ratings over time"]').first().waitFor({ timeout: 15_000 })
    }
  ];
  return {
    pages,
    contextFor: (as, viewport) =>
      browser.newContext({ viewport, ...(as === 'anonymous' ? {} : { storageState: states[as] }) })
  };
}
