/**
 * Three-way merge of a session's work after a conflicting save (another tab or browser saved first):
 * nothing either side typed is lost.
 */
import { CODING_NOTE_FIELDS, DESIGN_NOTE_FIELDS } from '@mockloop/contracts/constants';
import type { DesignNotes, Scene, SessionWork } from '@mockloop/contracts';

export const CONFLICT_MARKER = '\n\n— also saved from another window —\n';

/** A note both sides changed keeps both texts, ours first; a note one side changed takes that side's text. */
export function mergeNotes(base: DesignNotes, ours: DesignNotes, theirs: DesignNotes): DesignNotes {
  const merged: Record<string, string> = {};
  const fields = new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)]) as Set<
    keyof DesignNotes
  >;
  for (const field of fields) {
    const b = base[field] ?? '';
    const o = ours[field] ?? '';
    const t = theirs[field] ?? '';
    let value: string;
    if (o === t || t === b) value = o;
    else if (o === b) value = t;
    else if (t.includes(o)) value = t;
    else if (o.includes(t)) value = o;
    // A choice such as the coding language cannot hold both: this window's wins.
    else if (field === 'language') value = o;
    else value = `${o}${CONFLICT_MARKER}${t}`;
    if (value) merged[field] = value;
  }
  return merged as DesignNotes;
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

export function mergeWork(base: SessionWork, ours: SessionWork, theirs: SessionWork): SessionWork {
  return { notes: mergeNotes(base.notes, ours.notes, theirs.notes), scene: mergeScenes(ours.scene, theirs.scene) };
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

/** What to tell the person after their tab took in another window's work; empty when nothing needs their eyes. */
export function mergeNotice(fields: string[]): string {
  if (fields.length === 0) return '';
  const names = fields.map((f) => FIELD_LABELS[f] ?? f).join(', ');
  return `Another window also changed ${names}. Both versions are kept, separated by “— also saved from another window —”: keep what you need.`;
}
