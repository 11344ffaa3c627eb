/** A session's work: the note fields (design notes, a coding session's notes and code, behavioral notes), the
 * whiteboard scene, and the autosave that changes them. */
import { z } from 'zod';
import { BEHAVIORAL_NOTE_KEYS, MAX_NOTE_BYTES, MAX_SCENE_DEPTH, type BehavioralNoteKey } from './constants.ts';
import { errorBodySchema } from './errors.ts';
import { storedText } from './text.ts';

/** The languages a coding session is written and judged in. */
export const languageSchema = z.enum(['javascript', 'typescript', 'python']);
export type Language = z.infer<typeof languageSchema>;

export const noteSchema = storedText(MAX_NOTE_BYTES, 'A note');
/** A behavioral mock's notes per prompt (p1Situation … p4Differently, p1Story, p1Asked): see BEHAVIORAL_NOTE_KEYS. */
const behavioralNotesShape = Object.fromEntries(
  BEHAVIORAL_NOTE_KEYS.map((key) => [key, noteSchema.optional()])
) as Record<BehavioralNoteKey, z.ZodOptional<typeof noteSchema>>;
export const designNotesSchema = z.strictObject({
  functional: noteSchema.optional(),
  nonFunctional: noteSchema.optional(),
  estimates: noteSchema.optional(),
  apiDataModel: noteSchema.optional(),
  design: noteSchema.optional(),
  deepDives: noteSchema.optional(),
  tradeoffs: noteSchema.optional(),
  approach: noteSchema.optional(),
  timeComplexity: noteSchema.optional(),
  spaceComplexity: noteSchema.optional(),
  edgeCases: noteSchema.optional(),
  /** The coding session's current language, and its code per language. */
  language: languageSchema.optional(),
  codeJavascript: noteSchema.optional(),
  codeTypescript: noteSchema.optional(),
  codePython: noteSchema.optional(),
  ...behavioralNotesShape
});
/** Every text field a session's work holds: design notes, or a coding session's notes and code. */
export type DesignNotes = z.infer<typeof designNotesSchema>;

/** How deep arrays and objects nest in `value` (a scalar is 0), counted without recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_SCENE_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * An Excalidraw scene as the editor exports it; its elements are opaque to the server but must be objects with
 * ids, nested at most MAX_SCENE_DEPTH deep (deeper ones could not even be encoded for storage).
 */
export const sceneSchema = z
  .object({
    elements: z.array(z.looseObject({ id: z.string().max(100), type: z.string().max(50) })).max(50_000),
    files: z.record(z.string().max(100), z.unknown()).optional()
  })
  .superRefine((scene, context) => {
    const parts: [string | number, unknown][] = [
      ...scene.elements.map((element, i) => [i, element] as [number, unknown]),
      ...Object.entries(scene.files ?? {})
    ];
    for (const [key, part] of parts) {
      // The scene itself and its `elements` array or `files` object are two levels above each part.
      if (nestingDepth(part) + 2 > MAX_SCENE_DEPTH) {
        context.addIssue({
          code: 'custom',
          path: [typeof key === 'number' ? 'elements' : 'files', key],
          message: `Nested more than ${MAX_SCENE_DEPTH} levels deep`
        });
        return;
      }
    }
  })
  .meta({ 'x-maxDepth': MAX_SCENE_DEPTH, description: `Nested at most ${MAX_SCENE_DEPTH} levels deep.` });
export type Scene = z.infer<typeof sceneSchema>;

export const sessionWorkSchema = z.object({
  notes: designNotesSchema,
  scene: sceneSchema
});
export type SessionWork = z.infer<typeof sessionWorkSchema>;

/** An autosave: the revision the client started from and the parts it changed (at least one of them). */
export const workPatchBodySchema = z
  .object({
    revision: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    notes: designNotesSchema.optional(),
    scene: sceneSchema.optional()
  })
  .refine((body) => body.notes !== undefined || body.scene !== undefined, {
    message: 'Send notes, scene or both',
    path: ['notes']
  })
  .meta({ anyOf: [{ required: ['notes'] }, { required: ['scene'] }] });
export type WorkPatchBody = z.infer<typeof workPatchBodySchema>;
export const workPatchResponseSchema = z.object({ revision: z.int(), savedAt: z.string() });

/** The work as it stands at one revision: the notes and the scene that revision wrote, never a mix of two. */
export const currentWorkSchema = sessionWorkSchema.extend({ revision: z.int() });
export type CurrentWork = z.infer<typeof currentWorkSchema>;
/**
 * A refused autosave (409). On a stale revision (CONFLICT) it carries the work as it now stands, so the client
 * merges into it without reading the session again; SESSION_LOCKED carries none.
 */
export const workConflictSchema = errorBodySchema.extend({ current: currentWorkSchema.optional() });
export type WorkConflict = z.infer<typeof workConflictSchema>;
