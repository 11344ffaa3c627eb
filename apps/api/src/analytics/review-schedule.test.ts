import { describe, expect, it } from 'vitest';
import { problemSchedule, reviewSchedule } from './review-schedule.ts';

const day = (d: number) => new Date(Date.UTC(2026, 0, d, 10)).toISOString();

describe('reviewSchedule', () => {
  it.each([
    {
      name: 'seen once: due a day later',
      sessions: [{ at: day(1), oops: ['x'], kind: 'design' as const }],
      now: day(2),
      stage: 0,
      dueAt: day(2),
      due: true
    },
    {
      name: 'not yet due',
      sessions: [{ at: day(1), oops: ['x'], kind: 'design' as const }],
      now: day(1),
      stage: 0,
      dueAt: day(2),
      due: false
    },
    {
      name: 'one clean session pushes it to 3 days',
      sessions: [
        { at: day(1), oops: ['x'], kind: 'design' as const },
        { at: day(2), oops: [], kind: 'design' as const }
      ],
      now: day(3),
      stage: 1,
      dueAt: day(5),
      due: false
    },
    {
      name: 'three clean sessions reach 21 days',
      sessions: [
        { at: day(1), oops: ['x'], kind: 'design' as const },
        { at: day(2), oops: [], kind: 'design' as const },
        { at: day(3), oops: [], kind: 'design' as const },
        { at: day(4), oops: [], kind: 'design' as const }
      ],
      now: day(4),
      stage: 3,
      dueAt: day(25),
      due: false
    },
    {
      name: 'recurring brings it back to a day',
      sessions: [
        { at: day(1), oops: ['x'], kind: 'design' as const },
        { at: day(2), oops: [], kind: 'design' as const },
        { at: day(9), oops: ['x'], kind: 'design' as const }
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

  it('is reviewed only by sessions of a kind that can show it; a recurrence brings it back to a day', () => {
    const design = (d: number, oops: string[] = []) => ({ at: day(d), kind: 'design' as const, oops });
    const coding = (d: number, oops: string[] = []) => ({ at: day(d), kind: 'coding' as const, oops });
    const items = reviewSchedule(
      [design(1, ['no capacity estimate', 'mine']), design(2, ['no capacity estimate']), coding(3), coding(4)],
      new Date(day(5))
    );
    // The coding mocks cannot show a missing estimate, nor a tag of the user's own only ever tagged in design.
    expect(
      items.map(({ tag, stage, dueAt, due, sessionKind, occurrences, applicable }) => ({
        tag,
        stage,
        dueAt,
        due,
        sessionKind,
        occurrences,
        applicable
      }))
    ).toEqual([
      {
        tag: 'no capacity estimate',
        stage: 0,
        dueAt: day(3),
        due: true,
        sessionKind: 'design',
        occurrences: 2,
        applicable: 2
      },
      { tag: 'mine', stage: 1, dueAt: day(5), due: true, sessionKind: 'design', occurrences: 1, applicable: 2 }
    ]);
    // A tag of its own seen in coding too is then reviewed by coding mocks.
    const [later] = reviewSchedule([design(1, ['mine']), coding(2, ['mine']), coding(3), coding(4)], new Date(day(5)));
    expect(later).toMatchObject({ stage: 2, dueAt: day(11), applicable: 4 });
  });

  it('is empty without oops tags', () => {
    expect(reviewSchedule([{ at: day(1), oops: [], kind: 'design' as const }], new Date(day(2)))).toEqual([]);
  });
});

describe('problemSchedule', () => {
  const attempt = (d: number, solved: boolean, questionId = 'lc-0076') => ({
    at: day(d),
    questionId,
    title: 'Window',
    solved
  });
  it.each([
    { name: 'solved first time: never scheduled', attempts: [attempt(1, true)], now: day(30), expected: [] },
    {
      name: 'failed: due a day later',
      attempts: [attempt(1, false)],
      now: day(2),
      expected: [{ stage: 0, dueAt: day(2), due: true }]
    },
    {
      name: 'failed, then solved: pushed to 3 days after the solve',
      attempts: [attempt(1, false), attempt(2, true)],
      now: day(3),
      expected: [{ stage: 1, dueAt: day(5), due: false }]
    },
    {
      name: 'solved twice after a fail: 7 days',
      attempts: [attempt(1, false), attempt(2, true), attempt(5, true)],
      now: day(6),
      expected: [{ stage: 2, dueAt: day(12), due: false }]
    },
    {
      name: 'a fail after solves starts over',
      attempts: [attempt(1, false), attempt(2, true), attempt(5, false)],
      now: day(6),
      expected: [{ stage: 0, dueAt: day(6), due: true }]
    },
    {
      name: 'a solve of another problem does not count',
      attempts: [attempt(1, false), attempt(2, true, 'lc-0001')],
      now: day(2),
      expected: [{ stage: 0, dueAt: day(2), due: true }]
    }
  ])('$name', ({ attempts, now, expected }) => {
    const items = problemSchedule(attempts, new Date(now));
    expect(items.map(({ stage, dueAt, due }) => ({ stage, dueAt, due }))).toEqual(expected);
    for (const item of items) expect(item).toMatchObject({ kind: 'problem', questionId: 'lc-0076', tag: 'Window' });
  });
});
