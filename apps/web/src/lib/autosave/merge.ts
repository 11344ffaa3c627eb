/**
 * Three-way merge of a session's work after a conflicting save (another tab or browser saved first): the base is
 * what this tab last had acknowledged, "ours" what it holds now, "theirs" what the server holds. Nothing either side
 * typed is lost, and code never gets a marker in it: code both sides changed in the same lines keeps ours and
 * leaves theirs for the person to choose.
 */
import { CODE_FIELDS, CODING_NOTE_FIELDS, DESIGN_NOTE_FIELDS } from '@mockloop/contracts/constants';
import type { DesignNotes, Scene, SessionWork } from '@mockloop/contracts';
import { diff3Merge } from 'node-diff3';

export const CONFLICT_MARKER = '\n\n— also saved from another window —\n';

const CODE_FIELD_NAMES = new Set<string>(Object.values(CODE_FIELDS));

/** A field that holds a program: no marker may ever be written into it. */
export function isCodeField(field: string): boolean {
  return CODE_FIELD_NAMES.has(field);
}

/** Lines with their line breaks, so joining them gives the text back exactly. */
const lines = (text: string) => text.split(/(?<=\n)/);

/**
 * Merges two edits of one text line by line (diff3). `clean` is false when both sides changed the same lines
 * differently; the text is then ours.
 */
export function mergeText(base: string, ours: string, theirs: string): { text: string; clean: boolean } {
  if (ours === theirs || theirs === base) return { text: ours, clean: true };
  if (ours === base) return { text: theirs, clean: true };
  const regions = diff3Merge(lines(ours), lines(base), lines(theirs), { excludeFalseConflicts: true });
  if (regions.every((region) => region.ok)) {
    return { text: regions.map((region) => region.ok!.join('')).join(''), clean: true };
  }
  // One side's text grew out of the other's (a later save of the same typing): the longer one holds both.
  if (theirs.includes(ours)) return { text: theirs, clean: true };
  if (ours.includes(theirs)) return { text: ours, clean: true };
  return { text: ours, clean: false };
}

/** Another window's version of code this tab changed in the same lines: the person picks one. */
export interface CodeChoice {
  field: keyof DesignNotes;
  theirs: string;
}

export interface NotesMerge {
  notes: DesignNotes;
  choices: CodeChoice[];
}

/**
 * Each field merged with `mergeText`. Where both sides changed the same lines, a note keeps both texts (ours first,
 * then the marker and theirs, so what is being typed does not move); code keeps ours and offers theirs as a
 * choice; a choice such as the coding language keeps ours.
 */
export function mergeNotes(base: DesignNotes, ours: DesignNotes, theirs: DesignNotes): NotesMerge {
  const merged: Record<string, string> = {};
  const choices: CodeChoice[] = [];
  const fields = new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)]) as Set<
    keyof DesignNotes
  >;
  for (const field of fields) {
    const o = ours[field] ?? '';
    const t = theirs[field] ?? '';
    const { text, clean } = mergeText(base[field] ?? '', o, t);
    let value = text;
    if (!clean && isCodeField(field)) choices.push({ field, theirs: t });
    else if (!clean && field !== 'language') value = `${o}${CONFLICT_MARKER}${t}`;
    // A field this tab emptied stays, empty: without it, the coding page would show the starter code again.
    if (value || (value === o && ours[field] !== undefined)) merged[field] = value;
  }
  return { notes: merged as DesignNotes, choices };
}

type Element = Scene['elements'][number] & { version?: number };

/** Elements are merged by id, the higher Excalidraw `version` winning; files are the union (they never change). */
export function mergeScenes(ours: Scene, theirs: Scene): Scene {
  const byId = new Map<string, Element>();
  for (const element of theirs.elements as Element[]) byId.set(element.id, element);
  for (const element of ours.elements as Element[]) {
    const other = byId.get(element.id);
    if (!other || Number(element.version ?? 0) >= Number(other.version ?? 0)) byId.set(element.id, element);
  }
  const order = [...new Set([...theirs.elements.map((e) => e.id), ...ours.elements.map((e) => e.id)])];
  return {
    elements: order.map((id) => byId.get(id)!).filter(Boolean),
    files: { ...(theirs.files ?? {}), ...(ours.files ?? {}) }
  };
}

export function mergeWork(
  base: SessionWork,
  ours: SessionWork,
  theirs: SessionWork
): { work: SessionWork; choices: CodeChoice[] } {
  const { notes, choices } = mergeNotes(base.notes, ours.notes, theirs.notes);
  return { work: { notes, scene: mergeScenes(ours.scene, theirs.scene) }, choices };
}

/** The note fields whose text differs from the last acknowledged save. */
export function changedNotes(base: DesignNotes, current: DesignNotes): DesignNotes {
  const changed: Record<string, string> = {};
  for (const field of new Set([...Object.keys(base), ...Object.keys(current)]) as Set<keyof DesignNotes>) {
    if ((base[field] ?? '') !== (current[field] ?? '')) changed[field] = current[field] ?? '';
  }
  return changed as DesignNotes;
}

export function sceneKey(scene: Scene): string {
  return (
    JSON.stringify(scene.elements.map((e) => [e.id, (e as Element).version ?? 0])) +
    Object.keys(scene.files ?? {}).join()
  );
}

/** The fields a merge had to join (both sides changed them differently): the ones the person should look at. */
export function joinedFields(ours: DesignNotes, theirs: DesignNotes, merged: DesignNotes): (keyof DesignNotes)[] {
  return (Object.keys(merged) as (keyof DesignNotes)[]).filter(
    (field) =>
      (merged[field] ?? '').includes(CONFLICT_MARKER) &&
      !(ours[field] ?? '').includes(CONFLICT_MARKER) &&
      !(theirs[field] ?? '').includes(CONFLICT_MARKER)
  );
}

const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries([...DESIGN_NOTE_FIELDS, ...CODING_NOTE_FIELDS].map((f) => [f.id, f.label])),
  codeJavascript: 'JavaScript code',
  codeTypescript: 'TypeScript code',
  codePython: 'Python code'
};

/** A field's name as the page shows it. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** What to tell the person after their tab took in another window's work; empty when nothing needs their eyes. */
export function mergeNotice(fields: string[]): string {
  if (fields.length === 0) return '';
  const names = fields.map(fieldLabel).join(', ');
  return `Another window also changed ${names}. Both versions are kept, separated by “— also saved from another window —”: keep what you need.`;
}
