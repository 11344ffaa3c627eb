/**
 * The kinds of mock: the one list every kind type, schema and enum derives from (contracts re-exports it as
 * `MOCK_KINDS`; `mockKindSchema` in contracts' questions.ts). A new kind starts here; the compiler then names every
 * registry that must fill it in (see ARCHITECTURE.md, "Adding a kind of mock"). No zod here: the web's constants
 * import it too.
 */

/**
 * The kinds a session on one bank question can be, each scored with a rubric of its own; a loop is made of
 * sessions of these kinds (its rounds) and has no question or rubric of its own.
 */
export const QUESTION_KINDS = ['design', 'coding', 'behavioral'] as const;

export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const MOCK_KINDS = [...QUESTION_KINDS, 'loop'] as const;

export type MockKind = (typeof MOCK_KINDS)[number];

export function isMockKind(value: unknown): value is MockKind {
  return (MOCK_KINDS as readonly unknown[]).includes(value);
}

/** Rubrics cover every kind of mock on a question, and the 24-week roadmap's weekly projects besides. */
export const RUBRIC_KINDS = [...QUESTION_KINDS, 'project'] as const;

export type RubricKind = (typeof RUBRIC_KINDS)[number];
