import type { PartnerWish } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { localToInstant } from './local-time.ts';
import {
  bestMatch,
  claimKeys,
  meetingStart,
  NO_STANDING,
  rankMatches,
  type MatchSlot,
  type Standing
} from './match.ts';

const H = 3_600_000;
const M = 60_000;
const coding: PartnerWish = { kind: 'coding', level: 'staff' };

/** A slot published as its person reads their clock: local time in their own zone. */
function slot(
  userId: string,
  local: string,
  timeZone: string,
  wish: Partial<PartnerWish> = {},
  durationMin = 60
): MatchSlot {
  const start = localToInstant(local, timeZone);
  if (start === null) throw new Error(`${local} does not exist in ${timeZone}`);
  return { slotId: `${userId}-${local}`, userId, start, durationMin, wish: { ...coding, ...wish }, publishedAt: 0 };
}

describe('meetingStart: two slots fit when people, kind, level and the overlap fit', () => {
  const cases: Array<[string, MatchSlot, MatchSlot, string | null]> = [
    [
      'same instant in different offsets (Berlin 18:00 = New York 12:00 in winter)',
      slot('a', '2027-01-12T18:00', 'Europe/Berlin'),
      slot('b', '2027-01-12T12:00', 'America/New_York'),
      '2027-01-12T17:00:00.000Z'
    ],
    [
      'a half-hour offset zone (Kolkata +5:30) meets London',
      slot('a', '2027-01-12T15:30', 'Asia/Kolkata'),
      slot('b', '2027-01-12T10:00', 'Europe/London'),
      '2027-01-12T10:00:00.000Z'
    ],
    [
      'the day the US springs forward and Europe has not: New York 09:00 EDT = London 13:00 GMT',
      slot('a', '2026-03-08T09:00', 'America/New_York'),
      slot('b', '2026-03-08T13:00', 'Europe/London'),
      '2026-03-08T13:00:00.000Z'
    ],
    [
      'the same wall times a day earlier (before the US change) are an hour apart: no full overlap',
      slot('a', '2026-03-07T09:00', 'America/New_York'),
      slot('b', '2026-03-07T13:00', 'Europe/London'),
      null
    ],
    [
      'a 2-hour window holds a pair that starts an hour into it',
      slot('a', '2027-01-12T09:00', 'UTC', {}, 120),
      slot('b', '2027-01-12T10:00', 'UTC'),
      '2027-01-12T10:00:00.000Z'
    ],
    [
      'a 45-minute overlap is short of a coding pair (60)',
      slot('a', '2027-01-12T09:00', 'UTC', {}, 105),
      slot('b', '2027-01-12T10:00', 'UTC'),
      null
    ],
    [
      'a design pair needs 90 minutes together',
      slot('a', '2027-01-12T09:00', 'UTC', { kind: 'design' }, 90),
      slot('b', '2027-01-12T09:00', 'UTC', { kind: 'design' }, 90),
      '2027-01-12T09:00:00.000Z'
    ],
    [
      'a design pair does not fit in 75 minutes of overlap',
      slot('a', '2027-01-12T09:00', 'UTC', { kind: 'design' }, 90),
      slot('b', '2027-01-12T09:15', 'UTC', { kind: 'design' }, 90),
      null
    ],
    [
      'different kinds never pair',
      slot('a', '2027-01-12T09:00', 'UTC', { kind: 'coding' }),
      slot('b', '2027-01-12T09:00', 'UTC', { kind: 'behavioral' }),
      null
    ],
    [
      'adjacent levels pair (senior with staff)',
      slot('a', '2027-01-12T09:00', 'UTC', { level: 'senior' }),
      slot('b', '2027-01-12T09:00', 'UTC', { level: 'staff' }),
      '2027-01-12T09:00:00.000Z'
    ],
    [
      'levels two apart do not (senior with principal)',
      slot('a', '2027-01-12T09:00', 'UTC', { level: 'senior' }),
      slot('b', '2027-01-12T09:00', 'UTC', { level: 'principal' }),
      null
    ],
    [
      'different topics still pair (a topic only orders)',
      slot('a', '2027-01-12T09:00', 'UTC', { topic: 'graphs' }),
      slot('b', '2027-01-12T09:00', 'UTC', { topic: 'heaps' }),
      '2027-01-12T09:00:00.000Z'
    ],
    [
      'one person never pairs with themself',
      slot('a', '2027-01-12T09:00', 'UTC'),
      slot('a', '2027-01-12T09:00', 'UTC'),
      null
    ]
  ];
  it.each(cases)('%s', (_, a, b, expected) => {
    const start = meetingStart(a, b);
    expect(start === null ? null : new Date(start).toISOString()).toBe(expected);
    // The rule is symmetric.
    expect(meetingStart(b, a)).toBe(start);
  });
});

