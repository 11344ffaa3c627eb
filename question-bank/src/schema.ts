/** The shape of every question-bank data file, checked when the bank loads and in tests. */
import { leadershipThemeSchema, sourceSchema } from '@mockloop/rubrics';
import { z } from 'zod';
import { COMPLEXITY_CLASSES } from './performance/growth.ts';

/** Where a question comes from: one home for this shape, shared with the rubrics (a seed file and a heading in it). */
export { sourceSchema };

export const levelSchema = z.enum(['senior', 'staff', 'principal']);
export const difficultySchema = z.enum(['easy', 'medium', 'hard']);
export const languageSchema = z.enum(['javascript', 'typescript', 'python']);

const baseQuestion = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
  title: z.string().min(3),
  tags: z.array(z.string().min(1)).min(1),
  /** The rubric a session on this question is scored with (an id from @mockloop/rubrics). */
  rubricId: z.string().min(1),
  source: sourceSchema
};

/** A point a strong answer covers, with the terms that show it was covered in the candidate's notes. */
export const keyPointSchema = z.object({
  point: z.string().min(3),
  level: levelSchema,
  evidence: z.array(z.string().min(2)).min(1)
});

export const designQuestionSchema = z.object({
  ...baseQuestion,
  kind: z.literal('design'),
  level: levelSchema,
  prompt: z.string().min(40),
  /** Scale numbers the candidate should design for, e.g. "10M requests/day". */
  scale: z.array(z.string().min(2)).min(1),
  followUps: z.array(z.string().min(10)).min(4).max(8),
  hints: z.array(z.string().min(5)).min(1),
  keyPoints: z.array(keyPointSchema).min(4)
});

export const behavioralQuestionSchema = z.object({
  ...baseQuestion,
  kind: z.literal('behavioral'),
  level: levelSchema,
  /** The leadership themes a story answering it shows: a behavioral mock draws prompts by theme. */
  themes: z.array(leadershipThemeSchema).min(1).max(3),
  prompt: z.string().min(20),
  followUps: z.array(z.string().min(10)).min(2).max(8),
  hints: z.array(z.string().min(5)).min(1),
  keyPoints: z.array(keyPointSchema).min(3)
});

/**
 * A value passed to or returned from user code. Plain JSON, except where a parameter's
 * `type` asks the harness to build a structure (a linked list, a binary tree, a graph).
 */
export const paramTypeSchema = z.enum(['json', 'linkedList', 'binaryTree', 'graph']);

export const functionSignatureSchema = z.object({
  kind: z.literal('function'),
  /** The function's name in JavaScript and TypeScript. */
  name: z.string().regex(/^[a-zA-Z_$][\w$]*$/),
  /** The function's name in Python (snake_case). */
  pythonName: z.string().regex(/^[a-zA-Z_]\w*$/),
  params: z.array(z.object({ name: z.string().min(1), type: paramTypeSchema.default('json') })).min(1),
  returns: paramTypeSchema.default('json'),
  /** For in-place problems: the index of the argument whose final value is the result. */
  mutatesArg: z.number().int().min(0).optional()
});

/** Class problems (Min Stack, Trie, LRU cache): a call sequence, LeetCode style. */
export const classSignatureSchema = z.object({
  kind: z.literal('class'),
  /** The class name, the same in every language. */
  name: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
  /** Method names in JavaScript/TypeScript mapped to their Python names (LeetCode's problems spell them alike). */
  methods: z.record(z.string(), z.string()),
  /** Methods that return nothing: like LeetCode, their result is `null` whatever the code returns. */
  voidMethods: z.array(z.string()).optional()
});

/**
 * How a result is compared with the expected one.
 * - exact: deep equality;
 * - unordered: the top-level array in any order;
 * - unorderedNested: each inner array in any order, and the outer array in any order;
 * - float: numbers within 1e-5 (deeply);
 * - custom checkers are named in the harness (`checkers`), e.g. `balancedBst`.
 */
export const comparatorSchema = z.string().min(1);

export const testCaseSchema = z.object({
  /** Function problems: the argument list. Class problems: `{ ops: string[], args: unknown[][] }`. */
  input: z.unknown(),
  expected: z.unknown(),
  /** Why this case is here (an edge case's name). */
  note: z.string().optional()
});

/**
 * A large input made from a seed by the problem's generator (`src/performance/generators`), so the repository keeps
 * a few numbers instead of megabytes. The expected result is kept as it is when small, else as the SHA-256 of the
 * comparator's normal form (`src/performance/digest.ts`); either way it is judged outside the code under test.
 */
export const performanceTestSchema = z
  .object({
    seed: z.number().int().nonnegative(),
    /** Sizes for the generator, taken from the statement's constraints (`n`, `k`, `queries`, …). */
    params: z.record(z.string(), z.number()),
    note: z.string().min(3),
    /**
     * The size the problem's complexity class is of, at this test: the tests of one seed are a ladder (n, then 16n),
     * timed in one run and judged by how their time grows (`performance/growth.ts`).
     */
    n: z.number().int().positive().optional(),
    /** Call this many times on the same input, for a call too fast to time alone (an O(log n) search). */
    repeat: z.number().int().min(2).max(1_000_000).optional(),
    expected: z.unknown().optional(),
    expectedSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional()
  })
  .refine((test) => (test.expected === undefined) !== (test.expectedSha256 === undefined), {
    message: 'give either expected or expectedSha256'
  });

