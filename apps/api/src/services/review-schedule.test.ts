import { describe, expect, it } from 'vitest';
import { reviewSchedule } from './review-schedule.ts';

const day = (d: number) => new Date(Date.UTC(2026, 0, d, 10)).toISOString();

describe('reviewSchedule', () => {
  it.each([
    {
      name: 'seen once: due a day later',
      sessions: [{ at: day(1), oops: ['x'] }],
      now: day(2),
      stage: 0,
      dueAt: day(2),
      due: true
    },
    { name: 'not yet due', sessions: [{ at: day(1), oops: ['x'] }], now: day(1), stage: 0, dueAt: day(2), due: false },
    {
      name: 'one clean session pushes it to 3 days',
      sessions: [
        { at: day(1), oops: ['x'] },
        { at: day(2), oops: [] }
      ],
      now: day(3),
      stage: 1,
      dueAt: day(5),
      due: false
    },
    {
      name: 'three clean sessions reach 21 days',
      sessions: [
        { at: day(1), oops: ['x'] },
        { at: day(2), oops: [] },
        { at: day(3), oops: [] },
        { at: day(4), oops: [] }
      ],
      now: day(4),
      stage: 3,
      dueAt: day(25),
      due: false
    },
    {
      name: 'recurring brings it back to a day',
      sessions: [
        { at: day(1), oops: ['x'] },
        { at: day(2), oops: [] },
        { at: day(9), oops: ['x'] }
      ],
      now: day(10),
      stage: 0,
      dueAt: day(10),
      due: true
    }
  ])('$name', ({ sessions, now, stage, dueAt, due }) => {
    const [item] = reviewSchedule(sessions, new Date(now));
    expect(item).toMatchObject({ tag: 'x', stage, dueAt, due });
  });

  it('is empty without oops tags', () => {
    expect(reviewSchedule([{ at: day(1), oops: [] }], new Date(day(2)))).toEqual([]);
  });
});