describe('localToInstant: wall clocks across DST', () => {
  it.each([
    ['2026-03-08T01:30', 'America/New_York', '2026-03-08T06:30:00.000Z'],
    ['2026-03-08T02:30', 'America/New_York', null],
    ['2026-03-08T03:00', 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-03-29T02:15', 'Europe/Berlin', null],
    ['2026-10-25T02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['2027-01-12T09:45', 'Asia/Kathmandu', '2027-01-12T04:00:00.000Z'],
    ['2027-01-12T09:00', 'Australia/Lord_Howe', '2027-01-11T22:00:00.000Z']
  ])('%s in %s', (local, zone, expected) => {
    const at = localToInstant(local, zone);
    expect(at === null ? null : new Date(at).toISOString()).toBe(expected);
  });
});

describe('rankMatches: who is offered first', () => {
  const now = Date.parse('2027-01-10T00:00:00Z');
  const mine = slot('me', '2027-01-12T09:00', 'UTC', { topic: 'graphs' }, 240);
  const at = (userId: string, local: string, wish: Partial<PartnerWish> = {}) => slot(userId, local, 'UTC', wish);
  const standings = (table: Record<string, Partial<Standing>>) => (userId: string) => ({
    ...NO_STANDING,
    ...table[userId]
  });
  const order = (others: MatchSlot[], table: Record<string, Partial<Standing>> = {}) =>
    rankMatches(mine, others, standings(table), now).map((m) => m.slot.userId);

  const cases: Array<[string, MatchSlot[], Record<string, Partial<Standing>>, string[]]> = [
    [
      'the earliest meeting first',
      [at('late', '2027-01-12T11:00'), at('early', '2027-01-12T09:00')],
      {},
      ['early', 'late']
    ],
    [
      'the same level before an adjacent one',
      [at('adjacent', '2027-01-12T09:00', { level: 'principal' }), at('same', '2027-01-12T11:00')],
      {},
      ['same', 'adjacent']
    ],
    [
      'the same topic before another',
      [at('other', '2027-01-12T09:00', { topic: 'heaps' }), at('graphs', '2027-01-12T11:00', { topic: 'Graphs' })],
      {},
      ['graphs', 'other']
    ],
    [
      'a recent no-show sinks below everyone who shows up',
      [at('flaky', '2027-01-12T09:00'), at('reliable', '2027-01-12T11:00', { level: 'principal' })],
      { flaky: { noShowsAt: [now - 2 * 86_400_000] } },
      ['reliable', 'flaky']
    ],
    [
      'two no-shows sink below one',
      [at('twice', '2027-01-12T09:00'), at('once', '2027-01-12T10:00')],
      { twice: { noShowsAt: [now - H, now - 2 * H] }, once: { noShowsAt: [now - H] } },
      ['once', 'twice']
    ],
    [
      'a no-show older than 30 days no longer counts',
      [at('old', '2027-01-12T09:00'), at('clean', '2027-01-12T10:00')],
      { old: { noShowsAt: [now - 31 * 86_400_000] } },
      ['old', 'clean']
    ],
    [
      'the one who was stood up is offered the next match first',
      [at('first', '2027-01-12T09:00'), at('owed', '2027-01-12T12:00', { level: 'senior' })],
      { owed: { owed: true } },
      ['owed', 'first']
    ],
    [
      'slots in the past are never proposed',
      [at('gone', '2027-01-09T09:00'), at('next', '2027-01-12T09:00')],
      {},
      ['next']
    ]
  ];
  it.each(cases)('%s', (_, others, table, expected) => {
    expect(order(others, table)).toEqual(expected);
  });

  it('bestMatch is the first of the ranking, or null when nothing fits', () => {
    expect(bestMatch(mine, [at('x', '2027-01-12T09:00', { kind: 'design' })], standings({}), now)).toBeNull();
    expect(bestMatch(mine, [at('y', '2027-01-12T10:00')], standings({}), now)?.start).toBe(
      Date.parse('2027-01-12T10:00:00Z')
    );
  });
});

describe('claimKeys: the quarter hours a meeting takes', () => {
  it('names each quarter hour of the meeting for its person', () => {
    const start = Date.parse('2027-01-12T09:00:00Z');
    expect(claimKeys('u', start, 60 * M)).toEqual([0, 15, 30, 45].map((m) => `u:${(start + m * M) / M}`));
  });
  it('two overlapping meetings of one person share a key; back-to-back ones do not', () => {
    const start = Date.parse('2027-01-12T09:00:00Z');
    const a = claimKeys('u', start, 60 * M);
    const overlapping = claimKeys('u', start + 45 * M, 60 * M);
    const after = claimKeys('u', start + 60 * M, 60 * M);
    expect(a.some((k) => overlapping.includes(k))).toBe(true);
    expect(a.some((k) => after.includes(k))).toBe(false);
  });
});
