/** The authorization matrix's HTTP rows: every documented route and the status each kind of caller gets. */
import { randomBytes } from 'node:crypto';
import { behavioralFixture, codingFixture, codingFixtureTwo, designFixture } from '../support/fixtures.ts';

export type Caller = 'anonymous' | 'owner' | 'reviewer' | 'stranger' | 'revoked' | 'expired';
/** The owner goes last: within one world, only the owner's successes change what others would get. */
export const CALLERS: Caller[] = ['anonymous', 'stranger', 'expired', 'revoked', 'reviewer', 'owner'];

/** One session seen from every side: built fresh for each request, so no call changes another's outcome. */
export interface World {
  sessionId: string;
  revision: number;
  criteria: string[];
  openInviteId: string;
  openToken: string;
  reviewerInviteId: string;
  /** A story of the owner's story bank. */
  storyId: string;
  /** An interview loop of the owner's, planned from the senior template, no round started (its rounds: 4). */
  loopId: string;
}

export interface Row {
  /** A session already submitted (scoring rows). */
  submitted?: boolean;
  /** A fresh world for each caller, when one caller's success would change the next caller's answer. */
  isolate?: boolean;
  /** A coding session instead of a design one. */
  coding?: boolean;
  /** A fresh sign-in for each caller, when the call ends or replaces the caller's session. */
  freshSignIn?: boolean;
  /** A server-sent events stream: only its status is read, then the connection is dropped. */
  stream?: boolean;
  path: (world: World) => string;
  body?: (world: World) => unknown;
  expect: Record<Caller, number>;
}

const planChoice = {
  roadmap: '002_d591f96302e8b18c.txt',
  level: 'staff',
  start: '2026-12-07',
  interview: null,
  timeZone: 'UTC'
};
const everyone = (status: number) => Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const ownerOnly = (status: number) => ({ ...everyone(404), anonymous: 401, owner: status });
const readers = (status: number) => ({ ...ownerOnly(status), reviewer: status });
const all = (world: World, rating: number) => Object.fromEntries(world.criteria.map((id) => [id, rating]));

