/**
 * What a behavioral answer shows without judgement (60-day plan, Day 56: "Prepare STAR format stories"): each STAR
 * part present and its length, a result stated with a number, "I" against "we" in the action, and time per prompt
 * against its box. Pure and zod-free: the browser and the API both use it.
 */
import type { PlannedPhase } from './phase-plan.ts';

export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPart = (typeof STAR_PARTS)[number];

/** An answer or a story: the four STAR parts and the reflection ("what I would do differently"). */
export type StarAnswer = Partial<Record<StarPart | 'differently', string>>;

/** Fewer words than this is a heading, not a part of the story. */
export const STAR_PART_MIN_WORDS = 5;

export function wordCount(text: string | undefined): number {
  return (text ?? '').match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%-]*/gu)?.length ?? 0;
}

// A figure: a percentage, a multiple, money, a unit of time or size, or a plain number that is not a year.
const FIGURE =
  /(?:[$€£]\s?\d)|(?:\d[\d.,]*\s?(?:%|x\b|×|percent|k\b|m\b|ms\b|s\b|hours?|days?|weeks?|months?|people|engineers|teams?|users?|customers?|million|billion|thousand))|(?:\b(?!(?:19|20)\d{2}\b)\d[\d.,]*\b)/i;

/** Whether a result is stated with a number ("cut p99 from 900 to 250 ms", "40% fewer pages"); a year is not one. */
export function hasQuantifiedResult(text: string | undefined): boolean {
  return FIGURE.test(text ?? '');
}

const SINGULAR = /\b(?:i|me|my|mine|myself|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll)\b/giu;
const PLURAL = /\b(?:we|us|our|ours|ourselves|we're|we’re|we've|we’ve|we'd|we’d|we'll|we’ll)\b/giu;

export interface PronounBalance {
  i: number;
  we: number;
  /** Share of "I" among first-person pronouns; null when there are none. */
  iShare: number | null;
}

/** "I" against "we": an action told only in "we" hides the candidate's own part. */
export function pronounBalance(text: string | undefined): PronounBalance {
  const i = (text ?? '').match(SINGULAR)?.length ?? 0;
  const we = (text ?? '').match(PLURAL)?.length ?? 0;
  return { i, we, iShare: i + we === 0 ? null : Math.round((i / (i + we)) * 100) / 100 };
}

export interface StarPartEvidence {
  words: number;
  present: boolean;
}

export interface StarEvidence {
  parts: Record<StarPart, StarPartEvidence>;
  partsPresent: number;
  reflected: boolean;
  resultQuantified: boolean;
  action: PronounBalance;
}

/**
 * @example
 * starEvidence({ situation: '…', action: 'I wrote the migration plan…', result: 'p99 fell 60%' }).partsPresent;
 */
export function starEvidence(answer: StarAnswer): StarEvidence {
  const parts = Object.fromEntries(
    STAR_PARTS.map((part) => {
      const words = wordCount(answer[part]);
      return [part, { words, present: words >= STAR_PART_MIN_WORDS }];
    })
  ) as Record<StarPart, StarPartEvidence>;
  return {
    parts,
    partsPresent: STAR_PARTS.filter((part) => parts[part].present).length,
    reflected: wordCount(answer.differently) >= STAR_PART_MIN_WORDS,
    resultQuantified: parts.result.present && hasQuantifiedResult(answer.result),
    action: pronounBalance(answer.action)
  };
}

/** A story is strong when it tells all four parts and its result has a number; otherwise, what it lacks. */
export function storyStrength(story: StarAnswer): { strong: boolean; missing: string[] } {
  const evidence = starEvidence(story);
  const missing: string[] = STAR_PARTS.filter((part) => !evidence.parts[part].present);
  if (evidence.parts.result.present && !evidence.resultQuantified) missing.push('a number in the result');
  return { strong: missing.length === 0, missing };
}

/** A behavioral mock has 2–4 prompts; 30 or 45 minutes. */
export const BEHAVIORAL_LENGTHS_MIN = [30, 45] as const;
export const BEHAVIORAL_MAX_PROMPTS = 4;

