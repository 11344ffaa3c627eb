/** The authorization matrix's HTTP rows: every documented route and the status each kind of caller gets. */
import { randomBytes } from 'node:crypto';
import { behavioralFixture, codingFixture, codingFixtureTwo, designFixture } from '../support/fixtures.ts';
import type { client, reply } from '../support/server.ts';

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

/** The typed client of the caller (`hc<ApiRoutes>`): a renamed route, parameter or field fails the type check. */
type Api = ReturnType<typeof client>['api'];

interface RowOptions {
  /** A session already submitted (scoring rows). */
  submitted?: boolean;
  /** A fresh world for each caller, when one caller's success would change the next caller's answer. */
  isolate?: boolean;
  /** A coding session instead of a design one. */
  coding?: boolean;
  /** A fresh sign-in for each caller, when the call ends or replaces the caller's session. */
  freshSignIn?: boolean;
  expect: Record<Caller, number>;
}

export type Row = RowOptions &
  (
    | {
        /** The row's request, made by the caller's typed client. */
        call: (api: Api, world: World) => Parameters<typeof reply>[0];
        stream?: never;
      }
    | {
        /** A server-sent events stream's URL: only its status is read, then the connection is dropped. */
        stream: (api: Api, world: World) => URL;
        call?: never;
      }
  );

const planChoice = {
  roadmap: '002_d591f96302e8b18c.txt',
  level: 'staff',
  start: '2026-12-07',
  interview: null,
  timeZone: 'UTC'
} as const;
const everyone = (status: number) => Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const ownerOnly = (status: number) => ({ ...everyone(404), anonymous: 401, owner: status });
const readers = (status: number) => ({ ...ownerOnly(status), reviewer: status });
const all = (world: World, rating: number) => Object.fromEntries(world.criteria.map((id) => [id, rating]));

const session = (api: Api) => api.sessions[':id'];
const ofSession = (w: World) => ({ id: w.sessionId });
const submission = (w: World) => ({ id: w.sessionId, n: '1' });
const ofLoop = (w: World) => ({ id: w.loopId });
const round = (w: World) => ({ id: w.loopId, n: '2' });
/** An id no partner slot, proposal or booking has (tests/api/partners.test.ts checks them with real ones). */
const noPartnerDoc = 'a'.repeat(24);