export const MATRIX: Record<string, Row> = {
  'GET /api/health': { path: () => '/api/health', expect: everyone(200) },
  'POST /api/auth/signup': {
    freshSignIn: true,
    path: () => '/api/auth/signup',
    body: () => ({
      email: `new-${randomBytes(4).toString('hex')}@authz.example`,
      password: 'new-password-1',
      name: 'New'
    }),
    expect: everyone(202)
  },
  'POST /api/auth/signin': {
    path: () => '/api/auth/signin',
    body: () => ({ email: 'nobody@authz.example', password: 'wrong-password' }),
    expect: everyone(401)
  },
  'POST /api/auth/password-reset': {
    path: () => '/api/auth/password-reset',
    body: () => ({
      token: `${'0'.repeat(24)}.${randomBytes(32).toString('base64url')}`,
      password: 'a new pass phrase'
    }),
    expect: everyone(400)
  },
  'POST /api/auth/signout': { freshSignIn: true, path: () => '/api/auth/signout', expect: everyone(200) },
  'GET /api/me': { path: () => '/api/me', expect: signedIn(200) },
  'GET /api/auth/session': { path: () => '/api/auth/session', expect: everyone(200) },
  'GET /api/me/profile': { path: () => '/api/me/profile', expect: signedIn(200) },
  'PUT /api/me/profile': {
    path: () => '/api/me/profile',
    body: () => ({ targetLevel: 'staff', targetDate: '2027-03-01' }),
    expect: signedIn(200)
  },
  'GET /api/rubrics': { path: () => '/api/rubrics', expect: everyone(200) },
  'GET /api/rubrics/{id}': { path: () => '/api/rubrics/system-design-mock', expect: everyone(200) },
  'GET /api/questions': { path: () => '/api/questions', expect: everyone(200) },
  'GET /api/questions/{id}': { path: () => `/api/questions/${designFixture.id}`, expect: everyone(200) },
  'POST /api/sessions': {
    path: () => '/api/sessions',
    body: () => ({ questionId: designFixture.id }),
    expect: signedIn(201)
  },
  'POST /api/assessments': {
    path: () => '/api/assessments',
    body: () => ({ questionIds: [codingFixture.id, codingFixtureTwo.id] }),
    expect: signedIn(201)
  },
  'POST /api/behavioral-mocks': {
    path: () => '/api/behavioral-mocks',
    body: () => ({ questionIds: [behavioralFixture.id] }),
    expect: signedIn(201)
  },
  'GET /api/sessions': { path: () => '/api/sessions', expect: signedIn(200) },
  'GET /api/sessions/{id}': { path: (w) => `/api/sessions/${w.sessionId}`, expect: readers(200) },
  'PATCH /api/sessions/{id}/work': {
    path: (w) => `/api/sessions/${w.sessionId}/work`,
    body: (w) => ({ revision: w.revision, notes: { design: 'edit' } }),
    expect: ownerOnly(200)
  },
  'POST /api/sessions/{id}/phases': {
    path: (w) => `/api/sessions/${w.sessionId}/phases`,
    body: () => ({ phaseId: 'estimation' }),
    expect: ownerOnly(200)
  },
  'POST /api/sessions/{id}/submit': { path: (w) => `/api/sessions/${w.sessionId}/submit`, expect: ownerOnly(200) },
  'GET /api/sessions/{id}/snapshots': { path: (w) => `/api/sessions/${w.sessionId}/snapshots`, expect: readers(200) },
  'PUT /api/sessions/{id}/scores/self': {
    submitted: true,
    path: (w) => `/api/sessions/${w.sessionId}/scores/self`,
    body: (w) => ({ ratings: all(w, 3) }),
    expect: ownerOnly(200)
  },
  'POST /api/sessions/{id}/invites': {
    path: (w) => `/api/sessions/${w.sessionId}/invites`,
    body: () => ({}),
    expect: ownerOnly(201)
  },
  'GET /api/sessions/{id}/invites': { path: (w) => `/api/sessions/${w.sessionId}/invites`, expect: ownerOnly(200) },
  'DELETE /api/invites/{id}': { path: (w) => `/api/invites/${w.openInviteId}`, expect: ownerOnly(200) },
  'POST /api/invites/accept': {
    isolate: true,
    path: () => '/api/invites/accept',
    body: (w) => ({ token: w.openToken }),
    // Any signed-in peer may accept an open invite; the owner cannot review their own session.
    expect: { ...signedIn(200), owner: 409 }
  },
  'PUT /api/sessions/{id}/scores/peer': {
    submitted: true,
    path: (w) => `/api/sessions/${w.sessionId}/scores/peer`,
    body: (w) => ({ ratings: all(w, 2) }),
    expect: { ...readers(200), owner: 403 }
  },
  'GET /api/sessions/{id}/scores': { path: (w) => `/api/sessions/${w.sessionId}/scores`, expect: readers(200) },
  'POST /api/sessions/{id}/submissions': {
    coding: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions`,
    body: () => ({ language: 'python', code: 'def two_sum(nums, target):\n    return [0, 1]' }),
    expect: ownerOnly(201)
  },
  'PUT /api/sessions/{id}/submissions/{n}/result': {
    coding: true,
    isolate: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions/1/result`,
    body: () => ({ results: Array.from({ length: 7 }, () => ({ verdict: 'pass', ms: 1 })) }),
    expect: ownerOnly(200)
  },
  // The held-back tests go to reviewers only: the candidate is refused (403), strangers never learn they exist.
  'GET /api/sessions/{id}/submissions/{n}/confirmation-tests': {
    coding: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions/1/confirmation-tests`,
    expect: { ...readers(200), owner: 403 }
  },
  'PUT /api/sessions/{id}/submissions/{n}/confirmation': {
    coding: true,
    isolate: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions/1/confirmation`,
    body: () => ({ outcomes: Array.from({ length: 3 }, () => ({ kind: 'timeout' })) }),
    expect: { ...readers(200), owner: 403 }
  },
  'GET /api/sessions/{id}/submissions': {
    coding: true,
    path: (w) => `/api/sessions/${w.sessionId}/submissions`,
    expect: readers(200)
  },
  'GET /api/sessions/{id}/room': { path: (w) => `/api/sessions/${w.sessionId}/room`, expect: readers(200) },
  'GET /api/sessions/{id}/events': {
    stream: true,
    path: (w) => `/api/sessions/${w.sessionId}/events`,
    expect: readers(200)
  },
  'POST /api/sessions/{id}/chat': {
    path: (w) => `/api/sessions/${w.sessionId}/chat`,
    body: () => ({ text: 'hello' }),
    expect: readers(201)
  },
  'POST /api/sessions/{id}/interviewer-notes': {
    path: (w) => `/api/sessions/${w.sessionId}/interviewer-notes`,
    body: () => ({ text: 'asked about caching' }),
    expect: { ...readers(201), owner: 403 }
  },
  'POST /api/sessions/{id}/reveals': {
    path: (w) => `/api/sessions/${w.sessionId}/reveals`,
    body: () => ({ kind: 'hint', index: 0 }),
    expect: { ...readers(201), owner: 403 }
  },
  'POST /api/sessions/{id}/runs': {
    coding: true,
    path: (w) => `/api/sessions/${w.sessionId}/runs`,
    body: () => ({ language: 'python', cases: [{ label: 'Example 1', verdict: 'pass', ms: 3 }] }),
    expect: ownerOnly(201)
  },
  'POST /api/sessions/{id}/drafts': {
    path: (w) => `/api/sessions/${w.sessionId}/drafts`,
    body: () => ({ notes: { design: 'typing' } }),
    expect: ownerOnly(202)
  },
  // The voice call: everyone in the room signals and consents; a signal to nobody in the room reaches no one.
  'GET /api/sessions/{id}/call': { path: (w) => `/api/sessions/${w.sessionId}/call`, expect: readers(200) },
  'POST /api/sessions/{id}/call/signals': {
    path: (w) => `/api/sessions/${w.sessionId}/call/signals`,
    body: () => ({ to: '0'.repeat(24), signal: { kind: 'ready' } }),
    expect: readers(202)
  },
  'PUT /api/sessions/{id}/call/consent': {
    path: (w) => `/api/sessions/${w.sessionId}/call/consent`,
    body: () => ({ record: true }),
    expect: readers(200)
  },
  // The voice recording: the owner records; whoever may read the session may listen. The world has one chunk.
  'POST /api/sessions/{id}/recording/chunks': {
    path: (w) => `/api/sessions/${w.sessionId}/recording/chunks`,
    body: () => ({ segment: 0, seq: 1, startMs: 1000, durationMs: 1000, data: 'AAAA' }),
    expect: ownerOnly(200)
  },
  'GET /api/sessions/{id}/recording': { path: (w) => `/api/sessions/${w.sessionId}/recording`, expect: readers(200) },
  'GET /api/sessions/{id}/recording/{segment}': {
    path: (w) => `/api/sessions/${w.sessionId}/recording/0`,
    expect: readers(200)
  },
  'DELETE /api/sessions/{id}/recording': {
    path: (w) => `/api/sessions/${w.sessionId}/recording`,
    expect: ownerOnly(200)
  },
  'GET /api/insights': { path: () => '/api/insights', expect: signedIn(200) },
  'PUT /api/recaps/{weekStart}': {
    path: () => '/api/recaps/2026-11-16',
    body: () => ({ markdown: '### Week of 2026-11-16 Recap' }),
    expect: signedIn(200)
  },
  'GET /api/export': { path: () => '/api/export?format=csv', expect: signedIn(200) },
  // The story bank is the user's own: no invite reaches it, so a session's reviewer gets 404 too.
  'GET /api/stories': { path: () => '/api/stories', expect: signedIn(200) },
  'GET /api/stories/summary': { path: () => '/api/stories/summary', expect: signedIn(200) },
  'POST /api/stories': { path: () => '/api/stories', body: () => ({ title: 'A new story' }), expect: signedIn(201) },
  'GET /api/stories/{id}': { path: (w) => `/api/stories/${w.storyId}`, expect: ownerOnly(200) },
  'PUT /api/stories/{id}': {
    path: (w) => `/api/stories/${w.storyId}`,
    body: () => ({ title: 'Renamed story', themes: ['conflict'] }),
    expect: ownerOnly(200)
  },
  'DELETE /api/stories/{id}': { path: (w) => `/api/stories/${w.storyId}`, expect: ownerOnly(200) },
  // An interview loop is its candidate's; the world's reviewer interviews none of its rounds, so it is a stranger.
  'GET /api/loop-templates': { path: () => '/api/loop-templates', expect: signedIn(200) },
  'POST /api/loops': { path: () => '/api/loops', body: () => ({ templateId: 'senior' }), expect: signedIn(201) },
  'GET /api/loops': { path: () => '/api/loops', expect: signedIn(200) },
  'GET /api/loops/{id}': { path: (w) => `/api/loops/${w.loopId}`, expect: ownerOnly(200) },
  'PUT /api/loops/{id}/rounds/{n}': {
    path: (w) => `/api/loops/${w.loopId}/rounds/2`,
    body: () => ({ kind: 'design', title: 'System design', durationMin: 45 }),
    expect: ownerOnly(200)
  },
  'POST /api/loops/{id}/rounds/{n}/start': {
    path: (w) => `/api/loops/${w.loopId}/rounds/2/start`,
    body: () => ({ mode: 'solo' }),
    expect: ownerOnly(200)
  },
  'PUT /api/loops/{id}/rounds/{n}/mode': {
    path: (w) => `/api/loops/${w.loopId}/rounds/2/mode`,
    body: () => ({ mode: 'live' }),
    expect: ownerOnly(409)
  },
  // Not started yet: a round's interviewer is invited once it runs live.
  'POST /api/loops/{id}/rounds/{n}/invites': {
    path: (w) => `/api/loops/${w.loopId}/rounds/2/invites`,
    body: () => ({}),
    expect: ownerOnly(409)
  },
  // Only the round's interviewer writes its feedback: its candidate is refused.
  'PUT /api/loops/{id}/rounds/{n}/feedback': {
    path: (w) => `/api/loops/${w.loopId}/rounds/2/feedback`,
    body: () => ({ ratings: {} }),
    expect: ownerOnly(403)
  },
  'PUT /api/loops/{id}/prediction': {
    path: (w) => `/api/loops/${w.loopId}/prediction`,
    body: () => ({ rounds: ['Hire', 'Hire', 'Hire', 'No Hire'], decision: 'Hold' }),
    expect: ownerOnly(200)
  },
  'PUT /api/loops/{id}/committee': {
    path: (w) => `/api/loops/${w.loopId}/committee`,
    body: () => ({ rounds: [0] }),
    expect: ownerOnly(200)
  },
  // The packet opens once every round is in.
  'GET /api/loops/{id}/packet': { path: (w) => `/api/loops/${w.loopId}/packet`, expect: ownerOnly(409) },
  'PUT /api/loops/{id}/vote': {
    path: (w) => `/api/loops/${w.loopId}/vote`,
    body: () => ({ decision: 'Hire' }),
    expect: ownerOnly(403)
  },
  // The study plan is the user's own, one per user; before accepting one, its parts answer 404. Accepting one and
  // deleting it come last, so the rows before see no plan.
  'GET /api/plan/roadmaps': { path: () => '/api/plan/roadmaps', expect: signedIn(200) },
  'POST /api/plan/preview': { path: () => '/api/plan/preview', body: () => planChoice, expect: signedIn(200) },
  'GET /api/plan': { path: () => '/api/plan', expect: signedIn(200) },
  'GET /api/plan/today': { path: () => '/api/plan/today', expect: signedIn(404) },
  'PUT /api/plan/ticks/{taskId}': {
    path: () => '/api/plan/ticks/w01.0',
    body: () => ({ done: true }),
    expect: signedIn(404)
  },
  'POST /api/plan/mocks/{mockId}/start': { path: () => '/api/plan/mocks/w01.m0/start', expect: signedIn(404) },
  'POST /api/plan/weak-areas/{area}': { path: () => '/api/plan/weak-areas/architecture', expect: signedIn(404) },
  'GET /api/plan/ledger': { path: () => '/api/plan/ledger', expect: signedIn(404) },
  'PUT /api/plan/ledger': {
    path: () => '/api/plan/ledger',
    body: () => ({ goals: [], oops: [], log: [] }),
    expect: signedIn(404)
  },
  'GET /api/plan/ledger.md': { path: () => '/api/plan/ledger.md', expect: signedIn(404) },
  'GET /api/plan/calendar.ics': { path: () => '/api/plan/calendar.ics', expect: signedIn(404) },
  'PUT /api/plan': {
    path: () => '/api/plan',
    body: () => ({
      ...planChoice,
      slots: Array.from({ length: 10 }, (_, i) => [`d${String(i + 1).padStart(2, '0')}`])
    }),
    expect: signedIn(200)
  },
  'DELETE /api/plan': { path: () => '/api/plan', expect: signedIn(200) }
};