/** The id of the phase that holds prompt `n` (1-based): each prompt is a phase with its own time box. */
export const promptPhaseId = (n: number) => `prompt-${n}`;

/**
 * Each prompt's time box: the session's minutes shared out evenly in whole minutes (earlier prompts get
 * the spare ones), so the boxes add up to the duration.
 *
 * @example
 * behavioralPhasePlan(45, ['Conflict', 'Failure']).map((p) => p.minutes); // [23, 22]
 */
export function behavioralPhasePlan(durationMin: number, titles: readonly string[]): PlannedPhase[] {
  const base = Math.floor(durationMin / titles.length);
  let spare = durationMin - base * titles.length;
  let startsAtMin = 0;
  return titles.map((title, index) => {
    const minutes = base + (spare-- > 0 ? 1 : 0);
    const phase = { id: promptPhaseId(index + 1), name: title, minutes, startsAtMin };
    startsAtMin += minutes;
    return phase;
  });
}

/** Measures of a whole mock's answers, for the STAR-structure criterion's suggested rating. */
export interface StarStructureMeasure {
  prompts: { partsPresent: number; resultQuantified: boolean; iShare: number | null }[];
}

/** A suggested rating of the story structure; the candidate's own rating always stands. */
export function starStructureRating(measure: StarStructureMeasure): { rating: 1 | 2 | 3 | 4; reason: string } | null {
  const n = measure.prompts.length;
  if (n === 0) return null;
  const complete = measure.prompts.filter((p) => p.partsPresent === STAR_PARTS.length).length;
  const quantified = measure.prompts.filter((p) => p.resultQuantified).length;
  const ownAction = measure.prompts.filter((p) => p.iShare !== null && p.iShare >= 0.5).length;
  const partShare = measure.prompts.reduce((sum, p) => sum + p.partsPresent, 0) / (n * STAR_PARTS.length);
  const rating =
    complete === n && quantified === n && ownAction === n
      ? 4
      : complete === n && quantified * 2 >= n
        ? 3
        : partShare >= 0.5
          ? 2
          : 1;
  return {
    rating,
    reason:
      `${complete} of ${n} answers tell all four STAR parts; ${quantified} state a result with a number; ` +
      `${ownAction} tell the action mostly as "I".`
  };
}

export interface StoryUse {
  storyId: string;
  sessionId: string;
}

/** Three mocks on one story, or one story told twice in a mock, and interviewers hear the same story everywhere. */
export const OVERUSED_AFTER_MOCKS = 3;

export interface StoryBankSummary<Theme extends string> {
  /** Themes no strong story covers yet, in the order given. */
  themesWithoutStrongStory: Theme[];
  overused: { storyId: string; mocks: number; reason: string }[];
}

/**
 * Which themes still need a strong story, and which stories are leaned on too much.
 *
 * @example
 * storyBankSummary(['conflict', 'failure'], stories, uses).themesWithoutStrongStory; // ['failure']
 */
export function storyBankSummary<Theme extends string>(
  themes: readonly Theme[],
  stories: readonly { id: string; themes: readonly Theme[]; strong: boolean }[],
  uses: readonly StoryUse[]
): StoryBankSummary<Theme> {
  const covered = new Set(stories.filter((s) => s.strong).flatMap((s) => s.themes));
  const overused: StoryBankSummary<Theme>['overused'] = [];
  for (const story of stories) {
    const mine = uses.filter((u) => u.storyId === story.id);
    const mocks = new Set(mine.map((u) => u.sessionId)).size;
    if (mocks >= OVERUSED_AFTER_MOCKS) {
      overused.push({ storyId: story.id, mocks, reason: `told in ${mocks} mocks` });
    } else if (mine.length > mocks) {
      overused.push({ storyId: story.id, mocks, reason: 'told for two prompts of one mock' });
    }
  }
  return { themesWithoutStrongStory: themes.filter((t) => !covered.has(t)), overused };
}
