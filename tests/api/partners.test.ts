/**
 * Practice partners over HTTP on the real database: publishing slots in two time zones, the pair MockLoop proposes,
 * both accepting, an open request taken (and the 409s of a slot taken twice and a person booked twice), the .ics,
 * the pair's room (joining, both halves with the swap, each side's guide, the two peer scores), no-shows and the
 * priority they change, bad input, strangers.
 */
import { PAIR_MINUTES, type PartnerWish } from '@mockloop/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  behavioralFixture,
  behavioralFixtureTwo,
  codingFixture,
  codingFixtureTwo,
  designFixture
} from '../support/fixtures.ts';
import { localIn, movableClock, upcoming } from '../support/partners.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

const people = ['ada', 'bo', 'cy', 'di', 'ed', 'stranger'] as const;
type Person = (typeof people)[number];
const as = {} as Record<Person, ReturnType<typeof client>>;
const ids = {} as Record<Person, string>;
const clock = movableClock();
let server: Awaited<ReturnType<typeof startTestServer>>;
const coding: PartnerWish = { kind: 'coding', level: 'staff' };
const MIN = 60_000;

beforeAll(async () => {
  server = await startTestServer({
    questions: [designFixture, codingFixture, codingFixtureTwo, behavioralFixture, behavioralFixtureTwo],
    app: { now: clock.now }
  });
  for (const name of people) {
    as[name] = client(server.url);
    await as[name].signUp({ email: `${name}@partners.example`, password: `${name}-password-1`, name });
    ids[name] = (await answer(as[name].api.me.$get())).user.id;
  }
});
afterAll(() => server.close());

const publish = (who: Person, at: number, timeZone: string, wish: PartnerWish = coding, durationMin?: number) =>
  answer(
    as[who].api.partners.slots.$post({
      json: { start: localIn(at, timeZone), timeZone, wish, ...(durationMin ? { durationMin } : {}) }
    }),
    201
  );
const overview = (who: Person) => answer(as[who].api.partners.$get());
const bookingOf = async (who: Person, id: string) =>
  (await answer(as[who].api.partners.bookings[':id'].$get({ param: { id } }))).booking;

describe('bad input', () => {
  const at = upcoming(2, 9);
  it.each([
    ['an unknown time zone', { start: localIn(at, 'UTC'), timeZone: 'Mars/Olympus', wish: coding }, 'timeZone'],
    ['a start off the quarter hour', { start: '2030-01-01T09:10', timeZone: 'UTC', wish: coding }, 'start'],
    ['a time the clocks skip', { start: '2030-03-31T02:30', timeZone: 'Europe/Berlin', wish: coding }, 'start'],
    ['a start in the past', { start: '2020-01-01T09:00', timeZone: 'UTC', wish: coding }, 'start'],
    [
      'a design window shorter than its pair',
      { start: localIn(at, 'UTC'), timeZone: 'UTC', durationMin: 60, wish: { kind: 'design', level: 'senior' } },
      'durationMin'
    ],
    [
      'an unknown kind',
      { start: localIn(at, 'UTC'), timeZone: 'UTC', wish: { kind: 'loop', level: 'staff' } },
      'wish.kind'
    ],
    ['an unknown field', { start: localIn(at, 'UTC'), timeZone: 'UTC', wish: coding, extra: 1 }, 'extra']
  ])('%s: 400 naming the field', async (_, body, field) => {
    const refused = await as.ada.request('POST', '/api/partners/slots', body);
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(refused.json.error.fields)).toContain(field);
  });

  it('a malformed or unknown id is 404, as is another person’s booking', async () => {
    const malformed = await reply(as.ada.api.partners.bookings[':id'].$get({ param: { id: 'nope' } }));
    expect(malformed.status).toBe(404);
    const unknown = await reply(
      as.ada.api.partners.slots[':id'].take.$post({ param: { id: '0'.repeat(24) }, json: {} })
    );
    expect(unknown.status).toBe(404);
  });
});

