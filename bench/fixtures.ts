/** The design question the benchmarks run sessions on (schema-valid, independent of the bank's content). */
import { designQuestionSchema } from '@mockloop/question-bank/schema';

export const question = {
  ...designQuestionSchema.parse({
    id: 'bench-design',
    kind: 'design',
    title: 'Bench prompt',
    level: 'senior',
    tags: ['bench'],
    rubricId: 'system-design-mock',
    source: { file: '003_bc27b5a5676389fe.txt', section: 'WEEK 09 — System Design Fundamentals' },
    prompt: 'A prompt long enough to satisfy the schema of a design question in the bank.',
    scale: ['1 rps'],
    followUps: ['one follow-up here', 'two follow-up here', 'three follow-up here', 'four follow-up here'],
    hints: ['a hint'],
    keyPoints: [1, 2, 3, 4].map((i) => ({ point: `point ${i}`, level: 'senior', evidence: ['cache', 'ttl'] }))
  }),
  version: 'bench0000001'
};