export const MATRIX: Record<string, Row> = {
  'GET /api/health': { call: (api) => api.health.$get(), expect: everyone(200) },
  'POST /api/auth/signup': {
    freshSignIn: true,
    call: (api) =>
      api.auth.signup.$post({
        json: { email: `new-${randomBytes(4).toString('hex')}@authz.example`, password: 'new-password-1', name: 'New' }
      }),
    expect: everyone(202)
  },
  'POST /api/auth/signin': {
    call: (api) => api.auth.signin.$post({ json: { email: 'nobody@authz.example', password: 'wrong-password' } }),
    expect: everyone(401)
  },
  'POST /api/auth/password-reset': {
    call: (api) =>
      api.auth['password-reset'].$post({
        json: { token: `${'0'.repeat(24)}.${randomBytes(32).toString('base64url')}`, password: 'a new pass phrase' }
      }),
    expect: everyone(400)
  },
  'POST /api/auth/signout': { freshSignIn: true, call: (api) => api.auth.signout.$post(), expect: everyone(200) },
  'GET /api/me': { call: (api) => api.me.$get(), expect: signedIn(200) },
  'GET /api/auth/session': { call: (api) => api.auth.session.$get(), expect: everyone(200) },
  'GET /api/me/profile': { call: (api) => api.me.profile.$get(), expect: signedIn(200) },
  'PUT /api/me/profile': {
    call: (api) => api.me.profile.$put({ json: { targetLevel: 'staff', targetDate: '2027-03-01' } }),
    expect: signedIn(200)
  },
  'GET /api/rubrics': { call: (api) => api.rubrics.$get(), expect: everyone(200) },
  'GET /api/rubrics/{id}': {
    call: (api) => api.rubrics[':id'].$get({ param: { id: 'system-design-mock' } }),
    expect: everyone(200)
  },
  'GET /api/questions': { call: (api) => api.questions.$get({ query: {} }), expect: everyone(200) },
  'GET /api/questions/{id}': {
    call: (api) => api.questions[':id'].$get({ param: { id: designFixture.id } }),
    expect: everyone(200)
  },
  'POST /api/sessions': {
    call: (api) => api.sessions.$post({ json: { questionId: designFixture.id } }),
    expect: signedIn(201)
  },
  'POST /api/assessments': {
    call: (api) => api.assessments.$post({ json: { questionIds: [codingFixture.id, codingFixtureTwo.id] } }),
    expect: signedIn(201)
  },
  'POST /api/behavioral-mocks': {
    call: (api) => api['behavioral-mocks'].$post({ json: { questionIds: [behavioralFixture.id] } }),
    expect: signedIn(201)
  },
  'GET /api/sessions': { call: (api) => api.sessions.$get({ query: {} }), expect: signedIn(200) },
  'GET /api/sessions/{id}': { call: (api, w) => session(api).$get({ param: ofSession(w) }), expect: readers(200) },
  'PATCH /api/sessions/{id}/work': {
    call: (api, w) =>
      session(api).work.$patch({ param: ofSession(w), json: { revision: w.revision, notes: { design: 'edit' } } }),
    expect: ownerOnly(200)
  },
  'POST /api/sessions/{id}/phases': {
    call: (api, w) => session(api).phases.$post({ param: ofSession(w), json: { phaseId: 'estimation' } }),
    expect: ownerOnly(200)
  },
  'POST /api/sessions/{id}/submit': {
    call: (api, w) => session(api).submit.$post({ param: ofSession(w) }),
    expect: ownerOnly(200)
  },
  'GET /api/sessions/{id}/snapshots': {
    call: (api, w) => session(api).snapshots.$get({ param: ofSession(w) }),
    expect: readers(200)
  },
  'GET /api/sessions/{id}/reference': {
    submitted: true,
    call: (api, w) => session(api).reference.$get({ param: ofSession(w) }),
    expect: readers(200)
  },
  'PUT /api/sessions/{id}/scores/self': {
    submitted: true,
    call: (api, w) => session(api).scores.self.$put({ param: ofSession(w), json: { ratings: all(w, 3) } }),
    expect: ownerOnly(200)
  },
  'POST /api/sessions/{id}/invites': {
    call: (api, w) => session(api).invites.$post({ param: ofSession(w), json: {} }),
    expect: ownerOnly(201)
  },
  'GET /api/sessions/{id}/invites': {
    call: (api, w) => session(api).invites.$get({ param: ofSession(w) }),
    expect: ownerOnly(200)
  },
  'DELETE /api/invites/{id}': {
    call: (api, w) => api.invites[':id'].$delete({ param: { id: w.openInviteId } }),
    expect: ownerOnly(200)
  },
  'POST /api/invites/{id}/link': {
    call: (api, w) => api.invites[':id'].link.$post({ param: { id: w.openInviteId }, json: {} }),
    expect: ownerOnly(200)
  },
  // Nobody scored the world's session: the owner is told there is nothing to rate yet.
  'PUT /api/sessions/{id}/feedback-rating': {
    call: (api, w) =>
      session(api)['feedback-rating'].$put({
        param: ofSession(w),
        json: { reviewerId: 'b'.repeat(24), specific: 4, actionable: 4, calibrated: 4 }
      }),
    expect: ownerOnly(409)
  },
  'GET /api/sessions/{id}/feedback-ratings': {
    call: (api, w) => session(api)['feedback-ratings'].$get({ param: ofSession(w) }),
    expect: ownerOnly(200)
  },
  'GET /api/me/interviewer-record': { call: (api) => api.me['interviewer-record'].$get(), expect: signedIn(200) },
  'POST /api/invites/accept': {
    isolate: true,
    call: (api, w) => api.invites.accept.$post({ json: { token: w.openToken } }),
    // Any signed-in peer may accept an open invite; the owner cannot review their own session.
    expect: { ...signedIn(200), owner: 409 }
  },
  'POST /api/invite-preview': {
    call: (api, w) => api['invite-preview'].$post({ json: { token: w.openToken } }),
    // The link is the secret: whoever holds it learns who invited them and to what.
    expect: everyone(200)
  },
  'PUT /api/sessions/{id}/scores/peer': {
    submitted: true,
    call: (api, w) => session(api).scores.peer.$put({ param: ofSession(w), json: { ratings: all(w, 2) } }),
    expect: { ...readers(200), owner: 403 }
  },
  'GET /api/sessions/{id}/scores': {
    call: (api, w) => session(api).scores.$get({ param: ofSession(w) }),
    expect: readers(200)
  },
  'POST /api/sessions/{id}/submissions': {
    coding: true,
    call: (api, w) =>
      session(api).submissions.$post({
        param: ofSession(w),
        json: { language: 'python', code: 'def two_sum(nums, target):\n    return [0, 1]' }
      }),
    expect: ownerOnly(201)
  },
  'PUT /api/sessions/{id}/submissions/{n}/result': {
    coding: true,
    isolate: true,
    call: (api, w) =>
      session(api).submissions[':n'].result.$put({
        param: submission(w),
        json: { results: Array.from({ length: 7 }, () => ({ verdict: 'pass' as const, ms: 1 })) }
      }),
    expect: ownerOnly(200)
  },
  // The held-back tests go to reviewers only: the candidate is refused (403), strangers never learn they exist.
  'GET /api/sessions/{id}/submissions/{n}/confirmation-tests': {
    coding: true,
    call: (api, w) => session(api).submissions[':n']['confirmation-tests'].$get({ param: submission(w) }),
    expect: { ...readers(200), owner: 403 }
  },
  'PUT /api/sessions/{id}/submissions/{n}/confirmation': {
    coding: true,
    isolate: true,
    call: (api, w) =>
      session(api).submissions[':n'].confirmation.$put({
        param: submission(w),
        json: { outcomes: Array.from({ length: 3 }, () => ({ kind: 'timeout' as const })) }
      }),
    expect: { ...readers(200), owner: 403 }
  },
  'GET /api/sessions/{id}/submissions': {
    coding: true,
    call: (api, w) => session(api).submissions.$get({ param: ofSession(w) }),
    expect: readers(200)
  },
  'GET /api/sessions/{id}/room': {
    call: (api, w) => session(api).room.$get({ param: ofSession(w), query: {} }),
    expect: readers(200)
  },
  'GET /api/sessions/{id}/events': {
    stream: (api, w) => session(api).events.$url({ param: ofSession(w), query: {} }),
    expect: readers(200)
  },
  'POST /api/sessions/{id}/chat': {
    call: (api, w) => session(api).chat.$post({ param: ofSession(w), json: { text: 'hello' } }),
    expect: readers(201)
  },
  'POST /api/sessions/{id}/interviewer-notes': {
    call: (api, w) =>
      session(api)['interviewer-notes'].$post({ param: ofSession(w), json: { text: 'asked about caching' } }),
    expect: { ...readers(201), owner: 403 }
  },
  'POST /api/sessions/{id}/reveals': {
    call: (api, w) => session(api).reveals.$post({ param: ofSession(w), json: { kind: 'hint', index: 0 } }),
    expect: { ...readers(201), owner: 403 }
  },
  'POST /api/sessions/{id}/runs': {
    coding: true,
    call: (api, w) =>
      session(api).runs.$post({
        param: ofSession(w),
        json: { language: 'python', cases: [{ label: 'Example 1', verdict: 'pass', ms: 3 }] }
      }),
    expect: ownerOnly(201)
  },
  'POST /api/sessions/{id}/drafts': {
    call: (api, w) => session(api).drafts.$post({ param: ofSession(w), json: { notes: { design: 'typing' } } }),
    expect: ownerOnly(202)
  },
  // The voice call: everyone in the room signals and consents; a signal to nobody in the room reaches no one.
  'GET /api/sessions/{id}/call': {
    call: (api, w) => session(api).call.$get({ param: ofSession(w) }),
    expect: readers(200)
  },
  'POST /api/sessions/{id}/call/signals': {
    call: (api, w) =>
      session(api).call.signals.$post({ param: ofSession(w), json: { to: '0'.repeat(24), signal: { kind: 'ready' } } }),
    expect: readers(202)
  },
  'PUT /api/sessions/{id}/call/consent': {
    call: (api, w) => session(api).call.consent.$put({ param: ofSession(w), json: { record: true } }),
    expect: readers(200)
  },
  // The voice recording: the owner records; whoever may read the session may listen. The world has one chunk.
  'POST /api/sessions/{id}/recording/chunks': {
    call: (api, w) =>
      session(api).recording.chunks.$post({
        param: ofSession(w),
        json: { segment: 0, seq: 1, startMs: 1000, durationMs: 1000, data: 'AAAA' }
      }),
    expect: ownerOnly(200)
  },
  'GET /api/sessions/{id}/recording': {
    call: (api, w) => session(api).recording.$get({ param: ofSession(w) }),
    expect: readers(200)
  },
  'GET /api/sessions/{id}/recording/{segment}': {
    call: (api, w) => session(api).recording[':segment'].$get({ param: { ...ofSession(w), segment: '0' } }),
    expect: readers(200)
  },
  // Each caller its own world: the owner's call deletes the session.
  'DELETE /api/sessions/{id}': {
    isolate: true,
    call: (api, w) => session(api).$delete({ param: ofSession(w) }),
    expect: ownerOnly(200)
  },
  // The callers' accounts serve every row, so none is deleted here: a wrong password deletes nobody's account
  // (tests/api/owned-data.test.ts deletes one).
  'DELETE /api/me/account': {
    call: (api) => api.me.account.$delete({ json: { password: 'not-anyones-password-1' } }),
    expect: everyone(401)
  },
  'DELETE /api/sessions/{id}/recording': {
    call: (api, w) => session(api).recording.$delete({ param: ofSession(w) }),
    expect: ownerOnly(200)
  },
  'GET /api/insights': { call: (api) => api.insights.$get({ query: {} }), expect: signedIn(200) },
  'PUT /api/recaps/{weekStart}': {
    call: (api) =>
      api.recaps[':weekStart'].$put({
        param: { weekStart: '2026-11-16' },
        json: { markdown: '### Week of 2026-11-16 Recap' }
      }),
    expect: signedIn(200)
  },
  'GET /api/export': { call: (api) => api.export.$get({ query: { format: 'csv' } }), expect: signedIn(200) },
  // The story bank is the user's own: no invite reaches it, so a session's reviewer gets 404 too.
  'GET /api/stories': { call: (api) => api.stories.$get(), expect: signedIn(200) },
  'GET /api/stories/summary': { call: (api) => api.stories.summary.$get(), expect: signedIn(200) },
  'POST /api/stories': {
    call: (api) => api.stories.$post({ json: { title: 'A new story' } }),
    expect: signedIn(201)
  },
  'GET /api/stories/{id}': {
    call: (api, w) => api.stories[':id'].$get({ param: { id: w.storyId } }),
    expect: ownerOnly(200)
  },
  'PUT /api/stories/{id}': {
    call: (api, w) =>
      api.stories[':id'].$put({ param: { id: w.storyId }, json: { title: 'Renamed story', themes: ['conflict'] } }),
    expect: ownerOnly(200)
  },
  'DELETE /api/stories/{id}': {
    call: (api, w) => api.stories[':id'].$delete({ param: { id: w.storyId } }),
    expect: ownerOnly(200)
  },
  // An interview loop is its candidate's; the world's reviewer interviews none of its rounds, so it is a stranger.
  'GET /api/loop-templates': { call: (api) => api['loop-templates'].$get(), expect: signedIn(200) },
  'POST /api/loops': { call: (api) => api.loops.$post({ json: { templateId: 'senior' } }), expect: signedIn(201) },
  'GET /api/loops': { call: (api) => api.loops.$get(), expect: signedIn(200) },
  'GET /api/loops/{id}': { call: (api, w) => api.loops[':id'].$get({ param: ofLoop(w) }), expect: ownerOnly(200) },
  'PUT /api/loops/{id}/rounds/{n}': {
    call: (api, w) =>
      api.loops[':id'].rounds[':n'].$put({
        param: round(w),
        json: { kind: 'design', title: 'System design', durationMin: 45 }
      }),
    expect: ownerOnly(200)
  },
  'POST /api/loops/{id}/rounds/{n}/start': {
    call: (api, w) => api.loops[':id'].rounds[':n'].start.$post({ param: round(w), json: { mode: 'solo' } }),
    expect: ownerOnly(200)
  },
  'PUT /api/loops/{id}/rounds/{n}/mode': {
    call: (api, w) => api.loops[':id'].rounds[':n'].mode.$put({ param: round(w), json: { mode: 'live' } }),
    expect: ownerOnly(409)
  },
  // Not started yet: a round's interviewer is invited once it runs live.
  'POST /api/loops/{id}/rounds/{n}/invites': {
    call: (api, w) => api.loops[':id'].rounds[':n'].invites.$post({ param: round(w), json: {} }),
    expect: ownerOnly(409)
  },
  // Only the round's interviewer writes its feedback: its candidate is refused.
  'PUT /api/loops/{id}/rounds/{n}/feedback': {
    call: (api, w) => api.loops[':id'].rounds[':n'].feedback.$put({ param: round(w), json: { ratings: {} } }),
    expect: ownerOnly(403)
  },
  'PUT /api/loops/{id}/prediction': {
    call: (api, w) =>
      api.loops[':id'].prediction.$put({
        param: ofLoop(w),
        json: { rounds: ['Hire', 'Hire', 'Hire', 'No Hire'], decision: 'Hold' }
      }),
    expect: ownerOnly(200)
  },
  'PUT /api/loops/{id}/committee': {
    call: (api, w) => api.loops[':id'].committee.$put({ param: ofLoop(w), json: { rounds: [0] } }),
    expect: ownerOnly(200)
  },
  // The packet opens once every round is in.
  'GET /api/loops/{id}/packet': {
    call: (api, w) => api.loops[':id'].packet.$get({ param: ofLoop(w) }),
    expect: ownerOnly(409)
  },
  'PUT /api/loops/{id}/vote': {
    call: (api, w) => api.loops[':id'].vote.$put({ param: ofLoop(w), json: { decision: 'Hire' } }),
    expect: ownerOnly(403)
  },
  // Practice partners: one's own overview and slots; a booking, proposal or slot nobody has is 404 to everyone.
  'GET /api/partners': { call: (api) => api.partners.$get(), expect: signedIn(200) },
  'POST /api/partners/slots': {
    call: (api) =>
      api.partners.slots.$post({
        json: { start: '2030-01-07T09:00', timeZone: 'UTC', wish: { kind: 'behavioral', level: 'senior' } }
      }),
    expect: signedIn(201)
  },
  'DELETE /api/partners/slots/{id}': {
    call: (api) => api.partners.slots[':id'].$delete({ param: { id: noPartnerDoc } }),
    expect: signedIn(404)
  },
  'POST /api/partners/slots/{id}/take': {
    call: (api) => api.partners.slots[':id'].take.$post({ param: { id: noPartnerDoc }, json: {} }),
    expect: signedIn(404)
  },
  'POST /api/partners/proposals/{id}/accept': {
    call: (api) => api.partners.proposals[':id'].accept.$post({ param: { id: noPartnerDoc } }),
    expect: signedIn(404)
  },
  'POST /api/partners/proposals/{id}/decline': {
    call: (api) => api.partners.proposals[':id'].decline.$post({ param: { id: noPartnerDoc } }),
    expect: signedIn(404)
  },
  'GET /api/partners/bookings/{id}': {
    call: (api) => api.partners.bookings[':id'].$get({ param: { id: noPartnerDoc } }),
    expect: signedIn(404)
  },
  'POST /api/partners/bookings/{id}/join': {
    call: (api) => api.partners.bookings[':id'].join.$post({ param: { id: noPartnerDoc } }),
    expect: signedIn(404)
  },
  'POST /api/partners/bookings/{id}/done': {
    call: (api) => api.partners.bookings[':id'].done.$post({ param: { id: noPartnerDoc }, json: { half: 0 } }),
    expect: signedIn(404)
  },
  'GET /api/partners/bookings/{id}/ics': {
    call: (api) => api.partners.bookings[':id'].ics.$get({ param: { id: noPartnerDoc } }),
    expect: signedIn(404)
  },
  // The study plan is the user's own, one per user; before accepting one, its parts answer 404. Accepting one and
  // deleting it come last, so the rows before see no plan.
  'GET /api/plan/roadmaps': { call: (api) => api.plan.roadmaps.$get(), expect: signedIn(200) },
  'POST /api/plan/preview': { call: (api) => api.plan.preview.$post({ json: planChoice }), expect: signedIn(200) },
  'GET /api/plan': { call: (api) => api.plan.$get(), expect: signedIn(200) },
  'GET /api/plan/today': { call: (api) => api.plan.today.$get(), expect: signedIn(200) },
  'PUT /api/plan/ticks/{taskId}': {
    call: (api) => api.plan.ticks[':taskId'].$put({ param: { taskId: 'w01.0' }, json: { done: true } }),
    expect: signedIn(404)
  },
  'POST /api/plan/mocks/{mockId}/start': {
    call: (api) => api.plan.mocks[':mockId'].start.$post({ param: { mockId: 'w01.m0' } }),
    expect: signedIn(404)
  },
  'POST /api/plan/weak-areas/{area}': {
    call: (api) => api.plan['weak-areas'][':area'].$post({ param: { area: 'architecture' } }),
    expect: signedIn(404)
  },
  'GET /api/plan/ledger': { call: (api) => api.plan.ledger.$get(), expect: signedIn(404) },
  'PUT /api/plan/ledger': {
    call: (api) => api.plan.ledger.$put({ json: { goals: [], oops: [], log: [] } }),
    expect: signedIn(404)
  },
  'GET /api/plan/ledger.md': { call: (api) => api.plan['ledger.md'].$get(), expect: signedIn(404) },
  'GET /api/plan/calendar.ics': { call: (api) => api.plan['calendar.ics'].$get(), expect: signedIn(404) },
  'PUT /api/plan': {
    call: (api) =>
      api.plan.$put({
        json: { ...planChoice, slots: Array.from({ length: 10 }, (_, i) => [`d${String(i + 1).padStart(2, '0')}`]) }
      }),
    expect: signedIn(200)
  },
  'DELETE /api/plan': { call: (api) => api.plan.$delete(), expect: signedIn(200) }
};
