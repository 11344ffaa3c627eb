/** Questions the cross-app tests control, so a change to the bank's content never breaks them. */
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import { designQuestionSchema } from '@mockloop/question-bank/schema';

export const designFixture: VersionedQuestion = {
  ...designQuestionSchema.parse({
    id: 'fixture-url-shortener',
    kind: 'design',
    title: 'Design a URL shortener',
    level: 'senior',
    tags: ['storage', 'caching'],
    rubricId: 'system-design-mock',
    source: { file: '003_bc27b5a5676389fe.txt', section: 'WEEK 09 — System Design Fundamentals' },
    prompt: 'Design a service that turns long URLs into short links and redirects visitors, at 10M requests a day.',
    scale: ['10M redirects/day', '100:1 read:write'],
    followUps: [
      'How do you generate ids without collisions?',
      'What do you cache, and how is it invalidated?',
      'How do you handle a celebrity link going viral?',
      'How would you expire links?'
    ],
    hints: ['Start with the read path: it dominates.'],
    keyPoints: [
      { point: 'Estimate read and write rates', level: 'senior', evidence: ['rps', 'qps', 'per second'] },
      { point: 'Cache hot links', level: 'senior', evidence: ['cache', 'redis'] },
      { point: 'Collision-free id generation', level: 'staff', evidence: ['base62', 'counter', 'snowflake'] },
      { point: 'Multi-region reads', level: 'principal', evidence: ['multi-region', 'geo'] }
    ]
  }),
  version: 'fixture00001'
};
