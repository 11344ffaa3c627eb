import { describe, expect, it } from 'vitest';
import { finishedLine } from './finished-line.ts';

const iso = (date: Date) => date.toISOString();
const base = {
  startedAt: '2026-12-01T10:00:00.000Z',
  deadline: '2026-12-01T11:00:00.000Z'
};

describe('finishedLine', () => {
  it.each([
    [
      'finished early: the end time',
      { submitReason: 'finished', submittedAt: '2026-12-01T10:42:00.000Z' },
      'Finished · 2026-12-01T10:42:00.000Z'
    ],
    [
      'at the deadline: the end time',
      { submitReason: 'deadline', submittedAt: '2026-12-01T11:00:02.000Z' },
      'Submitted at the deadline · 2026-12-01T11:00:02.000Z'
    ],
    [
      'at the deadline without submittedAt: the deadline',
      { submitReason: 'deadline', submittedAt: null },
      'Submitted at the deadline · 2026-12-01T11:00:00.000Z'
    ],
    [
      'no end known: says it is the start',
      { submitReason: null, submittedAt: null },
      'Finished · started 2026-12-01T10:00:00.000Z'
    ]
  ] as const)('%s', (_name, end, line) => {
    expect(finishedLine({ ...base, ...end }, iso)).toBe(line);
  });
});
