import type { SessionSummary } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { historyRows, rowLink, rowStatus } from './history-rows.ts';

const session = (id: string, assessment: SessionSummary['assessment'] = null): SessionSummary => ({
  id,
  role: 'candidate',
  candidateName: null,
  readable: true,
  kind: 'coding',
  status: 'submitted',
  questionId: `q-${id}`,
  questionTitle: `Problem ${id}`,
  startedAt: '2026-12-01T10:00:00.000Z',
  deadline: '2026-12-01T11:00:00.000Z',
  submittedAt: null,
  score: null,
  hireSignal: null,
  assessment
});

describe('historyRows', () => {
  it('puts the problems of one assessment together, in order, where its first listed problem was', () => {
    const rows = historyRows([
      session('a'),
      session('p2', { id: 'x', part: 1 }),
      session('b'),
      session('p1', { id: 'x', part: 0 }),
      session('c')
    ]);
    expect(rows.map((r) => r.session.id)).toEqual(['a', 'p1', 'p2', 'b', 'c']);
    expect(rows[1]?.part).toEqual({ number: 1, first: true });
    expect(rows[2]?.part).toEqual({ number: 2, first: false });
    expect(rows[0]?.part).toBeNull();
  });

  it('numbers a lone part of an assessment (the other filtered out) as its own problem', () => {
    expect(historyRows([session('p2', { id: 'x', part: 1 })])[0]?.part).toEqual({ number: 2, first: true });
  });
});

describe('rowLink and rowStatus', () => {
  const given = (status: SessionSummary['status'], score: number | null): SessionSummary => ({
    ...session('g'),
    role: 'interviewer',
    candidateName: 'Ada',
    status,
    score
  });
  it.each([
    ['a mock of mine, running', { ...session('m'), status: 'active' as const }, '/sessions/m', 'In progress'],
    ['a mock of mine, finished', session('m'), '/sessions/m/result', 'Finished, to score'],
    ['an interview I gave, running', given('active', null), '/review/g', 'In progress'],
    ['an interview I gave, not scored yet', given('submitted', null), '/review/g', 'Finished, your score due'],
    ['an interview I gave and scored', given('submitted', 72), '/review/g', 'You scored it']
  ])('%s', (_, row, link, status) => {
    expect(rowLink(row)).toBe(link);
    expect(rowStatus(row)).toBe(status);
  });
});