/** Per-language time limit for every test of a problem, and the tests that make complexity count. */
export const performanceSchema = z.object({
  /**
   * Calibrated on the reference solutions (`npm run bank:calibrate`): ten times their slowest test, at least 1 s.
   * TypeScript runs as JavaScript, so it has JavaScript's limit.
   */
  timeLimitMs: z.object({ javascript: z.number().int().min(1000), python: z.number().int().min(1000) }),
  /** What the calibration measured for the reference solutions' slowest test, for the record. */
  referenceMs: z.object({ javascript: z.number().nonnegative(), python: z.number().nonnegative() }),
  /**
   * The machine's calibration loop (harness/calibration-loop.ts) timed beside the references, in ms: what their
   * times are worth on that machine. Absent from problems calibrated before it was recorded.
   */
  calibrationLoopMs: z.number().positive().optional(),
  /**
   * Each language's limit in calibration loops (`harness/calibration-loop.ts`) for one call of an example, a hidden
   * test or the ladder's first rung: ten times the reference's time there, at least the floor. Later rungs are
   * limited by growth. `timeLimitMs` is this times `calibrationLoopMs`, for display and for older snapshots.
   */
  limitLoops: z.object({ javascript: z.number().positive(), python: z.number().positive() }).optional(),
  tests: z.array(performanceTestSchema)
});

const UNCALIBRATED = {
  timeLimitMs: { javascript: 2000, python: 2000 },
  referenceMs: { javascript: 0, python: 0 },
  tests: []
};

const complexity = z.string().regex(/O\(/, 'Say it in big-O, e.g. O(n log n)').max(120);
export const editorialSchema = z.object({
  approach: z.string().min(60).max(600),
  time: complexity,
  space: complexity
});
export type Editorial = z.infer<typeof editorialSchema>;

export const codingQuestionSchema = z.object({
  ...baseQuestion,
  kind: z.literal('coding'),
  /** The LeetCode number where the roadmap names one; absent for the plans' implementation tasks. */
  leetcode: z.number().int().positive().optional(),
  difficulty: difficultySchema,
  /** The 16-week roadmap's pattern, e.g. "Sliding Window". */
  pattern: z.string().min(3),
  timeBoxMin: z.number().int().positive(),
  statement: z.string().min(40),
  constraints: z.array(z.string()).default([]),
  signature: z.discriminatedUnion('kind', [functionSignatureSchema, classSignatureSchema]),
  comparator: comparatorSchema.default('exact'),
  starter: z.object({ javascript: z.string(), typescript: z.string(), python: z.string() }),
  /**
   * How the reference solves it, in our own words, with its time and space: shown once the candidate's session is
   * over (the result page), never while it runs.
   */
  editorial: editorialSchema,
  examples: z.array(testCaseSchema.extend({ explanation: z.string().optional() })).min(3),
  hiddenTests: z.array(testCaseSchema).min(10),
  /**
   * The interviewer's guide, as a design question keeps it: held back from the candidate (the catalog and a running
   * session leave it out; services/sessions/guide.ts) until the interviewer reveals a follow-up or a hint.
   */
  hints: z.array(z.string().min(5)).min(2),
  followUps: z.array(z.string().min(10)).min(2).max(8),
  keyPoints: z.array(keyPointSchema).min(3),
  /**
   * The time the statement asks for (what a LeetCode reviewer would accept), of one call or of each operation of a
   * class problem or many-query test; the performance ladder is judged by it. Every bank file has one (the suite
   * checks); snapshots taken before it existed are judged by their limits alone.
   */
  complexity: z
    .object({ time: z.enum(COMPLEXITY_CLASSES), per: z.enum(['call', 'operation']).default('call') })
    .optional(),
  /** Every bank file has one (the suite checks); snapshots taken before there was one judge with the old 2 s. */
  performance: performanceSchema.default(UNCALIBRATED)
});

export const questionSchema = z.discriminatedUnion('kind', [
  designQuestionSchema,
  behavioralQuestionSchema,
  codingQuestionSchema
]);

export type Source = z.infer<typeof sourceSchema>;
export type Level = z.infer<typeof levelSchema>;
export type Difficulty = z.infer<typeof difficultySchema>;
export type Language = z.infer<typeof languageSchema>;
export type KeyPoint = z.infer<typeof keyPointSchema>;
export type DesignQuestion = z.infer<typeof designQuestionSchema>;
export type BehavioralQuestion = z.infer<typeof behavioralQuestionSchema>;
export type CodingQuestion = z.infer<typeof codingQuestionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type TestCase = z.infer<typeof testCaseSchema>;
export type PerformanceTest = z.infer<typeof performanceTestSchema>;
export type Performance = z.infer<typeof performanceSchema>;
