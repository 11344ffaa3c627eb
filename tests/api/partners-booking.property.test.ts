/**
 * Nobody is booked twice for one time, however many accept and take at once: fast-check draws people, slots in a
 * few overlapping quarter hours, and a burst of concurrent accepts and takes against the real database; after each
 * burst, no person has two bookings that overlap, and every booking holds the claims of both its people.
 */
import type { PartnerWish } from '@mockloop/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { codingFixture, codingFixtureTwo } from '../support/fixtures.ts';
import { localIn, upcoming } from '../support/partners.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

const PEOPLE = 6;
const MIN = 60_000;
const wish: PartnerWish = { kind: 'coding', level: 'staff' };
let server: Awaited<ReturnType<typeof startTestServer>>;
const as: ReturnType<typeof client>[] = [];

beforeAll(async () => {
  server = await startTestServer({ questions: [codingFixture, codingFixtureTwo] });
  for (let n = 0; n < PEOPLE; n++) {
    as[n] = client(server.url);
    await as[n]!.signUp({ email: `p${n}@booking.example`, password: `p${n}-password-1`, name: `p${n}` });
  }
});
afterAll(() => server.close());

interface Action {
  kind: 'accept' | 'take';
  who: number;
  /** Which proposal or open slot (modulo how many there are). */
  which: number;
}

const slotArb = fc.record({
  who: fc.integer({ min: 0, max: PEOPLE - 1 }),
  /** Quarter hours after the run's base hour: 0–5, so many windows overlap. */
  quarter: fc.integer({ min: 0, max: 5 }),
  durationMin: fc.constantFrom(60, 75, 90)
});
const actionArb = fc.record({
  kind: fc.constantFrom<Action['kind']>('accept', 'take'),
  who: fc.integer({ min: 0, max: PEOPLE - 1 }),
  which: fc.nat(20)
});

let run = 0;
/** Every answer of every burst: the runs must have raced (some refused) and booked (some succeeded). */
const seen: number[] = [];

it('never books one person twice at one time under concurrent accepts and takes', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(slotArb, { minLength: 2, maxLength: 8 }),
      fc.array(actionArb, { minLength: 4, maxLength: 16 }),
      async (slots, actions) => {
        // Each run on a day of its own, so runs never share a time.
        const base = upcoming(10 + run++, 9);
        for (const slot of slots) {
          const start = base + slot.quarter * 15 * MIN;
          await answer(
            as[slot.who]!.api.partners.slots.$post({
              json: { start: localIn(start, 'UTC'), timeZone: 'UTC', wish, durationMin: slot.durationMin }
            }),
            201
          );
        }
        const views = await Promise.all(as.map((c) => answer(c.api.partners.$get())));
        const proposals = views.flatMap((v, who) =>
          v.proposals.filter((p) => p.status === 'pending').map((p) => ({ who, id: p.id }))
        );
        const open = [...new Map(views.flatMap((v) => v.openRequests).map((s) => [s.id, s])).values()];
        // Every proposal accepted by both its people, and the drawn takes and accepts, all at once.
        const burst: Promise<{ status: number }>[] = proposals.map(({ who, id }) =>
          reply(as[who]!.api.partners.proposals[':id'].accept.$post({ param: { id } }))
        );
        for (const action of actions) {
          if (action.kind === 'take' && open.length > 0) {
            const slot = open[action.which % open.length]!;
            burst.push(
              reply(as[action.who]!.api.partners.slots[':id'].take.$post({ param: { id: slot.id }, json: {} }))
            );
          } else if (proposals.length > 0) {
            const { id } = proposals[action.which % proposals.length]!;
            burst.push(reply(as[action.who]!.api.partners.proposals[':id'].accept.$post({ param: { id } })));
          }
        }
        const statuses = (await Promise.all(burst)).map((r) => r.status);
        seen.push(...statuses);
        // Refusals are the stable ones only: not theirs (404), taken or double-booked (409).
        expect(statuses.every((s) => [200, 201, 404, 409].includes(s))).toBe(true);

        const after = await Promise.all(as.map((c) => answer(c.api.partners.$get())));
        for (const [who, view] of after.entries()) {
          const mine = view.bookings.filter((b) => b.phase !== 'no-show');
          for (const [i, a] of mine.entries()) {
            for (const b of mine.slice(i + 1)) {
              const overlap = Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
              expect(overlap, `p${who} is booked twice: ${a.start} and ${b.start}`).toBe(false);
            }
          }
        }
        // The database agrees: every booking holds its people's claims, and no claim is left without its booking.
        const bookings = await server.database.db.collection('partner_bookings').find({}).toArray();
        const claims = await server.database.db.collection('partner_claims').find({}).toArray();
        const bookingIds = new Set(bookings.map((b) => b._id.toHexString()));
        expect(claims.every((c) => bookingIds.has((c.bookingId as { toHexString(): string }).toHexString()))).toBe(
          true
        );
        expect(claims.length).toBe(bookings.length * 2 * 4);
      }
    ),
    { numRuns: 12 }
  );
  expect(seen.filter((s) => s === 409).length).toBeGreaterThan(0);
  expect(seen.filter((s) => s === 200 || s === 201).length).toBeGreaterThan(0);
});
