import type { QuestionSummary, SessionSummary } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { filterQuestions, progressByQuestion, questionFacets } from './question-list.ts';

const SIXTEEN_WEEK = '004_a7d97f90e27aa361.txt';
const TEN_DAY = '002_d591f96302e8b18c.txt';

const question = (id: string, extra: Partial<QuestionSummary> = {}): QuestionSummary => ({
  id,
  kind: 'coding',
  title: id,
  tags: [],
  rubricId: 'coding-mock',
  source: { file: SIXTEEN_WEEK, section: 'x' },
  version: 'v1',
  ...extra
});

const session = (questionId: string, status: 'active' | 'submitted', score: number | null = null): SessionSummary => ({
  id: `${questionId}-${status}-${score}`,
  role: 'candidate',
  candidateName: null,
  readable: true,
  kind: 'coding',
  status,
  questionId,
  questionTitle: questionId,
  startedAt: '2026-12-01T10:00:00.000Z',
  deadline: '2026-12-01T11:00:00.000Z',
  submittedAt: status === 'submitted' ? '2026-12-01T10:30:00.000Z' : null,
  score,
  hireSignal: null,
  assessment: null
});

describe('progressByQuestion', () => {
  it.each([
    ['never started', [], undefined],
    ['started, not finished', [session('a', 'active')], { state: 'attempted' }],
    ['finished, not scored', [session('a', 'submitted')], { state: 'done', best: null }],
    [
      'finished twice: the best score',
      [session('a', 'submitted', 40), session('a', 'submitted', 75)],
      { state: 'done', best: 75 }
    ],
    [
      'finished once and running again: still done',
      [session('a', 'active'), session('a', 'submitted', 60)],
      { state: 'done', best: 60 }
    ],
    [
      'a later unscored finish keeps the score',
      [session('a', 'submitted', 60), session('a', 'submitted')],
      { state: 'done', best: 60 }
    ]
  ])('%s', (_name, sessions, expected) => {
    expect(progressByQuestion(sessions).get('a')).toEqual(expected);
  });
});

describe('questionFacets and filterQuestions', () => {
  const items = [
    question('two-sum', { pattern: 'Arrays & Hashing', tags: ['hash-map', 'array'] }),
    question('lru', { pattern: 'Linked List', tags: ['hash-map', 'design'] }),
    question('url-shortener', { kind: 'design', tags: ['caching'], source: { file: TEN_DAY, section: 'Day 4' } })
  ];

  it('lists each pattern, topic and roadmap once, sorted', () => {
    expect(questionFacets(items)).toEqual({
      patterns: ['Arrays & Hashing', 'Linked List'],
      topics: ['array', 'caching', 'design', 'hash-map'],
      roadmaps: ['10-day plan', '16-week roadmap']
    });
  });

  const progress = progressByQuestion([session('two-sum', 'submitted', 80), session('lru', 'active')]);
  it.each([
    ['by pattern', { pattern: 'Linked List' }, ['lru']],
    ['by topic', { topic: 'hash-map' }, ['two-sum', 'lru']],
    ['by roadmap', { roadmap: '10-day plan' }, ['url-shortener']],
    ['the ones not started', { progress: 'todo' }, ['url-shortener']],
    ['the attempted ones', { progress: 'attempted' }, ['lru']],
    ['the done ones', { progress: 'done' }, ['two-sum']],
    ['two filters at once', { topic: 'hash-map', progress: 'done' }, ['two-sum']],
    ['nothing chosen', {}, ['two-sum', 'lru', 'url-shortener']]
  ])('%s', (_name, filters, ids) => {
    expect(filterQuestions(items, filters, progress).map((q) => q.id)).toEqual(ids);
  });
});
