/**
 * Constants the pages need at run time, free of zod and of the schemas: importing these does not put the
 * validation library and every rubric into the browser's bundle.
 */

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
  'did not test'
] as const;
