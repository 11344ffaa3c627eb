/** The story bank: the user's own STAR stories, reused across behavioral mocks. */
import { competencyIdSchema, leadershipThemeSchema } from '@mockloop/rubrics';
import { z } from 'zod';

export const MAX_STORY_PART_CHARS = 10_000;
const part = z.string().max(MAX_STORY_PART_CHARS, `A part has at most ${MAX_STORY_PART_CHARS} characters`).default('');
const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const storyFieldsSchema = z.object({
  title: z.string().trim().min(3, 'Give the story a title of 3 characters or more').max(200),
  situation: part,
  task: part,
  action: part,
  result: part,
  differently: part,
  competencies: z.array(competencyIdSchema).max(8).refine(unique, 'Each competency once').default([]),
  themes: z.array(leadershipThemeSchema).max(8).refine(unique, 'Each theme once').default([]),
  /** Weeks of the 24-week staff roadmap the story relates to. */
  roadmapWeeks: z.array(z.int().min(1).max(24)).max(24).refine(unique, 'Each week once').default([])
});
export type StoryFields = z.infer<typeof storyFieldsSchema>;
export type StoryFieldsInput = z.input<typeof storyFieldsSchema>;

/** A new story, or a mock's answer saved as one (the page then tells that prompt with it). */
export const createStoryBodySchema = storyFieldsSchema;
export type CreateStoryBody = z.input<typeof createStoryBodySchema>;

export const storySchema = storyFieldsSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** All four STAR parts and a number in the result; otherwise `missing` says what it lacks. */
  strong: z.boolean(),
  missing: z.array(z.string()),
  /** Behavioral mocks it was told in. */
  mocks: z.int()
});
export type Story = z.infer<typeof storySchema>;
export const storyResponseSchema = z.object({ story: storySchema });
export const storyListSchema = z.object({ items: z.array(storySchema) });

/** Insights on the bank: themes with no strong story yet, and stories told too often. */
export const storyBankSummarySchema = z.object({
  themesWithoutStrongStory: z.array(z.object({ id: z.string(), name: z.string() })),
  overused: z.array(z.object({ storyId: z.string(), title: z.string(), mocks: z.int(), reason: z.string() })),
  stories: z.int()
});
export type StoryBankSummaryResponse = z.infer<typeof storyBankSummarySchema>;
