/**
 * Constants the pages need at run time, free of zod and of the schemas: importing these does not put the
 * validation library and every rubric into the browser's bundle.
 */
import { QUESTION_KINDS, type MockKind } from './kinds.ts';

export { MOCK_KINDS, QUESTION_KINDS, type MockKind, type QuestionKind } from './kinds.ts';

/** Largest whiteboard scene accepted, images included, in bytes as stored (the JSON text's UTF-8). */
export const MAX_SCENE_BYTES = 10 * 1024 * 1024;
/** Deepest nesting of arrays and objects in a scene (Excalidraw's own go about five deep). */
export const MAX_SCENE_DEPTH = 32;
/** Largest note or code field, in UTF-8 bytes as stored. */
export const MAX_NOTE_BYTES = 100_000;
/** The lengths a mock runs for, in minutes: design 45/60/90, coding 15–90 (see the session service). */
export const SESSION_LENGTHS_MIN = [15, 30, 45, 60, 90] as const;

export const DESIGN_NOTE_FIELDS = [
  { id: 'functional', label: 'Functional requirements' },
  { id: 'nonFunctional', label: 'Non-functional requirements' },
  { id: 'estimates', label: 'Capacity estimates' },
  { id: 'apiDataModel', label: 'API and data model' },
  { id: 'design', label: 'High-level design' },
  { id: 'deepDives', label: 'Deep dives' },
  { id: 'tradeoffs', label: 'Trade-offs and bottlenecks' }
] as const;
export type DesignNoteField = (typeof DESIGN_NOTE_FIELDS)[number]['id'];

/** A coding session's written fields; its code is kept per language beside them, as plain text fields too. */
export const CODING_NOTE_FIELDS = [
  { id: 'approach', label: 'Approach' },
  { id: 'timeComplexity', label: 'Time complexity' },
  { id: 'spaceComplexity', label: 'Space complexity' },
  { id: 'edgeCases', label: 'Edge cases considered' }
] as const;
export const CODE_FIELDS = {
  javascript: 'codeJavascript',
  typescript: 'codeTypescript',
  python: 'codePython'
} as const;

export const OOPS_TAGS = [
  'skipped requirements',
  'no capacity estimate',
  'jumped to solution',
  'missed bottleneck',
  'ignored failure modes',
  'ran out of time',
  'unclear communication',
  'no trade-offs discussed',
  'off-by-one',
  'missed edge case',
  'wrong complexity',
  'did not test',
  'no result stated',
  'told it as "we"',
  'rambling story',
  'no reflection'
] as const;

/**
 * The kinds of mock in which each suggested oops tag can happen: only those sessions review it (a coding mock
 * cannot show a missing capacity estimate). A tag of the user's own can happen in the kinds it was tagged in.
 */
export const OOPS_TAG_KINDS: Readonly<Record<(typeof OOPS_TAGS)[number], readonly MockKind[]>> = {
  'skipped requirements': ['design'],
  'no capacity estimate': ['design'],
  'jumped to solution': ['design', 'coding'],
  'missed bottleneck': ['design'],
  'ignored failure modes': ['design'],
  // Every mock on a question (a loop is scored as its rounds).
  'ran out of time': QUESTION_KINDS,
  'unclear communication': QUESTION_KINDS,
  'no trade-offs discussed': ['design'],
  'off-by-one': ['coding'],
  'missed edge case': ['coding'],
  'wrong complexity': ['coding'],
  'did not test': ['coding'],
  'no result stated': ['behavioral'],
  'told it as "we"': ['behavioral'],
  'rambling story': ['behavioral'],
  'no reflection': ['behavioral']
};

/** A behavioral mock's written fields, per prompt: the STAR parts and the reflection. */
export const STAR_NOTE_FIELDS = [
  { part: 'situation', key: 'Situation', label: 'Situation', hint: 'Where, when, what was at stake' },
  { part: 'task', key: 'Task', label: 'Task', hint: 'What you had to achieve, and why you' },
  { part: 'action', key: 'Action', label: 'Action', hint: 'What you did, in "I", step by step' },
  { part: 'result', key: 'Result', label: 'Result', hint: 'What changed, with a number' },
  { part: 'differently', key: 'Differently', label: 'What I would do differently', hint: 'The lesson' }
] as const;
export type StarNotePart = (typeof STAR_NOTE_FIELDS)[number]['part'];
export const BEHAVIORAL_PROMPT_NUMBERS = [1, 2, 3, 4] as const;
export type PromptNumber = (typeof BEHAVIORAL_PROMPT_NUMBERS)[number];

type StarKey = `p${PromptNumber}${(typeof STAR_NOTE_FIELDS)[number]['key']}`;
/** The note keys of prompt `n`: its STAR fields, the story picked into it, how many follow-ups were revealed. */
export type BehavioralNoteKey = StarKey | `p${PromptNumber}Story` | `p${PromptNumber}Asked`;

export function starNoteKey(n: PromptNumber, part: StarNotePart): StarKey {
  const field = STAR_NOTE_FIELDS.find((f) => f.part === part)!;
  return `p${n}${field.key}`;
}
export const storyNoteKey = (n: PromptNumber) => `p${n}Story` as const;
export const askedNoteKey = (n: PromptNumber) => `p${n}Asked` as const;

export const BEHAVIORAL_NOTE_KEYS: readonly BehavioralNoteKey[] = BEHAVIORAL_PROMPT_NUMBERS.flatMap((n) => [
  ...STAR_NOTE_FIELDS.map((f) => starNoteKey(n, f.part)),
  storyNoteKey(n),
  askedNoteKey(n)
]);

/** Largest recording kept per session (all its segments), in bytes: about an hour of Opus voice at 128 kbit/s. */
export const MAX_RECORDING_BYTES = 60 * 1024 * 1024;

/** Largest total of recordings one person keeps across their sessions: about 34 full sessions. */
export const MAX_USER_RECORDING_BYTES = 2 * 1024 * 1024 * 1024;

/** Sessions one person may start in a UTC day (each problem of an assessment and each loop round counts). */
export const MAX_SESSIONS_PER_DAY = 100;
/** Largest single recorded chunk, in bytes (a second of audio is a few kilobytes). */
export const MAX_RECORDING_CHUNK_BYTES = 512 * 1024;
/**
 * How often the recorder hands over a chunk to upload, in milliseconds: a crash or reload loses at most the chunk
 * under way, so half a second rather than one.
 */
export const RECORDING_CHUNK_MS = 500;
