/**
 * The story bank: a user's own STAR stories. Every read and write names the owner, so another user's story
 * answers 404 as if it did not exist. How often a story was told comes from the behavioral mocks' notes.
 */
import type { CreateStoryBody, Story, StoryBankSummaryResponse, StoryFieldsInput } from '@mockloop/contracts';
import { BEHAVIORAL_PROMPT_NUMBERS, storyNoteKey } from '@mockloop/contracts/constants';
import { storyFieldsSchema } from '@mockloop/contracts';
import { LEADERSHIP_THEMES, storyBankSummary, storyStrength, type LeadershipTheme } from '@mockloop/rubrics';
import type { SignedInUser, StoryDoc } from '../db/client.ts';
import { newId, parseObjectId } from '../db/ids.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoryContent } from '../db/stories-repo.ts';
import { notFound } from '../errors.ts';

const storyNotFound = () => notFound('That story');
const STORY_KEYS = BEHAVIORAL_PROMPT_NUMBERS.map(storyNoteKey);

function storyId(id: string) {
  const _id = parseObjectId(id);
  if (!_id) throw storyNotFound();
  return _id;
}

function toStory(doc: StoryDoc, mocks: number): Story {
  const { strong, missing } = storyStrength(doc);
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    situation: doc.situation,
    task: doc.task,
    action: doc.action,
    result: doc.result,
    differently: doc.differently,
    competencies: doc.competencies as Story['competencies'],
    themes: doc.themes as Story['themes'],
    roadmapWeeks: doc.roadmapWeeks,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    strong,
    missing,
    mocks
  };
}

/** The input parsed again here (routes validate too): the service never trusts a caller to have done it. */
function content(input: StoryFieldsInput): StoryContent {
  const { title, situation, task, action, result, differently, competencies, themes, roadmapWeeks } =
    storyFieldsSchema.parse(input);
  return { title, situation, task, action, result, differently, competencies, themes, roadmapWeeks };
}

export function createStoryService(repos: Repositories, now: () => Date) {
  /** Each time a behavioral mock's prompt was told with a story: one entry per prompt. */
  async function uses(user: SignedInUser) {
    const picks = await repos.sessions.storyPicks(user._id, STORY_KEYS);
    return picks.flatMap(({ sessionId, storyIds }) =>
      storyIds.map((id) => ({ storyId: id, sessionId: sessionId.toHexString() }))
    );
  }

  const mocksOf = (all: { storyId: string; sessionId: string }[], id: string) =>
    new Set(all.filter((u) => u.storyId === id).map((u) => u.sessionId)).size;

  return {
    async list(user: SignedInUser): Promise<Story[]> {
      const [docs, all] = await Promise.all([repos.stories.listOwned(user._id), uses(user)]);
      return docs.map((doc) => toStory(doc, mocksOf(all, doc._id.toHexString())));
    },

    async get(user: SignedInUser, id: string): Promise<Story> {
      const doc = await repos.stories.findOwned(storyId(id), user._id);
      if (!doc) throw storyNotFound();
      return toStory(doc, mocksOf(await uses(user), id));
    },

    async create(user: SignedInUser, body: CreateStoryBody): Promise<Story> {
      const at = now();
      const doc: StoryDoc = { _id: newId(), userId: user._id, ...content(body), createdAt: at, updatedAt: at };
      await repos.stories.insert(doc);
      return toStory(doc, 0);
    },

    async update(user: SignedInUser, id: string, body: StoryFieldsInput): Promise<Story> {
      const _id = storyId(id);
      if (!(await repos.stories.replaceOwned(_id, user._id, content(body), now()))) throw storyNotFound();
      return this.get(user, id);
    },

    async remove(user: SignedInUser, id: string): Promise<void> {
      if (!(await repos.stories.deleteOwned(storyId(id), user._id))) throw storyNotFound();
    },

    /** Themes with no strong story yet, and stories told too often. */
    async summary(user: SignedInUser): Promise<StoryBankSummaryResponse> {
      const [docs, all] = await Promise.all([repos.stories.listOwned(user._id), uses(user)]);
      const mine = new Set(docs.map((d) => d._id.toHexString()));
      const stories = docs.map((doc) => ({
        id: doc._id.toHexString(),
        themes: doc.themes as LeadershipTheme[],
        strong: storyStrength(doc).strong
      }));
      const summary = storyBankSummary(
        LEADERSHIP_THEMES.map((t) => t.id),
        stories,
        all.filter((u) => mine.has(u.storyId))
      );
      const title = (id: string) => docs.find((d) => d._id.toHexString() === id)?.title ?? '';
      return {
        themesWithoutStrongStory: summary.themesWithoutStrongStory.map((id) => ({
          id,
          name: LEADERSHIP_THEMES.find((t) => t.id === id)!.name
        })),
        overused: summary.overused.map((o) => ({ ...o, title: title(o.storyId) })),
        stories: docs.length
      };
    }
  };
}

export type StoryService = ReturnType<typeof createStoryService>;
