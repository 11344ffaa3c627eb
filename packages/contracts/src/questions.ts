/** The question bank and rubrics as the API serves them: hidden tests and reference solutions never appear here. */
import {
  behavioralQuestionSchema,
  codingQuestionSchema,
  designQuestionSchema,
  difficultySchema,
  keyPointSchema,
  levelSchema,
  performanceSchema
} from '@mockloop/question-bank/schema';
import { z } from 'zod';
import { MOCK_KINDS } from './kinds.ts';

/** A kind of mock, from the one list (kinds.ts). */
export const mockKindSchema = z.enum(MOCK_KINDS);

const versioned = { version: z.string().describe('Content hash of the question file: a session snapshots it') };

/**
 * A coding problem as served: without its hidden tests, the interviewer's guide (the room's, to reveal) or its
 * editorial (the finished session's reference).
 */
export const publicCodingQuestionSchema = codingQuestionSchema
  .omit({
    hiddenTests: true,
    performance: true,
    hints: true,
    followUps: true,
    keyPoints: true,
    editorial: true
  })
  .extend({
    ...versioned,
    hiddenTestCount: z.int(),
    /** Every test's time limit per language (TypeScript runs as JavaScript). */
    timeLimitMs: performanceSchema.shape.timeLimitMs,
    /** The same limit in calibration loops: the performance ladder's first rung is judged by it, later ones by growth. */
    limitLoops: performanceSchema.shape.limitLoops,
    performanceTestCount: z.int()
  });
export const publicDesignQuestionSchema = designQuestionSchema.extend(versioned);
export const publicBehavioralQuestionSchema = behavioralQuestionSchema.extend(versioned);

export const publicQuestionSchema = z.discriminatedUnion('kind', [
  publicDesignQuestionSchema,
  publicBehavioralQuestionSchema,
  publicCodingQuestionSchema
]);
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

/**
 * A design question as a session serves it: to its candidate while the mock runs, what only the interviewer
 * sees is left out (hints and key points always; follow-ups but those a candidate alone asked for in the deep dives).
 */
export const sessionDesignQuestionSchema = publicDesignQuestionSchema.extend({
  followUps: z.array(z.string()).describe('Empty while withheld from the candidate'),
  hints: z.array(z.string()).describe('Empty while withheld from the candidate'),
  keyPoints: z.array(keyPointSchema).describe('Empty while withheld from the candidate'),
  /** How many follow-ups the prompt has, revealed or not (what a candidate alone may still ask for). */
  followUpCount: z.int()
});
/**
 * A behavioral prompt as a session serves it: to its candidate while the mock runs, the follow-ups they asked for
 * alone (none with an interviewer in the mock: theirs arrive as reveals), never the hints or key points.
 */
export const sessionBehavioralQuestionSchema = publicBehavioralQuestionSchema.extend({
  followUps: z.array(z.string()).describe('Only those revealed to the candidate while the mock runs'),
  hints: z.array(z.string()).describe('Empty while withheld from the candidate'),
  keyPoints: z.array(keyPointSchema).describe('Empty while withheld from the candidate'),
  /** How many follow-ups the prompt has, revealed or not (what a candidate alone may still ask for). */
  followUpCount: z.int()
});
export const sessionQuestionSchema = z.discriminatedUnion('kind', [
  sessionDesignQuestionSchema,
  sessionBehavioralQuestionSchema,
  publicCodingQuestionSchema
]);
export type SessionBehavioralQuestion = z.infer<typeof sessionBehavioralQuestionSchema>;
export type SessionQuestion = z.infer<typeof sessionQuestionSchema>;
export type PublicCodingQuestion = z.infer<typeof publicCodingQuestionSchema>;
export type PublicDesignQuestion = z.infer<typeof publicDesignQuestionSchema>;

/** One row of the bank's list: enough to filter, search and pick. */
export const questionSummarySchema = z.object({
  id: z.string(),
  kind: mockKindSchema,
  title: z.string(),
  level: levelSchema.optional(),
  difficulty: difficultySchema.optional(),
  pattern: z.string().optional(),
  leetcode: z.int().optional(),
  tags: z.array(z.string()),
  /** Behavioral prompts: the leadership themes a story answering it shows. */
  themes: z.array(z.string()).optional(),
  rubricId: z.string(),
  source: z.object({ file: z.string(), section: z.string() }),
  version: z.string()
});
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

export const questionQuerySchema = z.object({
  kind: mockKindSchema.optional(),
  tag: z.string().max(100).optional(),
  level: levelSchema.optional(),
  difficulty: difficultySchema.optional(),
  /** Behavioral prompts filed under this leadership theme. */
  theme: z.string().max(50).optional(),
  /** Words that must all appear in the title, tags, pattern or statement. */
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0)
});
export type QuestionQuery = z.infer<typeof questionQuerySchema>;

export const questionListSchema = z.object({ items: z.array(questionSummarySchema), total: z.int() });
export type QuestionList = z.infer<typeof questionListSchema>;
export const questionResponseSchema = z.object({ question: publicQuestionSchema });
