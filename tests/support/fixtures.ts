/** Questions the cross-app tests control, so a change to the bank's content never breaks them. */
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import { behavioralQuestionSchema, codingQuestionSchema, designQuestionSchema } from '@mockloop/question-bank/schema';

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

/** A coding problem whose hidden tests carry a marker that must never appear in a catalog response. */
export const HIDDEN_MARKER = 'hidden-only-7f3a';
/** A coding problem's interviewer guide (held back from the candidate until revealed), `title` telling them apart. */
const codingGuide = (title: string) => ({
  hints: [`${title} hint: think about a hash map`, `${title} hint: one pass is enough`],
  followUps: [`${title} follow-up: now do it in O(1) space`, `${title} follow-up: the input is a stream`],
  keyPoints: [
    { point: `${title} point: linear time`, level: 'senior', evidence: ['o(n)', 'linear'] },
    { point: `${title} point: handles duplicates`, level: 'senior', evidence: ['duplicate', 'equal'] },
    { point: `${title} point: names the brute force`, level: 'senior', evidence: ['brute force', 'o(n^2)'] }
  ],
  // The reference, shown once a session on it is finished (never while it runs).
  editorial: {
    approach: `${title} editorial: one pass with a map from each value to its index, checking the partner first.`,
    time: 'O(n)',
    space: 'O(n)'
  }
});

export const codingFixture: VersionedQuestion = {
  ...codingQuestionSchema.parse({
    id: 'fixture-two-sum',
    kind: 'coding',
    title: 'Pair with a target sum',
    leetcode: 1,
    difficulty: 'easy',
    pattern: 'Arrays & Hashing',
    timeBoxMin: 15,
    tags: ['hash-map'],
    rubricId: 'coding-mock',
    source: { file: '004_a7d97f90e27aa361.txt', section: '| 5 | Arrays & Hashing |' },
    statement: 'Return the indices of the two numbers in `nums` that add up to `target`.',
    signature: {
      kind: 'function',
      name: 'twoSum',
      pythonName: 'two_sum',
      params: [{ name: 'nums' }, { name: 'target' }]
    },
    comparator: 'unordered',
    starter: {
      javascript: 'function twoSum(nums, target) {}',
      typescript: 'function twoSum(nums: number[], target: number): number[] {}',
      python: 'def two_sum(nums, target):\n    pass'
    },
    examples: [
      { input: [[2, 7, 11, 15], 9], expected: [0, 1] },
      { input: [[3, 2, 4], 6], expected: [1, 2] },
      { input: [[3, 3], 6], expected: [0, 1] }
    ],
    hiddenTests: Array.from({ length: 10 }, (_, i) => ({
      input: [[i, 100 + i], 100 + 2 * i],
      expected: [0, 1],
      note: `${HIDDEN_MARKER} case ${i}`
    })),
    ...codingGuide('Pair')
  }),
  version: 'fixture00002'
};

/** A second coding problem (medium), for assessments: two problems on one clock. */
export const codingFixtureTwo: VersionedQuestion = {
  ...codingQuestionSchema.parse({
    id: 'fixture-max-value',
    kind: 'coding',
    title: 'Largest value in a list',
    difficulty: 'medium',
    pattern: 'Arrays & Hashing',
    timeBoxMin: 30,
    tags: ['array'],
    rubricId: 'coding-mock',
    source: { file: '004_a7d97f90e27aa361.txt', section: '| 5 | Arrays & Hashing |' },
    statement: 'Return the largest number in a non-empty list of integers, without sorting the list.',
    signature: { kind: 'function', name: 'largest', pythonName: 'largest', params: [{ name: 'nums' }] },
    starter: {
      javascript: 'function largest(nums) {}',
      typescript: 'function largest(nums: number[]): number {}',
      python: 'def largest(nums):\n    pass'
    },
    examples: [
      { input: [[1, 5, 3]], expected: 5 },
      { input: [[-2, -9]], expected: -2 },
      { input: [[7]], expected: 7 }
    ],
    hiddenTests: Array.from({ length: 10 }, (_, i) => ({ input: [[i, 50 - i, -i]], expected: Math.max(i, 50 - i) })),
    ...codingGuide('Largest')
  }),
  version: 'fixture00003'
};

/** Behavioral prompts the tests control: two on conflict at staff level, one on failure at senior level. */
function behavioral(id: string, title: string, level: 'senior' | 'staff', themes: string[]): VersionedQuestion {
  return {
    ...behavioralQuestionSchema.parse({
      id,
      kind: 'behavioral',
      title,
      level,
      tags: ['leadership'],
      themes,
      rubricId: 'behavioral-leadership',
      source: { file: '000_0efd650f91282031.txt', section: 'Day 57: Behavioral Interview Preparation' },
      prompt: `Tell me about a time: ${title.toLowerCase()}. What did you do, and what happened?`,
      followUps: ['What was the hardest moment?', 'Who disagreed with you, and why?'],
      hints: ['Tell it as STAR.'],
      keyPoints: [
        { point: 'Names the disagreement', level: 'senior', evidence: ['disagree', 'conflict'] },
        { point: 'Finds the shared goal', level: 'staff', evidence: ['shared goal'] },
        { point: 'Measures the outcome', level: 'staff', evidence: ['metric', 'measured'] }
      ]
    }),
    version: `fixture-${id.slice(-5)}`
  };
}

export const behavioralFixture = behavioral('fixture-team-conflict', 'Resolved a conflict between two teams', 'staff', [
  'conflict'
]);
export const behavioralFixtureTwo = behavioral('fixture-design-dispute', 'Settled a design dispute', 'staff', [
  'conflict',
  'strategy'
]);
export const behavioralFixtureThree = behavioral('fixture-failed-launch', 'A launch that failed', 'senior', [
  'failure'
]);