describe('matching and booking', () => {
  const start = upcoming(1, 17);
  let bookingId: string;

  it('proposes a pair when a new slot fits an open one, across time zones', async () => {
    const first = await publish('ada', start, 'Europe/Berlin');
    expect(first.proposal).toBeNull();
    expect(first.slot).toMatchObject({
      status: 'open',
      timeZone: 'Europe/Berlin',
      start: new Date(start).toISOString()
    });
    // Bo in New York offers a two-hour window from an hour before: the pair meets at Ada's start.
    const second = await publish('bo', start - 60 * MIN, 'America/New_York', coding, 120);
    expect(second.proposal).toMatchObject({
      status: 'pending',
      start: new Date(start).toISOString(),
      partner: { name: 'ada', level: 'staff', timeZone: 'Europe/Berlin' },
      acceptedByMe: false
    });
    const ada = await overview('ada');
    expect(ada.proposals).toHaveLength(1);
    expect(ada.slots[0]!.status).toBe('proposed');
    // A proposed slot is not offered to others.
    expect((await overview('cy')).openRequests).toEqual([]);
  });

  it('books once both accept', async () => {
    const id = (await overview('ada')).proposals[0]!.id;
    const one = await answer(as.ada.api.partners.proposals[':id'].accept.$post({ param: { id } }));
    expect(one).toMatchObject({ proposal: { acceptedByMe: true, acceptedByPartner: false }, booking: null });
    const two = await answer(as.bo.api.partners.proposals[':id'].accept.$post({ param: { id } }));
    expect(two.proposal.status).toBe('booked');
    expect(two.booking).toMatchObject({ phase: 'upcoming', kind: 'coding', source: 'match', partner: { name: 'ada' } });
    bookingId = two.booking!.id;
    const ada = await overview('ada');
    expect(ada.bookings.map((b) => b.id)).toEqual([bookingId]);
    expect(ada.slots[0]!.status).toBe('booked');
    // Each half's candidate does not see their own question before it starts; the interviewer may prepare.
    const halves = ada.bookings[0]!.halves;
    expect(halves.map((h) => h.myRole)).toEqual(['candidate', 'interviewer']);
    expect(halves[0]!.questionTitle).toBe('');
    expect(halves[1]!.questionTitle).not.toBe('');
  });

  it('serves the booking as an iCalendar event in UTC with a reminder', async () => {
    const response = await as.ada.api.partners.bookings[':id'].ics.$get({ param: { id: bookingId } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const ics = await response.text();
    const stamp = (ms: number) =>
      new Date(ms)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART:${stamp(start)}`);
    expect(ics).toContain(`DTEND:${stamp(start + PAIR_MINUTES.coding * MIN)}`);
    expect(ics).toContain(`UID:pair-${bookingId}@mockloop`);
    expect(ics).toContain('BEGIN:VALARM');
    expect(ics).toMatch(/SUMMARY:MockLoop: coding pair with bo/);
  });

  it('keeps the booking from strangers', async () => {
    expect((await reply(as.stranger.api.partners.bookings[':id'].$get({ param: { id: bookingId } }))).status).toBe(404);
    const ics = await reply(as.stranger.api.partners.bookings[':id'].ics.$get({ param: { id: bookingId } }));
    expect(ics.status).toBe(404);
  });

  it('runs both halves with the swap: each interviews once, with the guide for their turn only', async () => {
    const early = await reply(as.ada.api.partners.bookings[':id'].join.$post({ param: { id: bookingId } }));
    expect(early.status).toBe(409);
    clock.setTo(start - MIN);
    expect((await bookingOf('ada', bookingId)).remind).toBe(true);
    const waiting = (await answer(as.ada.api.partners.bookings[':id'].join.$post({ param: { id: bookingId } })))
      .booking;
    expect(waiting).toMatchObject({ phase: 'upcoming', joined: [ids.ada] });
    const running = (await answer(as.bo.api.partners.bookings[':id'].join.$post({ param: { id: bookingId } }))).booking;
    expect(running.phase).toBe('half-1');
    const first = running.halves[0]!;
    expect(first).toMatchObject({ status: 'running', candidate: { name: 'ada' }, interviewer: { name: 'bo' } });
    // Ada's is an ordinary session of hers; Bo is in it by the invite: the interviewer with the guide.
    const asCandidate = (await answer(as.ada.api.sessions[':id'].$get({ param: { id: first.sessionId! } }))).session;
    const asInterviewer = (await answer(as.bo.api.sessions[':id'].$get({ param: { id: first.sessionId! } }))).session;
    expect([asCandidate.role, asInterviewer.role]).toEqual(['owner', 'reviewer']);
    expect(asCandidate.durationMin).toBe(30);
    const guideOf = async (who: Person, id: string) =>
      (await answer(as[who].api.sessions[':id'].room.$get({ param: { id }, query: {} }))).guide;
    expect((await guideOf('bo', first.sessionId!))?.hints.length).toBeGreaterThan(0);
    expect(await guideOf('ada', first.sessionId!)).toBeNull();

    // Both say done: the first half ends, the roles swap.
    await answer(as.ada.api.partners.bookings[':id'].done.$post({ param: { id: bookingId }, json: { half: 0 } }));
    const swapped = (
      await answer(as.bo.api.partners.bookings[':id'].done.$post({ param: { id: bookingId }, json: { half: 0 } }))
    ).booking;
    expect(swapped.phase).toBe('half-2');
    const second = swapped.halves[1]!;
    expect(second).toMatchObject({ status: 'running', candidate: { name: 'bo' }, interviewer: { name: 'ada' } });
    expect(second.sessionId).not.toBe(first.sessionId);
    const boSide = (await answer(as.bo.api.sessions[':id'].$get({ param: { id: second.sessionId! } }))).session;
    const adaSide = (await answer(as.ada.api.sessions[':id'].$get({ param: { id: second.sessionId! } }))).session;
    expect([boSide.role, adaSide.role]).toEqual(['owner', 'reviewer']);
    expect(boSide.question.id).not.toBe(asCandidate.question.id);
    // The guide follows the turn: Ada's now, not Bo's.
    expect((await guideOf('ada', second.sessionId!))?.hints.length).toBeGreaterThan(0);
    expect(await guideOf('bo', second.sessionId!)).toBeNull();
    const ended = (await answer(as.ada.api.sessions[':id'].$get({ param: { id: first.sessionId! } }))).session;
    expect(ended.status).toBe('submitted');
    // The pair has one call: each half's call knows its booking and half (the second joins whoever was in the first).
    const pairOf = async (who: Person, half: 0 | 1) =>
      (await answer(as[who].api.sessions[':id'].call.$get({ param: { id: swapped.halves[half]!.sessionId! } }))).pair;
    expect(await pairOf('ada', 0)).toEqual({ bookingId, half: 0 });
    expect(await pairOf('bo', 1)).toEqual({ bookingId, half: 1 });

    // The second half ends on its clock (half time is the half's deadline).
    clock.setTo(start + PAIR_MINUTES.coding * MIN + MIN);
    const finished = await bookingOf('bo', bookingId);
    expect(finished.phase).toBe('finished');
    expect(finished.remind).toBe(false);

    // Each scores the other on the half they interviewed (the ordinary peer score).
    for (const [who, half] of [
      ['bo', first],
      ['ada', second]
    ] as const) {
      const { session } = await answer(as[who].api.sessions[':id'].$get({ param: { id: half.sessionId! } }));
      const ratings = Object.fromEntries(session.rubric.criteria.map((c) => [c.id, 3]));
      const { score } = await answer(
        as[who].api.sessions[':id'].scores.peer.$put({
          param: { id: half.sessionId! },
          json: { ratings, notes: {}, feedback: `Clear from ${who}`, hireSignal: 'Hire', submit: true }
        })
      );
      expect(score.submittedAt).not.toBeNull();
    }
    const adaScores = await answer(as.ada.api.sessions[':id'].scores.$get({ param: { id: first.sessionId! } }));
    expect(adaScores.peers.map((p) => p.feedback)).toEqual(['Clear from bo']);
    clock.setTo(Date.now());
  });
});

describe('open requests', () => {
  const at = upcoming(3, 10);

  it('lists others’ open slots; taking one books it at once; a second taker gets 409 SLOT_TAKEN', async () => {
    const { slot } = await publish('cy', at, 'Asia/Kolkata', { kind: 'behavioral', level: 'senior' });
    const listed = (await overview('di')).openRequests;
    expect(listed.map((s) => s.id)).toContain(slot.id);
    expect(listed.find((s) => s.id === slot.id)).toMatchObject({ ownerName: 'cy', mine: false });
    const taken = await answer(
      as.di.api.partners.slots[':id'].take.$post({ param: { id: slot.id }, json: { timeZone: 'Europe/London' } }),
      201
    );
    expect(taken.booking).toMatchObject({ source: 'taken', kind: 'behavioral', timeZone: 'Europe/London' });
    const again = await reply(as.ed.api.partners.slots[':id'].take.$post({ param: { id: slot.id }, json: {} }));
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('SLOT_TAKEN');
    expect((await overview('cy')).bookings.map((b) => b.partner.name)).toEqual(['di']);
  });

  it('refuses to book a person twice at one time: 409 DOUBLE_BOOKED', async () => {
    // Ed offers a window whose first quarter hour is Di's booking's last.
    const { slot } = await publish('ed', at + 45 * MIN, 'UTC', { kind: 'behavioral', level: 'staff' });
    const refused = await reply(as.di.api.partners.slots[':id'].take.$post({ param: { id: slot.id }, json: {} }));
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('DOUBLE_BOOKED');
    // The slot is open again for someone else.
    expect((await overview('ada')).openRequests.map((s) => s.id)).toContain(slot.id);
    await answer(as.ed.api.partners.slots[':id'].$delete({ param: { id: slot.id } }));
    expect((await overview('ada')).openRequests.map((s) => s.id)).not.toContain(slot.id);
  });

  it('refuses one’s own slot', async () => {
    const { slot } = await publish('ed', upcoming(4, 8), 'UTC', { kind: 'behavioral', level: 'staff' });
    const own = await reply(as.ed.api.partners.slots[':id'].take.$post({ param: { id: slot.id }, json: {} }));
    expect(own.status).toBe(409);
    await answer(as.ed.api.partners.slots[':id'].$delete({ param: { id: slot.id } }));
  });
});

describe('no-shows', () => {
  const at = upcoming(5, 12);

  it('records a side that never joined; their standing drops, the one who came is owed the next match', async () => {
    const { slot } = await publish('cy', at, 'UTC', { kind: 'behavioral', level: 'staff' });
    const { booking } = await answer(
      as.ed.api.partners.slots[':id'].take.$post({ param: { id: slot.id }, json: {} }),
      201
    );
    clock.setTo(at);
    await answer(as.cy.api.partners.bookings[':id'].join.$post({ param: { id: booking.id } }));
    clock.setTo(at + 9 * MIN);
    expect((await bookingOf('cy', booking.id)).phase).toBe('waiting');
    clock.setTo(at + 11 * MIN);
    const missed = await bookingOf('cy', booking.id);
    expect(missed).toMatchObject({ phase: 'no-show', noShow: [ids.ed] });
    expect((await overview('ed')).standing).toEqual({ recentNoShows: 1, owed: false });
    expect((await overview('cy')).standing).toEqual({ recentNoShows: 0, owed: true });
    // Too late to join now.
    const late = (await answer(as.ed.api.partners.bookings[':id'].join.$post({ param: { id: booking.id } }))).booking;
    expect(late.phase).toBe('no-show');
    clock.setTo(Date.now());
  });

  it('offers the next match to the one who was stood up before the one who stood them up', async () => {
    const next = upcoming(6, 15);
    // Both open slots fit Ada's; Ed's was published first and starts earlier, but Cy is owed a match.
    await publish('ed', next, 'UTC', { kind: 'behavioral', level: 'staff' });
    await publish('cy', next + 30 * MIN, 'UTC', { kind: 'behavioral', level: 'staff' });
    const { proposal } = await publish('ada', next, 'UTC', { kind: 'behavioral', level: 'staff' }, 180);
    expect(proposal?.partner.name).toBe('cy');
  });
});

describe('declining', () => {
  it('opens the other person’s slot again and withdraws the decliner’s; the proposal is closed', async () => {
    const at = upcoming(7, 9);
    await publish('di', at, 'Europe/Paris', { kind: 'coding', level: 'principal' });
    const { proposal } = await publish('ed', at, 'UTC', { kind: 'coding', level: 'staff' });
    expect(proposal?.partner).toMatchObject({ name: 'di', level: 'principal' });
    const declined = await answer(as.ed.api.partners.proposals[':id'].decline.$post({ param: { id: proposal!.id } }));
    expect(declined.proposal.status).toBe('declined');
    const di = await overview('di');
    expect(di.slots.find((s) => s.start === new Date(at).toISOString())?.status).toBe('open');
    expect(di.proposals.find((p) => p.id === proposal!.id)?.status).toBe('declined');
    expect((await overview('ed')).slots.find((s) => s.start === new Date(at).toISOString())?.status).toBe('withdrawn');
    const late = await reply(as.di.api.partners.proposals[':id'].accept.$post({ param: { id: proposal!.id } }));
    expect(late.status).toBe(409);
    // Someone else's proposal is not there for a stranger.
    const stranger = await reply(
      as.stranger.api.partners.proposals[':id'].accept.$post({ param: { id: proposal!.id } })
    );
    expect(stranger.status).toBe(404);
  });
});
