import type { PartnerBooking } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { defaultSlotStart, formatIn, roomStep, timeIn } from './pair-view.ts';

const half = (n: 0 | 1, over: Partial<PartnerBooking['halves'][number]> = {}): PartnerBooking['halves'][number] => ({
  n,
  candidate: { id: n === 0 ? 'a' : 'b', name: n === 0 ? 'Ada' : 'Bo' },
  interviewer: { id: n === 0 ? 'b' : 'a', name: n === 0 ? 'Bo' : 'Ada' },
  questionTitle: 'Two sum',
  sessionId: null,
  status: 'waiting',
  myRole: n === 0 ? 'candidate' : 'interviewer',
  doneBy: [],
  ...over
});

const booking = (over: Partial<PartnerBooking> = {}): PartnerBooking => ({
  id: 'bk',
  start: '2027-01-12T17:00:00.000Z',
  end: '2027-01-12T18:00:00.000Z',
  kind: 'coding',
  level: 'staff',
  topic: null,
  source: 'match',
  partner: { id: 'b', name: 'Bo', timeZone: 'America/New_York' },
  timeZone: 'Europe/Berlin',
  phase: 'upcoming',
  halves: [half(0), half(1)],
  joined: [],
  noShow: [],
  remind: false,
  ...over
});

describe('roomStep', () => {
  it.each<[string, PartnerBooking, ReturnType<typeof roomStep>]>([
    ['before joining', booking(), { step: 'not-yet' }],
    ['joined, the partner not yet', booking({ joined: ['a'] }), { step: 'waiting-partner' }],
    [
      'the first half: the candidate opens their mock',
      booking({
        phase: 'half-1',
        joined: ['a', 'b'],
        halves: [half(0, { status: 'running', sessionId: 's0' }), half(1)]
      }),
      { step: 'in-half', half: 0, role: 'candidate', href: '/sessions/s0', saidDone: false }
    ],
    [
      'after the swap: the same person interviews on the review page',
      booking({
        phase: 'half-2',
        halves: [
          half(0, { status: 'done', sessionId: 's0' }),
          half(1, { status: 'running', sessionId: 's1', doneBy: ['a'] })
        ]
      }),
      { step: 'in-half', half: 1, role: 'interviewer', href: '/review/s1', saidDone: true }
    ],
    ['finished', booking({ phase: 'finished' }), { step: 'finished' }],
    ['the partner never came', booking({ phase: 'no-show', noShow: ['b'] }), { step: 'no-show', me: false }],
    ['I never came', booking({ phase: 'no-show', noShow: ['a'] }), { step: 'no-show', me: true }]
  ])('%s', (_, b, expected) => {
    expect(roomStep(b, 'a')).toEqual(expected);
  });
});

describe('times in a zone', () => {
  it('shows one instant in each person’s zone, across a DST change', () => {
    expect(timeIn('2027-01-12T17:00:00.000Z', 'Europe/Berlin')).toBe('18:00');
    expect(timeIn('2027-01-12T17:00:00.000Z', 'America/New_York')).toBe('12:00');
    expect(timeIn('2026-03-08T13:00:00.000Z', 'America/New_York')).toBe('09:00');
    expect(formatIn('2027-01-12T17:00:00.000Z', 'Asia/Kolkata')).toBe('Tue 12 Jan, 22:30');
  });
  it('suggests the next full hour tomorrow for a new slot', () => {
    expect(defaultSlotStart(new Date(2027, 0, 12, 9, 20))).toBe('2027-01-13T10:00');
  });
});
